-- autosync: TABLE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_REJECTS
-- template: pipeline/rejects_table.sql.mustache
-- checksum: sha256:94c5f0ea1f0eb87badb73396dca4c112cb6aea5716a5d029c78d1e5402465a37

-- Records the task could not normalise (a missing key, an unparseable number or date), with the reason.
CREATE TABLE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.ATTENDANCE_REJECTS (
  EVENT_ID VARCHAR,
  REJECT_REASON VARCHAR,
  RAW_PAYLOAD VARIANT,
  FILE_NAME VARCHAR,
  FILE_ROW_NUMBER NUMBER(38,0),
  LOADED_AT TIMESTAMP_LTZ,
  REJECTED_AT TIMESTAMP_LTZ
)
COMMENT = 'autosync: attendance events that could not be normalised';
