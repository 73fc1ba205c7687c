// a bad spec fails the build listing every problem with its location.
def log = new File(basedir, 'build.log').text
assert log.contains('The pipeline spec bad-pipeline.json has 7 problems:')
assert log.contains("1. entities[0].fields[1].column: 'STUDENT ID' must start with a letter or _ and contain only letters, digits, _ and \$")
assert log.contains('2. entities[0].fields[2].type: scale 9 is larger than precision 7')
assert log.contains("3. entities[0].keys[0]: a key must be one of the entity's fields, but STUDENT_ID is not")
assert log.contains("4. entities[0].orderBy: the ordering field must be one of the entity's fields, but EVENT_TIMESTAMP is not")
assert log.contains('5. entities[1].schedule: unknown property')
assert log.contains("6. entities[1].orderBy: the ordering field must be one of the entity's fields")
assert log.contains('7. entities[1].name: entity ATTENDANCE is declared twice')
assert !new File(basedir, 'target/autosync/manifest.json').exists()
