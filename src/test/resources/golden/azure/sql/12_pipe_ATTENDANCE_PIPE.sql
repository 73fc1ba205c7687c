-- autosync: PIPE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE
-- template: pipeline/pipe.sql.mustache
-- checksum: sha256:84164098026f26792a2e884202926e88c6208ff6848bbbd17fdccfa9b9c52ee1

-- Snowpipe: loads each new file under @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/attendance/ into SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS.
-- A file that is not valid JSON is skipped whole (ON_ERROR = SKIP_FILE) and shows in COPY_HISTORY
-- as 'Load failed'; the other files still load.
CREATE PIPE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.ATTENDANCE_PIPE
  AUTO_INGEST = TRUE
  INTEGRATION = 'AUTOSYNC_NOTIFICATION_INTEGRATION'
  COMMENT = 'autosync: loads attendance events from the azure://districtevents.blob.core.windows.net/events/autosync/attendance/ folder'
AS
COPY INTO SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS (EVENT_ID, EVENT_TYPE, STUDENT_ID, SCHOOL_ID, ATTENDANCE_DATE, EVENT_TIMESTAMP, RAW_PAYLOAD, FILE_NAME, FILE_ROW_NUMBER, LOADED_AT)
FROM (
  SELECT
    $1:event_id::VARCHAR,
    $1:event_type::VARCHAR,
    $1:student_id::VARCHAR,
    $1:school_id::VARCHAR,
    NVL2(REGEXP_SUBSTR($1:attendance_date::VARCHAR, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), TRY_TO_DATE($1:attendance_date::VARCHAR), NULL),
    TRY_CAST($1:event_timestamp::VARCHAR AS TIMESTAMP_TZ),
    $1,
    METADATA$FILENAME,
    METADATA$FILE_ROW_NUMBER,
    METADATA$START_SCAN_TIME
  FROM @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE/attendance/
)
FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
ON_ERROR = SKIP_FILE;
