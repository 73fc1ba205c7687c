-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.STUDENTS_REJECTS
-- template: pipeline/rejects_table.sql.mustache
-- checksum: sha256:03c211685ccc775c57442c5af90d9c1146498546880373dd3ba65309c7b60db8

-- Records the task could not normalise (a missing key, an unparseable number or date), with the reason.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.STUDENTS_REJECTS (
  EVENT_ID VARCHAR,
  REJECT_REASON VARCHAR,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ,
  REJECTED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: students events that could not be normalised';
