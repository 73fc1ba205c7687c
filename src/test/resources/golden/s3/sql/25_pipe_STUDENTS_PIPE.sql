-- autosync: PIPE SCHOOL_DATA.AUTOSYNC.STUDENTS_PIPE
-- template: pipeline/pipe.sql.mustache
-- checksum: sha256:bac601c943c2c03f7f2da04fd627a97bd13a138fbe8a7bf9f6384d488f42085e

-- Snowpipe: loads each new file under @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/students/ into SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS.
-- A file that is not valid JSON is skipped whole (ON_ERROR = SKIP_FILE) and shows in COPY_HISTORY
-- as 'Load failed'; the other files still load.
CREATE PIPE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.STUDENTS_PIPE
  AUTO_INGEST = TRUE
  COMMENT = 'autosync: loads students events from the s3://district-events/autosync/students/ folder'
AS
COPY INTO SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS (EVENT_ID, EVENT_TYPE, STUDENT_ID, FIRST_NAME, LAST_NAME, GRADE_LEVEL, SCHOOL_ID, PARENT_LANGUAGE, EVENT_TIMESTAMP, RAW_PAYLOAD, FILE_NAME, FILE_ROW_NUMBER, LOADED_AT)
FROM (
  SELECT
    $1:event_id::VARCHAR,
    $1:event_type::VARCHAR,
    $1:student_id::VARCHAR,
    $1:first_name::VARCHAR,
    $1:last_name::VARCHAR,
    $1:grade_level::VARCHAR,
    $1:school_id::VARCHAR,
    IFNULL($1:parent_language::VARCHAR, 'en'),
    TRY_CAST($1:event_timestamp::VARCHAR AS TIMESTAMP_TZ),
    $1,
    METADATA$FILENAME,
    METADATA$FILE_ROW_NUMBER,
    METADATA$START_SCAN_TIME
  FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/students/
)
FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
ON_ERROR = SKIP_FILE;
