// -Ddataset.skip: the goal says so and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert says('[INFO] Skipping the dataset build (dataset.skip)') : 'no skip message in build.log'
assert !new File(basedir, 'target/classes/META-INF/datasets').exists()
assert !new File(basedir, 'target/datajar').exists()
assert new File(basedir, 'target/skip-1.0.jar').isFile()
return true
