import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
['files-loaded', 'landing-rows', 'normalised-rows', 'malformed-file-rejected', 'replay-changes-nothing'].each {
    assert log =~ /PASS ${it}/ : it
}
assert log =~ /e2e E2E-\d{8}-\d{6}-[A-Z2-9]{4}: 5 passed, 0 failed, 0 skipped/
def xml = new XmlSlurper().parse(new File(basedir, 'target/autosync/e2e/TEST-autosync-e2e.xml'))
assert xml.@tests == '5' && xml.@failures == '0'
assert xml.testcase*.@name*.text() == ['files-loaded', 'landing-rows', 'normalised-rows', 'malformed-file-rejected', 'replay-changes-nothing']
// the run cleaned up after itself
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def runId = (log =~ /End-to-end run (E2E-[0-9A-Z-]+)/)[0][1]
assert lines.any { it.text?.startsWith('DELETE FROM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS WHERE FILE_NAME LIKE') && it.text.contains(runId) && it.status == 'SUCCESS' }
assert lines.any { it.text?.startsWith('REMOVE @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_E2E_STAGE/grades/' + runId) }
assert lines.any { it.text?.startsWith("DELETE FROM SCHOOL_DATA.AUTOSYNC.STUDENTS WHERE STUDENT_ID LIKE") }
