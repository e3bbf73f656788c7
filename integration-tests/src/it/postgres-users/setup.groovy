// A new database on the test PostgreSQL server of this JVM (started on first use, stopped when
// the outer build ends). The dataset module reads the build's URL from its .mvn/maven.config, as
// 'mvn install -Ddataset.jdbc.url=...' would; the service gets the same database as geo.jdbc and
// the user to connect as geo.user (its own settings, which its tests hand to datajar each in the
// way they test). The private server trusts loopback connections: no password.
// The invoker filters only a case's top pom.xml: the two projects' poms are filtered here.
for (project in ['geo-data', 'geo-service']) {
  def pom = new File(basedir, project + '/pom.xml')
  pom.setText(pom.getText('UTF-8').replace('@project.version@', datajarVersion)
      .replace('@junit.version@', junitVersion).replace('@guice.version@', guiceVersion)
      .replace('@pgjdbc.version@', pgjdbcVersion), 'UTF-8')
}

def pg = dev.datajar.testing.postgres.TestPostgres.get()
def url = pg.createDatabase('users')
def config = { String project, String line ->
  new File(basedir, project + '/.mvn').mkdirs()
  new File(basedir, project + '/.mvn/maven.config').setText(line + '\n', 'UTF-8')
}
config('geo-data', '-Ddataset.jdbc.url=' + url)
config('geo-service', '-Dgeo.jdbc=' + url + '\n-Dgeo.user=' + pg.user())
return true
