// Importing olbot-bom gives one Jackson version across OLBot, Vert.x and the team's own Jackson modules.
def tree = new File(basedir, 'dependency-tree.txt').text
def jackson = (tree =~ /com\.fasterxml\.jackson\.[a-z]+:(jackson-[a-z0-9-]+):jar:([0-9.]+)/).collect { [it[1], it[2]] }
assert jackson.any { it[0] == 'jackson-dataformat-yaml' } : "jackson-dataformat-yaml missing from the tree:\n" + tree
def minors = jackson.collect { it[1].tokenize('.').take(2).join('.') }.unique()
assert minors.size() == 1 : "more than one Jackson version: " + jackson
assert jackson.findAll { it[0] != 'jackson-annotations' }.collect { it[1] }.unique().size() == 1 : "Jackson patch versions differ: " + jackson
assert tree.contains('io.vertx:vertx-core:jar:') : "vertx-core missing from the tree:\n" + tree
assert tree.contains('org.slf4j:slf4j-api:jar:2.0.20') : "slf4j-api is not the version OLBot is built with:\n" + tree
return true
