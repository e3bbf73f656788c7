// The dataset module's installed jar lists its PostgreSQL dataset in META-INF/datasets/index, and
// the service read it through each public way of opening it: both of its test runs ran every test.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def m = log =~ /\[INFO\] dataset 'geo': 1 table, 3 rows in [0-9,]+ ms -> PostgreSQL schema (geo_2_1_0_[0-9a-f]{10})/
assert m.find() : 'the summary line naming the schema is missing from build.log'

def jar = new JarFile(new File(basedir, 'geo-data/target/geo-data-2.1.0.jar'))
try {
  assert jar.getEntry('META-INF/datasets/geo.sqlite') == null : 'the jar still carries a SQLite file'
  assert jar.getInputStream(jar.getEntry('META-INF/datasets/index')).getText('UTF-8') == 'geo\n'
  def manifest = jar.getInputStream(jar.getEntry('META-INF/datasets/geo.manifest.json')).getText('UTF-8')
  assert manifest.contains('"schema" : "' + m.group(1) + '"') : manifest
} finally {
  jar.close()
}

for (test in [CodeNamesDatabaseTest: 4, JvmPropertyTest: 3]) {
  assert (log =~ /Tests run: ${test.value}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.service\.${test.key}/).find() :
      "${test.key} did not run its ${test.value} tests"
}
// The service's resolved dependencies (dependency:list, compile and runtime scope): pgjdbc and
// Guice at the versions it declared itself (dataset-runtime declares both optional).
def listed = log.substring(log.indexOf('dependency-plugin:3.8.1:list (default-cli) @ geo-service'))
for (dep in ['org.postgresql:postgresql:jar:' + pgjdbcVersion + ':compile',
             'com.google.inject:guice:jar:' + guiceVersion + ':compile',
             'dev.datajar:dataset-runtime:jar:' + datajarVersion + ':compile']) {
  assert listed.contains('[INFO]    ' + dep) : "geo-service does not resolve ${dep}"
}
return true
