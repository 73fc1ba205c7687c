// a user's pipeline spec with a fourth entity renders that entity's whole object set.
def out = new File(basedir, 'target/autosync')
def names = new File(out, 'sql').listFiles().collect { it.name }
['table_ENROLMENTS_EVENTS', 'table_ENROLMENTS', 'table_ENROLMENTS_REJECTS', 'stream_ENROLMENTS_EVENTS_STREAM',
 'pipe_ENROLMENTS_PIPE', 'pipe_ENROLMENTS_E2E_PIPE', 'task_PROCESS_ENROLMENTS_TASK'].each { n ->
    assert names.any { it.endsWith("_${n}.sql") } : "missing ${n}"
}
def pipe = new File(out, 'sql').listFiles().find { it.name.endsWith('_pipe_ENROLMENTS_PIPE.sql') }.text
assert pipe.contains('$1:student.id::VARCHAR')
assert pipe.contains('$1:"course id"::VARCHAR')
assert pipe.contains("TRY_TO_DECIMAL(IFNULL(\$1:credits::VARCHAR, '1'), 4, 1)")
assert pipe.contains('TRY_TO_BOOLEAN($1:active::VARCHAR)')
assert pipe.contains('@SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/enrolments/')
def manifest = new groovy.json.JsonSlurper().parse(new File(out, 'manifest.json'))
assert manifest.entities*.name == ['ATTENDANCE', 'GRADES', 'STUDENTS', 'ENROLMENTS']
assert manifest.pipeline == 'pipeline.json'
