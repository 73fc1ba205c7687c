// A template override that Snowflake would reject fails render with the rule's message, and nothing is written.
def log = new File(basedir, 'build.log').text
assert log.contains('The rendered SQL would be rejected by Snowflake (3 problems):')
assert log.contains('1. sql/10_pipe_ATTENDANCE_PIPE.sql (PIPE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE, your template pipeline/pipe.sql.mustache): '
        + "SQL compilation error: TRY_TO_DATE in a COPY transformation takes no format argument ('YYYY-MM-DD')")
assert log.contains('the COPY INTO <table> command does not support the optional format argument for this function')
assert log.contains('[rule copy-transform-format-argument; en/user-guide/data-load-transform.md, "Supported functions (TRY_TO_DATE, TRY_TO_TIME)"]')
assert log.contains('3. sql/24_pipe_STUDENTS_PIPE.sql')
assert !new File(basedir, 'target/autosync/manifest.json').exists()
assert !new File(basedir, 'target/autosync/sql').exists()
