-- autosync: STREAM SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS_STREAM
-- template: pipeline/stream.sql.mustache
-- checksum: sha256:b2f072b02d3978bd2bc72690ef662287e11bca56a945c49e62fbf37154b093d7

-- Landing tables only receive inserts, so an append-only stream is enough and cheaper.
CREATE STREAM IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS_STREAM
  ON TABLE SCHOOL_DATA.AUTOSYNC.ATTENDANCE_EVENTS
  APPEND_ONLY = TRUE
  COMMENT = 'autosync: new rows of ATTENDANCE_EVENTS for PROCESS_ATTENDANCE_TASK';
