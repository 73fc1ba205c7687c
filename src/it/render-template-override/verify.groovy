// a user template overrides the shipped one by name; the others stay the plugin's.
def out = new File(basedir, 'target/autosync')
def landing = new File(out, 'sql/06_table_ATTENDANCE_EVENTS.sql').text
assert landing.contains('INGEST_BATCH VARCHAR')
assert landing.contains('DATA_RETENTION_TIME_IN_DAYS = 30')
assert landing.contains('-- template: pipeline/landing_table.sql.mustache (your override)')
def normalised = new File(out, 'sql/07_table_ATTENDANCE.sql').text
assert !normalised.contains('(your override)')
assert new File(basedir, 'build.log').text.contains('Using your template pipeline/landing_table.sql.mustache')
