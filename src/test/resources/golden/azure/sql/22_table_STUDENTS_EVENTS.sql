-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS
-- template: pipeline/landing_table.sql.mustache
-- checksum: sha256:9bbc10a6da2b4fe28438e2b951bfe3f07884db532995f0b25b68daf002b70c3a

-- Landing table: every mapped field, typed; RAW_PAYLOAD keeps the event exactly as received, and
-- FILE_NAME / FILE_ROW_NUMBER / LOADED_AT say where and when it came from.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  FIRST_NAME VARCHAR,
  LAST_NAME VARCHAR,
  GRADE_LEVEL VARCHAR,
  SCHOOL_ID VARCHAR,
  PARENT_LANGUAGE VARCHAR,
  EVENT_TIMESTAMP TIMESTAMP_TZ,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: students events as loaded, with the raw payload';
