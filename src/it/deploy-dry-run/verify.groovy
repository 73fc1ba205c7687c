import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('Dry run: nothing is changed. Plan (30 to create, 0 to replace, 0 to alter, 0 unchanged, 3 task(s) to resume)')
assert log =~ /CREATE\s+PIPE\s+SCHOOL_DATA.AUTOSYNC.GRADES_PIPE\s+does not exist/
def plan = new JsonSlurper().parse(new File(basedir, 'target/autosync/plan.json'))
assert plan.counts.create == 30
assert new File(basedir, 'target/autosync/plan.sql').text.contains('CREATE PIPE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES_PIPE')
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert lines.findAll { it.command }.every { it.command =~ /^(SHOW|DESC|SELECT)/ } : lines*.command.unique()
