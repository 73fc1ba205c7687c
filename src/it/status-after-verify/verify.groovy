// status from the state mvn verify left: the loaded and failed files, the right counts, JSON that parses, a page.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('VERDICT: HEALTHY') : 'e2e pipes failing on purpose do not degrade production'
// e2e loaded each valid file twice (the check and its replay) and one extra grades file: 3 x 2 grades files
assert log =~ /GRADES_E2E_PIPE\s+4\s+18\s+0\s+4\s+18\s+0/
assert log =~ /ATTENDANCE_E2E_PIPE\s+2\s+16\s+2\s+2\s+16\s+2/
assert log =~ /ATTENDANCE_E2E_PIPE\s+RUNNING\s+0\s+attendance\/E2E-[0-9A-Z-]+\//
assert log.contains('Recent load errors')
assert log =~ /ATTENDANCE_E2E_PIPE\s+attendance\/E2E-\S+\s+2\s+Error parsing JSON/
def json = new JsonSlurper().parse(new File(basedir, 'target/autosync/status.json'))
assert json.schemaVersion == 1
assert json.verdict.level == 'HEALTHY'
assert json.pipes.size() == 6 && json.pipes.every { it.executionState == 'RUNNING' }
def grades = json.metrics.find { it.pipe == 'GRADES_E2E_PIPE' }
assert grades.filesLoaded24h == 4 && grades.rowsLoaded24h == 18 && grades.filesFailed24h == 0
assert json.errors.size() == 2
assert json.errors*.file.any { it.endsWith('malformed_extra.json') }
assert json.tasks.every { it.state == 'started' && it.lastResult == 'SUCCEEDED' }
def html = new File(basedir, 'target/page/status.html').text
assert html.startsWith('<!DOCTYPE html>') && html.contains('id="chart-files"') && html.contains('malformed_extra.json')
