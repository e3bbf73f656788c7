// mvn dataset:help resolves through the prefix and shows the goal with its user properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('dataset:build') : 'help does not list dataset:build'
['dataset.skip', 'dataset.force', 'dataset.sourceDirectory', 'dataset.outputDirectory',
 'dataset.workDirectory', 'dataset.names'].each {
  assert log.contains(it) : "help does not mention $it"
}
assert log.contains('BUILD SUCCESS') : 'dataset:help failed'
return true
