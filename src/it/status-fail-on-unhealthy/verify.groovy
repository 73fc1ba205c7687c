def log = new File(basedir, 'build.log').text
assert log.contains('VERDICT: FAILING')
assert log =~ /GRADES_PIPE\s+PAUSED/
assert log =~ /SCHOOL_DATA.AUTOSYNC.PROCESS_STUDENTS_TASK\s+suspended/
assert log.contains('The pipeline is FAILING (autosync.status.failOnUnhealthy):')
// advice matched to the state (SYSTEM$PIPE_FORCE_RESUME page, "Managing Snowpipe": stale or owner-changed pipes)
// named qualified, so the advice runs as pasted whatever schema is in use
assert log.contains('pipe SCHOOL_DATA.AUTOSYNC.GRADES_PIPE is PAUSED (resume: ALTER PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE SET PIPE_EXECUTION_PAUSED = FALSE; ')
assert log.contains("SELECT SYSTEM\$PIPE_FORCE_RESUME('SCHOOL_DATA.AUTOSYNC.GRADES_PIPE', 'staleness_check_override')")
assert log.contains('task SCHOOL_DATA.AUTOSYNC.PROCESS_STUDENTS_TASK is suspended (resume: ALTER TASK SCHOOL_DATA.AUTOSYNC.PROCESS_STUDENTS_TASK RESUME)')
