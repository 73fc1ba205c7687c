import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log.contains('Deploy interrupted after 12 object(s)')
assert log =~ /Deployed to .*: 18 created, 0 replaced, 0 altered, 12 unchanged/
assert log =~ /Deployed to .*: 0 created, 0 replaced, 0 altered, 30 unchanged; 0 statement/
assert log.contains('Health check passed')
