// mvn package: the jar carries the dataset, its manifest and the index, and the log has the summary.
import java.nio.ByteBuffer
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert found(/\[INFO\] dataset 'geo': 1 table, 3 rows, [0-9.]+ (B|KB|MB) in [0-9,]+ ms -> target[\/\\]classes[\/\\]META-INF[\/\\]datasets[\/\\]geo\.sqlite/) :
    'the summary line is missing from build.log'
// Hibernate's boot logging goes through Maven's log (debug level), not to stderr.
assert !found(/(?m)^(INFO|WARNING|WARN): HHH\d+/) : 'Hibernate logged around Maven\'s log'

def jar = new JarFile(new File(basedir, 'target/happy-path-1.0.jar'))
try {
  ['META-INF/datasets/geo.sqlite', 'META-INF/datasets/geo.manifest.json',
   'META-INF/datasets/index', 'com/example/geo/Airport.class'].each {
    assert jar.getEntry(it) != null : "$it is missing from the jar"
  }
  assert jar.getInputStream(jar.getEntry('META-INF/datasets/index')).getText('UTF-8') == 'geo\n'

  def manifest = jar.getInputStream(jar.getEntry('META-INF/datasets/geo.manifest.json')).getText('UTF-8')
  assert manifest =~ /"name"\s*:\s*"geo"/
  assert manifest =~ /\{\s*"name"\s*:\s*"airport"\s*,\s*"rows"\s*:\s*3\s*\}/

  byte[] header = jar.getInputStream(jar.getEntry('META-INF/datasets/geo.sqlite')).readNBytes(100)
  assert new String(header, 0, 16, 'US-ASCII') == 'SQLite format 3\u0000'
  assert ByteBuffer.wrap(header, 60, 4).getInt() == 1 // user_version
  assert ByteBuffer.wrap(header, 68, 4).getInt() == 0x444A4152 // application_id "DJAR"
} finally {
  jar.close()
}

// The rows are there as the CSV gave them.
def file = new File(basedir, 'target/classes/META-INF/datasets/geo.sqlite')
def props = new Properties()
props.setProperty('open_mode', '1') // SQLITE_OPEN_READONLY
def connection = new org.sqlite.JDBC().connect('jdbc:sqlite:' + file.absolutePath, props)
try {
  def rows = []
  def rs = connection.createStatement().executeQuery(
      'select id, code, name, elevation_ft from airport order by id')
  while (rs.next()) {
    rows << [rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)]
  }
  assert rows == [[1L, 'AMS', 'Amsterdam Schiphol', -11], [2L, 'EIN', 'Eindhoven', 74],
                  [3L, 'RTM', 'Rotterdam The Hague', -15]]
} finally {
  connection.close()
}
return true
