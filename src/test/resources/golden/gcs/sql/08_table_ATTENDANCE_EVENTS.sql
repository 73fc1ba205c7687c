-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS
-- template: pipeline/landing_table.sql.mustache
-- checksum: sha256:aa2fe4d2c6ab4a07f46d9dd95e48e1f106e5f28b8434e84939975795bdaee635

-- Landing table: every mapped field, typed; RAW_PAYLOAD keeps the event exactly as received, and
-- FILE_NAME / FILE_ROW_NUMBER / LOADED_AT say where and when it came from.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  SCHOOL_ID VARCHAR,
  ATTENDANCE_DATE DATE,
  EVENT_TIMESTAMP TIMESTAMP_TZ,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: attendance events as loaded, with the raw payload';
