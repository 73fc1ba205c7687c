// render writes the Streamlit app; deploy with streamlit=true PUTs its files to a stage and creates the
// Streamlit object (CREATE STREAMLIT ... FROM ... MAIN_FILE ... QUERY_WAREHOUSE); the second, unchanged
// build publishes nothing. Checked in the log, the emulator's query log, and with SHOW STREAMLITS.
import dev.autosync.emulator.LocalEmulator
import dev.autosync.warehouse.*
import groovy.json.JsonSlurper
import java.nio.file.*

def log = new File(basedir, 'build.log').text
def app = new File(basedir, 'target/autosync/streamlit')
assert new File(app, 'streamlit_app.py').isFile()
assert new File(app, 'environment.yml').text.contains('- altair')
def page = new File(app, 'pages/Auto-Sync_Status.py').text
assert !page.contains('{{pipeline}}') : 'the placeholder is replaced'
assert page.contains('SCHOOL_DATA.AUTOSYNC.ATTENDANCE_E2E_PIPE') && page.contains('SCHOOL_DATA.AUTOSYNC.AUTOSYNC_ERROR_LOG')
assert new File(app, 'samples/malformed_sample.json').isFile()
assert new File(basedir, 'target/autosync/streamlit-local/local_session.py').isFile()

assert (log =~ /Published the Streamlit app SCHOOL_DATA\.AUTOSYNC\.AUTOSYNC_STATUS_APP \(7 files from @SCHOOL_DATA\.AUTOSYNC\.AUTOSYNC_APP_STAGE\)/).count == 1
assert log.contains('Streamlit app SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STATUS_APP; open it in Snowsight')
assert log.contains('Streamlit app unchanged: SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STATUS_APP')

def lines = new File(basedir, 'target/autosync/local/query-log.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
def starts = lines.findIndexValues { it.event == 'emulator started' }
assert starts.size() == 2
def first = lines.subList((int) starts[0] + 1, (int) starts[1])
def second = lines.subList((int) starts[1] + 1, lines.size())
def create = first.findAll { it.text =~ /^CREATE OR REPLACE STREAMLIT/ }
assert create.size() == 1
assert create[0].text.contains("FROM '@SCHOOL_DATA.AUTOSYNC.AUTOSYNC_APP_STAGE' MAIN_FILE = 'streamlit_app.py' QUERY_WAREHOUSE = APP_WH")
assert first.count { it.text =~ /^PUT / } == 7
assert second.count { it.text =~ /^(PUT|CREATE|ALTER|REMOVE)/ } == 0 : 'the unchanged redeploy changed something: ' + second*.text

def emulator = LocalEmulator.start(new File(basedir, 'target/autosync/local').toPath(), 0, null, null, { m -> } as java.util.function.Consumer)
try {
    def props = emulator.connectionProperties(null, null, null, null)
    def settings = props.stringPropertyNames().findAll { it != 'password' }.collectEntries { [(it): props.getProperty(it)] }
    def target = new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), settings, [password: Secret.of('local')], null,
            dev.autosync.emulator.wire.LoginPolicy.anyone(), [])
    def w = Warehouse.connect(target, { m -> } as java.util.function.Consumer)
    try {
        def apps = w.query('SHOW STREAMLITS IN SCHEMA SCHOOL_DATA.AUTOSYNC')
        assert apps*.NAME == ['AUTOSYNC_STATUS_APP']
        assert apps[0].QUERY_WAREHOUSE == 'APP_WH' && apps[0].TITLE == 'Auto-Sync Status'
        def files = w.query('LIST @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_APP_STAGE')*.NAME.collect { it.substring(it.indexOf('/') + 1) }.sort()
        assert files == ['environment.yml', 'pages/Auto-Sync_Status.py', 'samples/attendance_sample.json', 'samples/grades_sample.json',
                         'samples/malformed_sample.json', 'samples/students_sample.json', 'streamlit_app.py'] : files
        def desc = w.query('DESC STREAMLIT SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STATUS_APP')[0]
        assert desc.MAIN_FILE == 'streamlit_app.py' && desc.USER_PACKAGES == 'pandas,altair'
    } finally {
        w.close()
    }
} finally {
    emulator.close()
}
return true
