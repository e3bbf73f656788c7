// 'n/a' in an integer column: the build fails with the builder's file:line:column message, as a
// failure of the goal (not an internal error), and leaves no dataset behind.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert found(/geo[\/\\]airport\.csv:3:4: column 'elevation_ft': 'n\/a' is not an integer \(Airport\.elevationFt\)/) :
    'build.log lacks the file:line:column message'
assert says('Failed to execute goal dev.datajar:dataset-maven-plugin:') : 'the goal did not fail'
assert says('MojoFailureException') : 'a data error must fail the goal, not crash it'

def classes = new File(basedir, 'target/classes')
def left = []
classes.eachFileRecurse { if (it.name.contains('.sqlite') || it.name.endsWith('.manifest.json')) left << it }
assert left.isEmpty() : "a failed build left ${left}"
assert !new File(classes, 'META-INF/datasets/index').exists()
return true
