// dataset:build alone on a clean project: a failure that says how to run it instead.
def log = new File(basedir, 'build.log').getText('UTF-8')
// Helpers, so that a failed assertion prints its message rather than the whole log.
def found = { pattern -> (log =~ pattern).find() }
def says = { String text -> log.contains(text) }
assert found(/target[\/\\]classes does not exist, so there are no entity classes to build datasets from\. Compile first: run 'mvn package' \(the goal runs in the process-classes phase\), or 'mvn compile dataset:build'\. The @DataSet interface and its entities must be compiled in this module: classes in dependencies are not searched for datasets\./) :
    'build.log lacks the advice to compile first'
assert says('MojoFailureException') : 'must be a goal failure, not an internal error'
return true
