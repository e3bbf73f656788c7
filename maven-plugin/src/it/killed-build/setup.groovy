// What a build of dataset 'geo' killed between staging and renaming left in the output folder (a
// whole staged copy of the file, under the name Files.createTempFile gave it), beside a file of
// the user's that merely looks alike.
def out = new File(basedir, 'target/classes/META-INF/datasets')
out.mkdirs()
def staged = new File(out, '.geo.sqlite.5302164711187356541.tmp')
staged.bytes = new byte[1024 * 1024]
new File(out, '.geo.sqlite.notes.tmp').setText('mine', 'UTF-8')
return true
