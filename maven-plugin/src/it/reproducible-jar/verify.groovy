// Two builds without project.build.outputTimestamp give byte-identical jars, every entry at the
// plugin's fixed time, and the log says how to choose another.
import java.security.MessageDigest
import java.util.jar.JarFile

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] datajar: project.build.outputTimestamp is not set, so the jar\'s entries'
    + ' get the fixed time 2000-01-01T00:00:00Z and the jar is reproducible. To choose the time,'
    + ' add <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>'
    + ' to the pom\'s <properties>.') : 'the timestamp notice is missing from build.log'

def one = new File(basedir, 'target/one/reproducible-jar-1.0.jar')
def two = new File(basedir, 'target/two/reproducible-jar-1.0.jar')
def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
assert one.isFile() && two.isFile()
assert sha(one) == sha(two) : 'the two builds gave different jars'

def expected = java.time.Instant.parse('2000-01-01T00:00:00Z').toEpochMilli()
def jar = new JarFile(one)
try {
  assert jar.getEntry('META-INF/datasets/geo.sqlite') != null
  jar.entries().each { e ->
    // getTime() is the entry's local DOS time read back in this JVM's zone; the extended
    // timestamp field, when present, gives UTC.
    def t = e.lastModifiedTime?.toMillis() ?: e.time
    assert t == expected : "${e.name} is dated ${new Date(t)}, not at the fixed time"
  }
} finally {
  jar.close()
}
return true
