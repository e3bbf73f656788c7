// mvn package with a JDBC URL: the rows are in a new PostgreSQL schema, the jar has the manifest
// (which names the schema) and the index but no SQLite file; dataset:inspect skips the dataset.
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
def m = log =~ /\[INFO\] dataset 'geo': 1 table, 3 rows in [0-9,]+ ms -> PostgreSQL schema (geo_2_1_0_[0-9a-f]{10})/
assert m.find() : 'the summary line naming the schema is missing from build.log'
def schema = m.group(1)

def jar = new JarFile(new File(basedir, 'target/postgres-target-2.1.0.jar'))
try {
  assert jar.getEntry('META-INF/datasets/geo.sqlite') == null : 'the jar still carries a SQLite file'
  // The index lists it, so that a service depending on the jar finds it (integration-tests'
  // postgres-users case opens such a jar through the runtime).
  assert jar.getInputStream(jar.getEntry('META-INF/datasets/index')).getText('UTF-8') == 'geo\n'
  def manifest = jar.getInputStream(jar.getEntry('META-INF/datasets/geo.manifest.json')).getText('UTF-8')
  assert manifest.contains('"schema" : "' + schema + '"') : manifest
} finally {
  jar.close()
}

assert log.contains("[INFO] dataset 'geo' was built into PostgreSQL (schema " + schema +
    '): skipped, the tool goals read datasets built into SQLite files only')

def pg = dev.datajar.testing.postgres.TestPostgres.get()
def connection = pg.connect(new File(basedir, 'jdbc.url').getText('UTF-8'))
try {
  def rows = []
  def rs = connection.createStatement().executeQuery(
      "select id, code, name, elevation_ft from ${schema}.airport order by id".toString())
  while (rs.next()) {
    rows << [rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)]
  }
  assert rows == [[1L, 'AMS', 'Amsterdam Schiphol', -11], [2L, 'EIN', 'Eindhoven', 74],
                  [3L, 'RTM', 'Rotterdam The Hague', -15]]
} finally {
  connection.close()
}
