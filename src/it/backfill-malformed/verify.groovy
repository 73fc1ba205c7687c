import dev.autosync.testing.InvokerPipeline as P
def log = new File(basedir, 'build.log').text
assert log.contains('Backfill done: 2 file(s), 4 row(s) loaded; 1 malformed file(s) skipped.')
assert log =~ /\[WARNING\] Skipped malformed file attendance\/broken\.json: Error parsing JSON/
def base = basedir.toPath()
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS') == '4'
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE') == '4'
assert P.rows(base, "SELECT STATUS, ROWS_LOADED FROM SCHOOL_DATA.AUTOSYNC.AUTOSYNC_BACKFILL_FILES WHERE FILE_NAME = 'attendance/broken.json'") ==
        ['LOAD_FAILED|0']
