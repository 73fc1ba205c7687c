// Issue 13 item 8: the first run stops at the first pipe with the Azure steps; the second continues where it stopped.
import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('Cannot create SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE')
assert log.contains('Pipe Notifications bind failure')
assert log =~ /Open https:\/\/login\.microsoftonline\.com\/7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b\/oauth2\/authorize\S* and accept \(notification integration/
assert log.contains('Storage Queue Data Contributor on the queue https://districtevents.queue.core.windows.net/autosync-events')
assert log.contains('event type Microsoft.Storage.BlobCreated')
assert log.contains('run deploy again: it continues with SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE')
// the second run creates only what the first did not: nothing before the pipe again
def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def starts = lines.findIndexValues { it.event == 'emulator started' }
assert starts.size() == 2 : 'two builds, two emulator starts'
def second = lines.subList((int) starts[1] + 1, lines.size())
def created = second.findAll { it.command =~ /^CREATE/ && it.status == 'SUCCESS' }*.text.collect { it.readLines().find { !it.startsWith('--') } }
assert !created.any { it.contains('ATTENDANCE_EVENTS ') || it.contains('DATABASE') } : created
assert created.any { it.contains('PIPE') && it.contains('ATTENDANCE_PIPE') } : created
assert log.contains('Health check passed')
