// The local emulator accepts only ANALYST with the right credential; this one comes from password from environment SNOWFLAKE_PASSWORD.
def log = new File(basedir, 'build.log').text
assert log.contains('Health check passed')
assert log.contains("password from environment SNOWFLAKE_PASSWORD")
assert !log.contains('it-env-password') : 'a secret reached the log'
assert !new File(basedir, 'target/autosync/plan.json').text.contains('it-env-password')
