import dev.autosync.testing.InvokerPipeline as P
def log = new File(basedir, 'build.log').text
assert log.contains('ATTENDANCE: 3 rejected event(s) to replay:')
assert log.contains('  3 x missing studentId')
assert log.contains('ATTENDANCE: 2 passed, 1 still rejected:')
assert log.contains('  1 x invalid DATE in attendance_date: 2026-13-45')
assert log.contains('Replay of ATTENDANCE rejects done: 3 replayed, 2 passed, 1 still rejected.')
def base = basedir.toPath()
assert P.rows(base, 'SELECT REJECT_REASON FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_REJECTS') == ['invalid DATE in attendance_date: 2026-13-45']
assert P.rows(base, 'SELECT STUDENT_ID, EVENT_ID FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE ORDER BY 1') == ['S1|E1', 'S2|E2']
