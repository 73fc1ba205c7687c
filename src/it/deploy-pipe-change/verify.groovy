// A changed pipe template: only GRADES_PIPE is replaced as "Managing Snowpipe" says (pause, PAUSED, replace, pause,
// resume, RUNNING; no file staged meanwhile, so nothing to queue again) and it runs again.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log =~ /Deployed to .*: 0 created, 1 replaced, 0 altered, 15 unchanged/
assert log =~ /REPLACE\s+PIPE\s+SCHOOL_DATA.AUTOSYNC.GRADES_PIPE/
assert log.contains('resets its load history')
assert log.contains('Health check passed')
def plan = new JsonSlurper().parse(new File(basedir, 'target/autosync/plan.json'))
assert plan.steps.findAll { it.action != 'UNCHANGED' }*.name == ['SCHOOL_DATA.AUTOSYNC.GRADES_PIPE']
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def last = lines.subList(lines.findLastIndexOf { it.event == 'emulator started' } + 1, lines.size())
def ddl = last.findAll { it.command =~ /^(CREATE|ALTER|DROP)/ }*.text.collect { it.readLines().find { !it.startsWith('--') } }
assert ddl.size() == 4 : ddl
assert ddl[0] == 'ALTER PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE SET PIPE_EXECUTION_PAUSED = TRUE'
assert ddl[1] == 'CREATE OR REPLACE PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE'
assert ddl[2] == 'ALTER PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE SET PIPE_EXECUTION_PAUSED = TRUE'
assert ddl[3] == 'ALTER PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE SET PIPE_EXECUTION_PAUSED = FALSE'
