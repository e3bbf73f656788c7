// The command line that dependency:copy brought, run as README.md runs it: inspect, dump --verify
// and the diff example (dump, edits, build, diff) on the iso-codes dataset jar, whose output must be
// the README's, line for line.
import java.util.concurrent.TimeUnit

def readme = new File(readmeFile).getText('UTF-8')
def start = readme.indexOf('## Inspect, dump and diff a dataset')
assert start >= 0 : 'README.md has no section "Inspect, dump and diff a dataset"'
def end = readme.indexOf('\n## ', start + 1)
def section = readme.substring(start, end < 0 ? readme.length() : end)

// The README's copy command is this case's goal line (invoker.properties), at this version.
def copy = (section =~ /(?s)```bash\n(mvn -q [^\n]*\\\n[^\n]*)\n(alias [^\n]*)\n/)
assert copy.find() : 'the README no longer shows the dependency:copy command and the alias'
def command = copy.group(1).replaceAll(/\\\n\s*/, '').replaceAll(/\s+/, ' ')
assert command == "mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy" +
    " -Dartifact=dev.datajar:dataset-tools:${datajarVersion}:jar:cli -DoutputDirectory=." :
    "README.md's copy command changed ($command): change invoker.properties with it"
def cli = new File(basedir, "dataset-tools-${datajarVersion}-cli.jar")
assert cli.isFile() : "dependency:copy did not write ${cli.name} into the current folder"
assert copy.group(2) == 'alias datajar-tools="java -jar $PWD/' + cli.name + '"' : copy.group(2)

// The dataset jar the README inspects, beside the command line as in the README, which copies it
// the same way (here it is taken from the isolated local repository directly).
def isoName = "dataset-iso-codes-${datajarVersion}.jar"
assert section.contains("mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \\\n" +
    "    -Dartifact=dev.datajar:dataset-iso-codes:${datajarVersion} -DoutputDirectory=.\n") :
    'the README no longer shows how to copy the iso-codes jar'
def iso = new File(localRepositoryPath, "dev/datajar/dataset-iso-codes/${datajarVersion}/${isoName}")
assert iso.isFile() : "${iso} is missing"
new File(basedir, isoName).bytes = iso.bytes

def java = new File(System.getProperty('java.home'), 'bin/java').path
def run = { List<String> args ->
  def p = new ProcessBuilder(([java, '-jar', cli.name] + args)*.toString()).directory(basedir).start()
  def out = new ByteArrayOutputStream()
  def err = new ByteArrayOutputStream()
  p.consumeProcessOutput(out, err)
  assert p.waitFor(10, TimeUnit.MINUTES) : "datajar-tools ${args} did not finish"
  [status: p.exitValue(), out: out.toString('UTF-8'), err: err.toString('UTF-8')]
}
def differs = { String expected, String actual ->
  def e = expected.readLines()
  def a = actual.readLines()
  def i = (0..<Math.max(e.size(), a.size())).find { e[it] != a[it] }
  i == null ? null : "line ${i + 1}: README.md says\n  ${e[i]}\nthe command line printed\n  ${a[i]}"
}

def version = run(['--version'])
assert version.status == 0 && version.out == "datajar-tools ${datajarVersion}\n" : version

// A README block that starts with '$ <prompt>': each '$' line of it as written (datajar-tools
// through the copied jar, which must print nothing on stderr; anything else in bash), and what
// each prints where the README shows it under the line.
def problem
def runBlock = { String prompt ->
  def at = section.indexOf('$ ' + prompt + '\n')
  assert at >= 0 : "README.md no longer shows '\$ ${prompt}'"
  def lines = section.substring(at, section.indexOf('```', at)).readLines()
  for (int i = 0; i < lines.size(); i++) {
    def line = lines[i].substring(2)
    def expected = []
    while (i + 1 < lines.size() && !lines[i + 1].startsWith('$ ')) {
      expected << lines[++i]
    }
    def out
    if (line.startsWith('datajar-tools ')) {
      def r = run(line.substring('datajar-tools '.length()).split(' ') as List)
      assert r.status == 0 && r.err == '' : "${line}: ${r}"
      out = r.out
    } else {
      def script = new File(basedir, 'step.sh')
      script.setText(line + '\n', 'UTF-8') // a file: its bytes stay UTF-8 whatever the locale
      def p = new ProcessBuilder(['bash', script.path]).directory(basedir).redirectErrorStream(true).start()
      out = p.inputStream.getText('UTF-8')
      assert p.waitFor() == 0 : "${line}: ${out}"
    }
    if (!expected.isEmpty()) {
      problem = differs(expected.join('\n') + '\n', out)
      assert problem == null : "${line}: ${problem}"
    }
  }
}
runBlock("datajar-tools inspect ${isoName}")
runBlock("datajar-tools dump ${isoName} --out dump --verify") // with head -4 of two dumped files
// The diff example: dump, the edits, build, diff; then the Markdown form.
runBlock("datajar-tools dump ${isoName} --out edited")
runBlock("datajar-tools diff ${isoName} iso-codes-next")
def quoteAt = section.indexOf('The same as `--format markdown`:')
assert quoteAt >= 0 : 'README.md no longer shows the --format markdown example'
def quoted = section.substring(quoteAt).readLines().drop(2).takeWhile { it.startsWith('>') }
    .collect { it.replaceFirst(/^> ?/, '') }.join('\n') + '\n'
def markdown = run(['diff', isoName, 'iso-codes-next', '--format', 'markdown'])
assert markdown.status == 0 : markdown
problem = differs(quoted, markdown.out)
assert problem == null : problem

// Coordinates are looked up in the local repository (here the isolated one, as -Dmaven.repo.local).
def coords = new ProcessBuilder([java, "-Dmaven.repo.local=${localRepositoryPath}", '-jar',
    cli.name, 'inspect', "dev.datajar:dataset-iso-codes:${datajarVersion}"]*.toString())
    .directory(basedir).redirectErrorStream(true).start()
def coordsOut = coords.inputStream.getText('UTF-8')
assert coords.waitFor() == 0 : coordsOut
assert coordsOut.startsWith("dataset iso-codes  (dev.datajar:dataset-iso-codes:${datajarVersion})\n") : coordsOut
return true
