// A new field adds HOMEROOM to the landing and normalised tables with ALTER TABLE; the pipe and task are replaced.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log =~ /ALTER\s+TABLE\s+SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS/
assert log =~ /ALTER\s+TABLE\s+SCHOOL_DATA.AUTOSYNC.STUDENTS /
assert log.contains('Health check passed')
def plan = new JsonSlurper().parse(new File(basedir, 'target/autosync/plan.json'))
def table = plan.steps.find { it.name == 'SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS' }
assert table.action == 'ALTER'
assert table.statements == ['ALTER TABLE SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS ADD COLUMN HOMEROOM VARCHAR']
assert plan.steps.findAll { it.kind == 'TABLE' }.every { it.action in ['ALTER', 'UNCHANGED'] }
assert plan.steps.find { it.name == 'SCHOOL_DATA.AUTOSYNC.STUDENTS_PIPE' }.action == 'REPLACE'
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert !lines.any { it.command?.startsWith('DROP') || (it.command == 'CREATE OR REPLACE TABLE') }
