// mvn dataset:help resolves through the prefix and shows the goal with its user properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert says('dataset:build') : 'help does not list dataset:build'
['dataset.skip', 'dataset.force', 'dataset.sourceDirectory', 'dataset.outputDirectory',
 'dataset.workDirectory', 'dataset.names'].each {
  assert says(it) : "help does not mention $it"
}
assert says('BUILD SUCCESS') : 'dataset:help failed'
return true
