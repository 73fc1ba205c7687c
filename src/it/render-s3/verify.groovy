// render for S3: numbered files in dependency order, the S3 integration and auto-ingest pipes.
def out = new File(basedir, 'target/autosync')
def sql = new File(out, 'sql').listFiles().collect { it.name }.sort()
assert sql.first() == '01_database_SCHOOL_DATA.sql'
assert sql.contains('04_storage_integration_AUTOSYNC_STORAGE_INTEGRATION.sql')
assert !sql.any { it.contains('notification_integration') }
assert sql.size() == 31
def integration = new File(out, 'sql/04_storage_integration_AUTOSYNC_STORAGE_INTEGRATION.sql').text
assert integration.contains("STORAGE_PROVIDER = 'S3'")
assert integration.contains("STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/autosync-loader'")
assert integration.contains("STORAGE_BLOCKED_LOCATIONS = ('s3://district-events/autosync/private/')")
def pipe = new File(out, 'sql/11_pipe_ATTENDANCE_PIPE.sql').text
assert pipe.contains('AUTO_INGEST = TRUE')
assert pipe.contains('FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/attendance/')
def deploy = new File(out, 'deploy.sql').text
assert deploy.indexOf('CREATE DATABASE') < deploy.indexOf('CREATE STAGE')
assert deploy.indexOf('CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE') < deploy.indexOf('CREATE PIPE')
assert deploy.contains('ALTER TASK SCHOOL_DATA.AUTOSYNC.PROCESS_STUDENTS_TASK RESUME;')
assert new File(out, 'diagnostics.sql').text.contains("SYSTEM\$PIPE_STATUS('SCHOOL_DATA.AUTOSYNC.GRADES_PIPE')")
assert new File(out, 'cloud-setup.sql').text.contains('-- Amazon S3 (selected)')
def manifest = new groovy.json.JsonSlurper().parse(new File(out, 'manifest.json'))
assert manifest.provider == 's3'
assert manifest.statements.size() == 31
assert manifest.statements.every { it.checksum.startsWith('sha256:') }
def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 31 statements for 3 entities, provider s3, SCHOOL_DATA.AUTOSYNC')
