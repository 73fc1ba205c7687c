// The client's password (and the emulator's) must not be in the log, even at debug level (-X), nor in any file under target/.
def secret = 'Zq7-client-secret-Pw'
def log = new File(basedir, 'build.log').text
assert log.contains('e2e E2E-') && log.contains('5 passed')
assert log.contains('password from environment SNOWFLAKE_PASSWORD')
assert !log.contains(secret) : 'the password is in the build log'
def leaks = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { f ->
    if (new String(f.bytes, 'ISO-8859-1').contains(secret)) {
        leaks << f.path
    }
}
assert leaks.isEmpty() : 'files holding the password: ' + leaks
assert new File(basedir, 'target/autosync/status.json').exists() && new File(basedir, 'target/autosync/status.html').exists()
assert new File(basedir, 'target/autosync/plan.json').exists()
