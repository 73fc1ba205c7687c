-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.STUDENTS
-- template: pipeline/normalised_table.sql.mustache
-- checksum: sha256:0f7f8138bbd50cb1f3ab6ac2a811dba796a987ee5df59bd1c798dc32bc9712c0

-- Normalised table: one row per key, holding the newest valid event
-- (by EVENT_TIMESTAMP, ties broken by EVENT_ID).
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.STUDENTS (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  FIRST_NAME VARCHAR,
  LAST_NAME VARCHAR,
  GRADE_LEVEL VARCHAR,
  SCHOOL_ID VARCHAR,
  PARENT_LANGUAGE VARCHAR,
  EVENT_TIMESTAMP TIMESTAMP_TZ
)
COMMENT = 'autosync: students, one row per STUDENT_ID; the newest event wins';
