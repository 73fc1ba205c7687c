import groovy.xml.XmlSlurper
def log = new File(basedir, 'build.log').text
assert log =~ /FAIL normalised-rows/
assert log =~ /ATTENDANCE STUDENT_ID=E2E-[0-9A-Z-]+-S1002, ATTENDANCE_DATE=2026-09-14: STATUS expected 'TARDY', found 'PRESENT' \(EVENT_TYPE 'TARDY'\)/
assert log =~ /PASS files-loaded/ && log =~ /PASS landing-rows/
assert log.contains('The end-to-end check failed')
def xml = new XmlSlurper().parse(new File(basedir, 'target/autosync/e2e/TEST-autosync-e2e.xml'))
assert xml.testcase.find { it.@name == 'normalised-rows' }.failure.text().contains("EVENT_TYPE 'TARDY'")
