-- autosync: PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE
-- template: pipeline/pipe.sql.mustache
-- checksum: sha256:823b8e479522e8e56ed844ca1363c3966470f2a617b87fd19d518310c71b629a

-- Snowpipe: loads each new file under @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/grades/ into SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS.
-- A file that is not valid JSON is skipped whole (ON_ERROR = SKIP_FILE) and shows in COPY_HISTORY
-- as 'Load failed'; the other files still load.
CREATE PIPE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES_PIPE
  AUTO_INGEST = TRUE
  INTEGRATION = 'AUTOSYNC_NOTIFICATION_INTEGRATION'
  COMMENT = 'autosync: loads grades events from the azure://districtevents.blob.core.windows.net/events/autosync/grades/ folder'
AS
COPY INTO SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS (EVENT_ID, EVENT_TYPE, STUDENT_ID, COURSE_ID, ASSIGNMENT_ID, SCORE, MAX_SCORE, GRADED_AT, RAW_PAYLOAD, FILE_NAME, FILE_ROW_NUMBER, LOADED_AT)
FROM (
  SELECT
    $1:event_id::VARCHAR,
    $1:event_type::VARCHAR,
    $1:student_id::VARCHAR,
    $1:course_id::VARCHAR,
    $1:assignment_id::VARCHAR,
    TRY_TO_DECIMAL($1:score::VARCHAR, 7, 2),
    TRY_TO_DECIMAL($1:max_score::VARCHAR, 7, 2),
    TRY_CAST($1:graded_at::VARCHAR AS TIMESTAMP_TZ),
    $1,
    METADATA$FILENAME,
    METADATA$FILE_ROW_NUMBER,
    METADATA$START_SCAN_TIME
  FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/grades/
)
FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
ON_ERROR = SKIP_FILE;
