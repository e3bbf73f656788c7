// The three invocations log, in order: built, up to date, built again.
def log = new File(basedir, 'build.log').getText('UTF-8')
def built = /\[INFO\] dataset 'geo': 1 table, 3 rows, [0-9.]+ (B|KB|MB) in [0-9,]+ ms -> /
def kept = /\[INFO\] dataset 'geo' is up to date/
def events = []
(log =~ "(${built})|(${kept})").each { match -> events << (match[0].contains('up to date') ? 'kept' : 'built') }
assert events == ['built', 'kept', 'built'] : "expected built, kept, built but the log shows ${events}"
assert new File(basedir, 'target/classes/META-INF/datasets/geo.sqlite').isFile()
return true
