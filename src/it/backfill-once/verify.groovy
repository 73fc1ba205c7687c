import dev.autosync.testing.InvokerPipeline as P
def log = new File(basedir, 'build.log').text
assert log.contains('ATTENDANCE: 3 file(s) in the window, 0 loaded before, 3 to load')
assert log =~ /  would load attendance\/h1\.json \(\d+ B\)/
assert log =~ /Backfill dry run: would load 3 file\(s\), \d+ bytes; nothing changed\./
assert log =~ /ATTENDANCE: 3\/3 files, 9 rows, [0-9.]+ s elapsed, ETA 0 s/
assert log.contains('Backfill done: 3 file(s), 9 row(s) loaded; 0 malformed file(s) skipped.')
assert log.contains('ATTENDANCE: 3 file(s) in the window, 3 loaded before, 0 to load')
assert log.contains('Backfill done: 0 file(s), 0 row(s) loaded; 0 malformed file(s) skipped.')
def base = basedir.toPath()
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS') == '11'
assert P.scalar(base, 'SELECT COUNT(DISTINCT EVENT_ID) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS') == '11'
assert P.scalar(base, "SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE WHERE STATUS = 'PRESENT'") == '11'
assert P.rows(base, 'SELECT FILE_NAME, STATUS, ROWS_LOADED FROM SCHOOL_DATA.AUTOSYNC.AUTOSYNC_BACKFILL_FILES ORDER BY 1') ==
        ['attendance/h1.json|LOADED|3', 'attendance/h2.json|LOADED|3', 'attendance/h3.json|LOADED|3']
