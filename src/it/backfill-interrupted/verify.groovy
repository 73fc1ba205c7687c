import dev.autosync.testing.InvokerPipeline as P
def log = new File(basedir, 'build.log').text
assert log.contains('Backfill interrupted in batch 2 (autosync.backfill.interruptAfter)')
assert log.contains('ATTENDANCE: 5 file(s) in the window, 2 loaded before, 3 to load')
assert log.contains('Backfill done: 3 file(s), 12 row(s) loaded; 0 malformed file(s) skipped.')
assert log.contains('ATTENDANCE: 5 file(s) in the window, 5 loaded before, 0 to load')
def base = basedir.toPath()
// every event exactly once in the landing table, and normalised as if the files had arrived live
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS') == '20'
assert P.scalar(base, 'SELECT COUNT(DISTINCT EVENT_ID) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS') == '20'
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE') == '20'
assert P.scalar(base, "SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE WHERE STATUS = 'PRESENT' AND EVENT_ID = 'E' || SUBSTR(STUDENT_ID, 2)") == '20'
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_REJECTS') == '0'
assert P.scalar(base, 'SELECT COUNT(*) FROM SCHOOL_DATA.AUTOSYNC.AUTOSYNC_BACKFILL_FILES') == '5'
