// Each user's resolved dependencies, as dependency:list printed them into build.log: what is on
// its class path at run time (compile and runtime scope; its test-only JUnit left out). Guice and
// pgjdbc are optional in dataset-runtime: a user has them only by adding them.
def log = new File(basedir, 'build.log').getText('UTF-8')

def resolved = [:]
String current = null
log.eachLine { line ->
  def start = line =~ /^\[INFO\] --- (?:maven-)?dependency(?:-plugin)?:[^ ]+:list \(default-cli\) @ ([a-z0-9-]+) ---$/
  if (start.find()) {
    current = start.group(1)
    resolved[current] = []
    return
  }
  if (current == null) {
    return
  }
  def dep = line =~ /^\[INFO\]    ([^: ]+):([^: ]+):jar:(?:[^: ]+:)?([^: ]+):(compile|runtime)( .*)?$/
  if (dep.find()) {
    resolved[current] << dep.group(1) + ':' + dep.group(2)
  } else if (line.startsWith('[INFO] ---') || line.startsWith('[INFO] ----')) {
    current = null
  }
}
resolved.remove('dependency-trees') // the reactor's own pom
assert resolved.keySet() == ['plain-java', 'guice', 'spring-boot'] as Set : resolved.keySet()

def has = { String user, String prefix -> resolved[user].any { it.startsWith(prefix) } }
def guice = 'com.google.inject:'
def guava = 'com.google.guava:'
def pgjdbc = 'org.postgresql:'
for (user in ['plain-java', 'guice', 'spring-boot']) {
  assert has(user, 'dev.datajar:dataset-runtime') : "${user}: ${resolved[user]}"
  assert has(user, 'org.xerial:sqlite-jdbc') : "${user}: ${resolved[user]}"
  assert !has(user, pgjdbc) : "${user} gets pgjdbc without asking: ${resolved[user]}"
}
for (user in ['plain-java', 'spring-boot']) {
  assert !has(user, guice) : "${user} gets Guice without asking: ${resolved[user]}"
  assert !has(user, guava) : "${user} gets Guava without asking: ${resolved[user]}"
}
assert has('guice', guice) && has('guice', guava) : resolved['guice']
assert has('spring-boot', 'dev.datajar:dataset-spring-boot-starter') : resolved['spring-boot']

// Every user read the dataset in its test.
for (test in ['com.example.plain.PlainJavaTest': 2, 'com.example.guice.GuiceTest': 1,
              'com.example.spring.CurrencyAppTest': 1]) {
  assert (log =~ /Tests run: ${test.value}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in ${java.util.regex.Pattern.quote(test.key)}/).find() :
      "${test.key} did not run its ${test.value} tests"
}
println resolved.collect { k, v -> "${k}: ${v.size()} jars" }.join(', ')
return true
