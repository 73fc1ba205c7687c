def log = new File(basedir, 'build.log').text
assert log.contains('Cannot log in to the local emulator')
assert log.contains('Incorrect username or password was specified.')
assert log.contains('[390100/08001]')
assert !log.contains('wrong-password-123') && !log.contains('the-right-one') : 'a secret reached the log'
