// The consumer resolved one Jackson version (jackson-annotations is versioned by minor: 2.22 for 2.22.4),
// and the published OLBot jars carry sources and Javadoc and no logback-test.xml.
import java.util.zip.ZipFile

def tree = new File(basedir, 'dependency-tree.txt').text
def jackson = (tree =~ /com\.fasterxml\.jackson\.core:(jackson-[a-z]+):jar:([0-9.]+)/).collect { [it[1], it[2]] }
assert !jackson.isEmpty() : "no Jackson in the dependency tree:\n" + tree
def minors = jackson.collect { it[1].tokenize('.').take(2).join('.') }.unique()
assert minors.size() == 1 : "more than one Jackson version: " + jackson
def cores = jackson.findAll { it[0] != 'jackson-annotations' }.collect { it[1] }.unique()
assert cores.size() == 1 : "jackson-core and jackson-databind differ: " + jackson

def repo = new File(localRepositoryPath, 'dev/olbot')
['bot-core', 'bot-testkit'].each { module ->
    def dir = new File(repo, module + '/' + olbotVersion)
    ['', '-sources', '-javadoc'].each { kind ->
        def jar = new File(dir, module + '-' + olbotVersion + kind + '.jar')
        assert jar.isFile() : "missing " + jar
    }
    def zip = new ZipFile(new File(dir, module + '-' + olbotVersion + '.jar'))
    try {
        def leaked = zip.entries().collect { it.name }.findAll { it.startsWith('logback') }
        assert leaked.isEmpty() : module + " jar contains " + leaked
    } finally {
        zip.close()
    }
}

// the README's logback-test.xml keeps the test output free of Netty and Vert.x debug lines
def chatter = new File(basedir, 'build.log').readLines().findAll { it =~ /DEBUG\s+(io\.netty|io\.vertx|i\.n\.|i\.v\.)/ }
assert chatter.isEmpty() : "debug lines of Netty/Vert.x in the consumer's test output: " + chatter.take(3)
return true
