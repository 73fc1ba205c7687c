-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS
-- template: pipeline/landing_table.sql.mustache
-- checksum: sha256:78d96410b72a72f0d02bd5548af566e14ecc7a7a61b8d393becb88d0ffab844b

-- Landing table: every mapped field, typed; RAW_PAYLOAD keeps the event exactly as received, and
-- FILE_NAME / FILE_ROW_NUMBER / LOADED_AT say where and when it came from.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  COURSE_ID VARCHAR,
  ASSIGNMENT_ID VARCHAR,
  SCORE NUMBER(7,2),
  MAX_SCORE NUMBER(7,2),
  GRADED_AT TIMESTAMP_TZ,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: grades events as loaded, with the raw payload';
