// Removing a field would drop a column: refused with the reason and the way out; nothing was changed.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('Deploy refused; nothing was changed')
assert log.contains('column HOMEROOM (VARCHAR) would be dropped')
assert log.contains('-Dautosync.allowDestructiveChanges=true')
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def last = lines.subList(lines.findLastIndexOf { it.event == 'emulator started' } + 1, lines.size())
assert !last.any { it.command =~ /^(CREATE|ALTER|DROP)/ } : 'the refused deploy sent DDL'
