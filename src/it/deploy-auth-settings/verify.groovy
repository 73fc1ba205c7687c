// The local emulator accepts only ANALYST with the right credential; this one comes from password from settings.xml server 'autosync-it' <password>.
def log = new File(basedir, 'build.log').text
assert log.contains('Health check passed')
assert log.contains("password from settings.xml server 'autosync-it' <password>")
assert !log.contains('it-settings-password') : 'a secret reached the log'
assert !new File(basedir, 'target/autosync/plan.json').text.contains('it-settings-password')
assert log.contains('user from settings.xml server')
