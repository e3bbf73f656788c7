// -Ddataset.skip: the goal says so and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping the dataset build (dataset.skip)') : 'no skip message in build.log'
assert !new File(basedir, 'target/classes/META-INF/datasets').exists()
assert !new File(basedir, 'target/datajar').exists()
assert new File(basedir, 'target/skip-1.0.jar').isFile()
return true
