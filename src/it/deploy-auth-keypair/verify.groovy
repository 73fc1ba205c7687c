// The local emulator accepts only ANALYST with the right credential; this one comes from private key from parameter autosync.privateKeyFile.
def log = new File(basedir, 'build.log').text
assert log.contains('Health check passed')
assert log.contains("private key from parameter autosync.privateKeyFile")
assert !log.contains('it-passphrase') : 'a secret reached the log'
assert !new File(basedir, 'target/autosync/plan.json').text.contains('it-passphrase')
assert log.contains('private key passphrase from environment SNOWFLAKE_PRIVATE_KEY_FILE_PWD')
