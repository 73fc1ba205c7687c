-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.GRADES_REJECTS
-- template: pipeline/rejects_table.sql.mustache
-- checksum: sha256:6122c78377bcb908b632289ee9e62b0f09eb4122f4b7ebdf0122af5c9895de3d

-- Records the task could not normalise (a missing key, an unparseable number or date), with the reason.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES_REJECTS (
  EVENT_ID VARCHAR,
  REJECT_REASON VARCHAR,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ,
  REJECTED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: grades events that could not be normalised';
