def log = new File(basedir, 'build.log').text
assert log =~ /waiting for attendance\/E2E-[0-9A-Z-]+\/attendance_sample.json: not loaded yet \(\d+ s of 7 s; ATTENDANCE_E2E_PIPE RUNNING, 0 file\(s\) pending\)/
assert log.contains('attendance_sample.json: still pending after 7 s (expected Loaded with 8 rows')
assert log =~ /SKIP landing-rows/
assert log =~ /FAIL files-loaded/
