// Issue 13 item 4: the deploy stops before changing anything, naming each missing privilege and its GRANT.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('Deploy stopped before changing anything: role LOADER lacks 2 privilege(s) this deploy needs')
assert log.contains('GRANT EXECUTE TASK ON ACCOUNT TO ROLE LOADER;')
assert log.contains('GRANT EXECUTE MANAGED TASK ON ACCOUNT TO ROLE LOADER;')
// nothing was created: the build's session sent no DDL at all
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def last = lines.subList(lines.findLastIndexOf { it.event == 'emulator started' } + 1, lines.size())
def ddl = last.findAll { it.command =~ /^(CREATE|ALTER|DROP|GRANT)/ }*.text
assert ddl.isEmpty() : ddl
assert last.any { it.text =~ /SHOW GRANTS TO ROLE LOADER/ }
