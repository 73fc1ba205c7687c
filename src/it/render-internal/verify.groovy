// render for an internal stage, in another database and schema.
def out = new File(basedir, 'target/autosync')
def names = new File(out, 'sql').listFiles().collect { it.name }
assert !names.any { it.contains('integration') }
assert names.contains('01_database_ANALYTICS.sql')
def stage = new File(out, 'sql/04_stage_AUTOSYNC_STAGE.sql').text
assert stage.contains('CREATE STAGE IF NOT EXISTS ANALYTICS.SCHOOL_FEED.AUTOSYNC_STAGE')
assert !stage.contains('URL =')
def pipe = new File(out, 'sql/10_pipe_ATTENDANCE_PIPE.sql').text
assert pipe.contains('AUTO_INGEST = FALSE')
assert pipe.contains('COPY INTO ANALYTICS.SCHOOL_FEED.ATTENDANCE_EVENTS')
