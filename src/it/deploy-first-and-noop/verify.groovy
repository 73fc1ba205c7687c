// A first deploy creates every object; the same build again changes nothing and sends no DDL.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('No Snowflake connection is configured: using the local emulator in target/autosync/local')
assert log =~ /Deployed to the local emulator .*: 30 created, 0 replaced, 0 altered, 0 unchanged/
assert log =~ /Deployed to the local emulator .*: 0 created, 0 replaced, 0 altered, 30 unchanged; 0 statement\(s\)/
assert log.contains('Health check passed')
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def starts = lines.findIndexValues { it.event == 'emulator started' }
assert starts.size() == 2 : 'two builds, two emulator starts'
def first = lines.subList((int) starts[0] + 1, (int) starts[1])
def second = lines.subList((int) starts[1] + 1, lines.size())
def ddl = { it.command =~ /^(CREATE|ALTER|DROP)/ }
assert first.count(ddl) >= 29
assert second.count(ddl) == 0 : 'the no-op deploy sent DDL: ' + second.findAll(ddl)*.text
assert second.every { it.status == 'SUCCESS' }
def plan = new JsonSlurper().parse(new File(basedir, 'target/autosync/plan.json'))
assert plan.counts.unchanged == 30
assert plan.steps.every { it.action == 'UNCHANGED' }
