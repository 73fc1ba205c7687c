// hostile configuration values fail the build, naming each property; nothing is rendered.
def log = new File(basedir, 'build.log').text
assert log.contains("-Dautosync.database: 'SCHOOL_DATA; DROP DATABASE PROD; --' must start with a letter or _ and contain only letters, digits, _ and \$")
assert log.contains("-Dautosync.awsRoleArn: 'arn:aws:iam::123456789012:role/x') --' is not an IAM role ARN")
assert !new File(basedir, 'target/autosync').exists()
