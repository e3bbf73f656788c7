// 1: mvn dataset:help resolves through the prefix and shows the goal with its user properties.
// 2: -Ddataset.skip: the goal says so and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert says('dataset:build') : 'help does not list dataset:build'
['dataset.skip', 'dataset.force', 'dataset.sourceDirectory', 'dataset.outputDirectory',
 'dataset.workDirectory', 'dataset.names'].each {
  assert says(it) : "help does not mention $it"
}
assert says('[INFO] Skipping the dataset build (dataset.skip)') : 'no skip message in build.log'
assert !new File(basedir, 'target/classes/META-INF/datasets').exists()
assert !new File(basedir, 'target/datajar').exists()
assert new File(basedir, 'target/skip-1.0.jar').isFile()
assert says('BUILD SUCCESS') : 'the build failed'
return true
