// The three invocations log, in order: built, up to date, built again.
def log = new File(basedir, 'build.log').getText('UTF-8')
// The goal's own summary lines, whole lines only (the path is relative to the project).
def built = /\[INFO\] dataset 'geo': 1 table, 3 rows, [0-9.]+ (B|KB|MB) in [0-9,]+ ms -> target[\/\\]classes[\/\\]META-INF[\/\\]datasets[\/\\]geo\.sqlite/
def kept = /\[INFO\] dataset 'geo' is up to date/
def events = []
(log =~ "(?m)^(?:${built}|${kept})\\r?\$").each { match ->
  def line = match instanceof List ? match[0] : match // a List when the pattern has groups
  events << (line.contains('up to date') ? 'kept' : 'built')
}
assert events == ['built', 'kept', 'built'] : "expected built, kept, built but the log shows ${events}"
assert new File(basedir, 'target/classes/META-INF/datasets/geo.sqlite').isFile()
return true
