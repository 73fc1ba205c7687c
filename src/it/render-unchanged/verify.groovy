// the first render writes every file; the second, with unchanged inputs, writes nothing and says so.
def log = new File(basedir, 'build.log').text
assert log.contains('Rendered 30 statements for 3 entities, provider internal, SCHOOL_DATA.AUTOSYNC into target/autosync (34 files written, 0 unchanged)')
assert log.contains('Rendered SQL is up to date (30 statements for 3 entities, provider internal, SCHOOL_DATA.AUTOSYNC); nothing written to target/autosync')
