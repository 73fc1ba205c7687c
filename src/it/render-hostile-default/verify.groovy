// hostile values inside the spec render as inert string literals.
def out = new File(basedir, 'target/autosync')
def pipe = new File(out, 'sql').listFiles().find { it.name.endsWith('_pipe_NOTES_PIPE.sql') }.text
assert pipe.contains("IFNULL(\$1:note::VARCHAR, 'x''); DROP TABLE SCHOOL_DATA.AUTOSYNC.NOTES; -- \\\\ \\x24\\x24 */')")
def task = new File(out, 'sql').listFiles().find { it.name.endsWith('_task_PROCESS_NOTES_TASK.sql') }.text
assert task.contains("WHEN 'A''B' THEN 'it''s' ELSE '\\n--' END")
assert task.count('$$') == 2
