// Writes the project of README.md's "Your own dataset in five minutes" into this folder, from the
// README's own text: every fenced block whose info string names a path ("```java src/...") is a
// file. The commands and the expected output are kept for verify.groovy.
def readme = new File(readmeFile).getText('UTF-8')
def start = readme.indexOf('## Your own dataset in five minutes')
assert start >= 0 : 'README.md has no section "Your own dataset in five minutes"'
def end = readme.indexOf('\n## ', start + 1)
def section = readme.substring(start, end < 0 ? readme.length() : end)

def files = []
def commands = null
def output = null
def fence = /(?ms)^```(\w+)(?: ([^\s`]+))?\n(.*?)^```\n/
(section =~ fence).each { all, lang, path, body ->
  if (path) {
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.setText(body, 'UTF-8')
    files << path
  } else if (lang == 'bash') {
    assert commands == null : 'the section has more than one bash block'
    commands = body
  } else if (lang == 'text') {
    assert output == null : 'the section has more than one text block'
    output = body
  }
}
assert files.contains('pom.xml') && files.size() >= 8 : "files found in the README: $files"
assert commands != null && output != null : 'the commands or the expected output are missing'
new File(basedir, 'readme-commands.txt').setText(commands, 'UTF-8')
new File(basedir, 'readme-output.txt').setText(output, 'UTF-8')

// The README names this reactor's version, so that the SNAPSHOTs just built are the ones used.
def pom = new File(basedir, 'pom.xml').getText('UTF-8')
def versions = (pom =~ /(?s)<groupId>dev\.datajar<\/groupId>\s*<artifactId>[^<]+<\/artifactId>\s*<version>([^<]+)<\/version>/)
    .collect { it[1] }
assert versions.size() == 2 && versions.every { it == datajarVersion } :
    "README.md's pom names datajar $versions; this build is $datajarVersion"
return true
