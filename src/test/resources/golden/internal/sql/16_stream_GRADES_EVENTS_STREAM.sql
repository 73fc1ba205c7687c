-- autosync: STREAM SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS_STREAM
-- template: pipeline/stream.sql.mustache
-- checksum: sha256:37b0ea67a489d2a31fd5807e93e51df241a325d89d1dfd2399f350d9e3b6065c

-- Landing tables only receive inserts, so an append-only stream is enough and cheaper.
CREATE STREAM IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS_STREAM
  ON TABLE SCHOOL_DATA.AUTOSYNC.GRADES_EVENTS
  APPEND_ONLY = TRUE
  COMMENT = 'autosync: new rows of GRADES_EVENTS for PROCESS_GRADES_TASK';
