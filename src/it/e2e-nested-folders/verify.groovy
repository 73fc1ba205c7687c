def log = new File(basedir, 'build.log').text
assert log =~ /e2e E2E-\d{8}-\d{6}-[A-Z2-9]{4}: 5 passed, 0 failed, 0 skipped/
def sql = { new File(basedir, "target/autosync/sql").listFiles().find { f -> f.name.endsWith(it) }.text }
assert sql('_pipe_ATTENDANCE_PIPE.sql').contains('FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/exports/attendance/2026/')
assert sql('_pipe_ATTENDANCE_E2E_PIPE.sql').contains('FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_E2E_STAGE/exports/attendance/2026/')
assert sql('_pipe_STUDENTS_PIPE.sql').contains('FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/sis/students/')
// the run's files went under the nested e2e folders and were removed afterwards
def queries = new File(basedir, 'target/autosync/local/query-log.jsonl').text
assert queries.contains('REMOVE @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_E2E_STAGE/exports/grades/E2E-')
