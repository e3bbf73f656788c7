// Five invocations (invoker.properties): release 1.0; 1.1 with inspect, dump, diff and a
// passing guard; the guard failing at 10%; a diff against a version that does not exist; 1.0
// again, diffed and guarded against its own installed version.
def log = new File(basedir, 'build.log').getText('UTF-8')
def says = { String text -> log.contains(text) }

// 1: nothing to compare the first release with.
assert says('[INFO] No release of dev.datajar.it:tools-goals before 1.0 was found: the release guard has nothing to compare with')

// 2: the guard passes against the latest release, 1.0.
assert says("[INFO] dataset 'geo' passes the release guard against dev.datajar.it:tools-goals:1.0: 1 added, 1 removed, 1 changed")

// inspect: the module's own build.
assert says('[INFO] dataset geo  (target/classes)')
assert says('[INFO] table airport  10 rows  (entity Airport)')
assert (log =~ /\[INFO\]   code\s+text\s+String\s+Airport\.code  not null/).find()

// dump: source files, checked by building them again.
def csv = new File(basedir, 'target/dataset-dump/src/main/datasets/geo/airport.csv').getText('UTF-8')
assert csv == 'id,code,elevation_ft,name\n1,AMS,-11,Amsterdam Airport Schiphol\n2,EIN,74,Eindhoven\n' +
    '3,RTM,-15,Rotterdam The Hague\n4,GRQ,17,Groningen Eelde\n5,MST,114,Maastricht Aachen\n' +
    '6,LEY,-13,Lelystad\n7,ENS,35,Twente\n8,DHR,3,De Kooy\n9,WOE,63,Woensdrecht\n' +
    '11,QAR,,"Arnhem, Deelen"\n' : csv
assert says("[INFO] dataset 'geo': the dump builds a byte-identical file")

// diff: Markdown release notes against 1.0, written to a file and logged.
def md = new File(basedir, 'target/diff.md').getText('UTF-8')
assert md == '''## Dataset `geo`: dev.datajar.it:tools-goals:1.0 → target/classes

### Rows

| table | rows before | rows after | added | removed | changed |
|---|---:|---:|---:|---:|---:|
| `airport` | 10 | 10 | 1 | 1 | 1 |

### `airport`

Added (1):

- `11`: code="QAR", name="Arnhem, Deelen"

Removed (1):

- `10`: code="BZM", name="Bergen op Zoom"

Changed (1):

| id | column | before | after |
|---|---|---|---|
| `1` | name | "Amsterdam Schiphol" | "Amsterdam Airport Schiphol" |
''' : md

// 3: the guard at 10% fails the build and shows the summary.
assert says("dataset 'geo' changed more than the release guard allows against dev.datajar.it:tools-goals:1.0:")
assert says("If the change is intended, raise the limit (<maxChangedShare> in the guard's <configuration>, or -Ddataset.guard.maxChangedShare where the pom does not set it)")
assert says('  table airport: 2 of 10 previous rows removed or changed (20.0%, more than the 10.0% allowed)')
assert says('  airport: 10 -> 10 rows, 1 added, 1 removed, 1 changed (name: 1)')

// 5: against the project's own version (1.0, installed by invocation 1): the guard and the diff
// compared the new rows with the installed jar, so they see the changes (run 2's guard line, again).
def guardLine = "[INFO] dataset 'geo' passes the release guard against dev.datajar.it:tools-goals:1.0: 1 added, 1 removed, 1 changed"
assert log.count(guardLine) == 2 : 'the guard against the own version did not see the installed jar'
assert says('[INFO]       name: "Amsterdam Schiphol" -> "Amsterdam Airport Schiphol"') :
    'the diff against the own version did not see the installed jar'
assert !says('no changes')

// 4: an unknown version is one line.
assert says('dev.datajar.it:tools-goals:9.9 was not found in the local repository or the project\'s remote repositories. Check the version (-Ddataset.diff.against), or install or deploy that version first')
// The invoker runs Maven with -e, which prints the Mojo's own frames; the tools' exception is
// not attached as a cause, so none of their frames may appear.
assert !log.contains('at dev.datajar.tools.') : 'a stack trace of the tools reached the log'
return true
