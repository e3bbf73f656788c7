// Both modules built at once, each with its own dataset and nothing of the other's.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
assert found(/Using the MultiThreadedBuilder implementation with a thread count of 2/) :
    'the build did not run in parallel'
assert found(/\[INFO\] dataset 'colours': 1 table, 3 rows, /) : 'no summary for colours'
assert found(/\[INFO\] dataset 'sizes': 1 table, 2 rows, /) : 'no summary for sizes'

[colours: 'colours', sizes: 'sizes'].each { module, dataSet ->
  def jar = new JarFile(new File(basedir, "${module}/target/${module}-1.0.jar"))
  try {
    def names = jar.entries().toList()*.name.findAll { it.startsWith('META-INF/datasets/') && !it.endsWith('/') }
    assert names.sort() == ["META-INF/datasets/${dataSet}.manifest.json", "META-INF/datasets/${dataSet}.sqlite",
                            'META-INF/datasets/index'].collect { it.toString() }.sort() : "${module}: ${names}"
    assert jar.getInputStream(jar.getEntry('META-INF/datasets/index')).getText('UTF-8') == "${dataSet}\n"
  } finally {
    jar.close()
  }
}
return true
