// The build removed the staged file, said so, and the jar does not carry it; the user's file stays.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def out = new File(basedir, 'target/classes/META-INF/datasets')
assert !new File(out, '.geo.sqlite.5302164711187356541.tmp').exists() : 'the staged file is still there'
assert new File(out, '.geo.sqlite.notes.tmp').isFile() : "the user's file was removed"
assert log =~ /\[INFO\] dataset 'geo': removed .*\.geo\.sqlite\.5302164711187356541\.tmp, left by a build that was stopped before it finished/

def entries = new ZipFile(new File(basedir, 'target/killed-build-1.0.jar')).withCloseable { zip ->
  zip.entries().collect { it.name }.findAll { it.startsWith('META-INF/datasets/') }.sort()
}
assert entries == ['META-INF/datasets/', 'META-INF/datasets/.geo.sqlite.notes.tmp',
                   'META-INF/datasets/geo.manifest.json', 'META-INF/datasets/geo.sqlite',
                   'META-INF/datasets/index'] : "the jar holds ${entries}"
return true
