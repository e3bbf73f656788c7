// README.md's quick start, built and run as written: the test ran and passed, Main printed
// exactly the README's output, and nothing else (Hibernate, SLF4J) reached the console.
def log = new File(basedir, 'build.log').getText('UTF-8')
def commands = new File(basedir, 'readme-commands.txt').getText('UTF-8').readLines()
    .collect { it.replaceAll(/#.*/, '').trim() }.findAll { it }
assert commands == ['mvn package', 'mvn -q exec:exec'] :
    "README.md's commands changed ($commands): change invoker.properties with them"

assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the README\'s test did not run'
assert log =~ /\[INFO\] dataset 'geo': 2 tables, 4 rows, / : 'the dataset summary is missing'

// exec:exec runs Main last: after its banner, every line that is not Maven's own [INFO] (which
// 'mvn -q' hides) is what the program printed, on stdout or stderr.
def tail = log.substring(log.lastIndexOf('--- exec-maven-plugin:'))
def printed = tail.readLines().drop(1).takeWhile { !it.startsWith('[INFO] ---') }
    .findAll { !it.startsWith('[INFO] ') }
def expected = new File(basedir, 'readme-output.txt').getText('UTF-8').readLines()
assert printed == expected : "Main printed:\n${printed.join('\n')}\nREADME.md says:\n${expected.join('\n')}"
assert !(log =~ /HHH\d+|SLF4J\(/) : 'Hibernate or SLF4J printed to the console'
return true
