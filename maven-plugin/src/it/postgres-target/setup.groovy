// A new database on the test PostgreSQL server of this JVM (started on first use, stopped when
// the outer build ends); the build reads its URL from .mvn/maven.config.
def url = dev.datajar.testing.postgres.TestPostgres.get().createDatabase('it')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').setText('-Ddataset.jdbc.url=' + url + '\n', 'UTF-8')
new File(basedir, 'jdbc.url').setText(url, 'UTF-8')
