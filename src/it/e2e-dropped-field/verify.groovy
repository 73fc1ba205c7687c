def log = new File(basedir, 'build.log').text
assert log =~ /FAIL landing-rows/
assert log.contains("attendance_sample.json row 1: SCHOOL_ID expected 'SCH-01' (from school_id), found NULL")
assert log =~ /PASS files-loaded/
