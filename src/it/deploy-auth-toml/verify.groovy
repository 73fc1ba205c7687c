// The local emulator accepts only ANALYST with the right credential; this one comes from password from connections.toml [district] password.
def log = new File(basedir, 'build.log').text
assert log.contains('Health check passed')
assert log.contains("password from connections.toml [district] password")
assert !log.contains('it-toml-password') : 'a secret reached the log'
assert !new File(basedir, 'target/autosync/plan.json').text.contains('it-toml-password')
