// A <files> list in the pom's <tables> reaches the builder: the rows come from both files, in
// the order listed, and both are recorded in the manifest.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert found(/\[INFO\] dataset 'geo': 1 table, 3 rows, /) : 'the summary line is missing from build.log'

def file = new File(basedir, 'target/classes/META-INF/datasets/geo.sqlite')
def props = new Properties()
props.setProperty('open_mode', '1') // SQLITE_OPEN_READONLY
def connection = new org.sqlite.JDBC().connect('jdbc:sqlite:' + file.absolutePath, props)
try {
  def rows = []
  def rs = connection.createStatement().executeQuery('select code, country from airport order by id')
  while (rs.next()) {
    rows << [rs.getString(1), rs.getString(2)]
  }
  assert rows == [['AMS', 'NL'], ['EIN', 'NL'], ['RTM', 'NL']]
} finally {
  connection.close()
}
def manifest = new File(basedir, 'target/classes/META-INF/datasets/geo.manifest.json').getText('UTF-8')
assert manifest.contains('"airports-2025.csv"') && manifest.contains('"airports-2026.jsonl"') : manifest
return true
