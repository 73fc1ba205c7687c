def log = new File(basedir, 'build.log').text
assert log.contains("the password is given 2 times (settings.xml server 'autosync-it' <password>, environment SNOWFLAKE_PASSWORD)")
assert !log.contains('it-env-secret-2') && !log.contains('it-settings-password') : 'a secret reached the log'
