-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.ATTENDANCE
-- template: pipeline/normalised_table.sql.mustache
-- checksum: sha256:99397cca87267b0ba5c149e6312b20143ace75ddd5611f7decaf0cbe49d16490

-- Normalised table: one row per key, holding the newest valid event
-- (by EVENT_TIMESTAMP, ties broken by EVENT_ID).
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.ATTENDANCE (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  SCHOOL_ID VARCHAR,
  ATTENDANCE_DATE DATE,
  EVENT_TIMESTAMP TIMESTAMP_TZ,
  STATUS VARCHAR
)
COMMENT = 'autosync: attendance, one row per STUDENT_ID, ATTENDANCE_DATE; the newest event wins';
