-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.GRADES
-- template: pipeline/normalised_table.sql.mustache
-- checksum: sha256:500c5792711a6e6c7dfcb3fdc74278bb4281f83391804edaef06cbb0328676dc

-- Normalised table: one row per key, holding the newest valid event
-- (by GRADED_AT, ties broken by EVENT_ID).
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES (
  EVENT_ID VARCHAR,
  EVENT_TYPE VARCHAR,
  STUDENT_ID VARCHAR,
  COURSE_ID VARCHAR,
  ASSIGNMENT_ID VARCHAR,
  SCORE NUMBER(7,2),
  MAX_SCORE NUMBER(7,2),
  GRADED_AT TIMESTAMP_TZ,
  PERCENTAGE NUMBER(6,2)
)
COMMENT = 'autosync: grades, one row per STUDENT_ID, COURSE_ID, ASSIGNMENT_ID; the newest event wins';
