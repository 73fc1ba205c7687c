-- autosync: STREAM SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS_STREAM
-- template: pipeline/stream.sql.mustache
-- checksum: sha256:25c857cd0287a34eb86234110d80b41228aec2c2231bf8f79d7c45b757bc8780

-- Landing tables only receive inserts, so an append-only stream is enough and cheaper.
CREATE STREAM IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS_STREAM
  ON TABLE SCHOOL_DATA.AUTOSYNC.STUDENTS_EVENTS
  APPEND_ONLY = TRUE
  COMMENT = 'autosync: new rows of STUDENTS_EVENTS for PROCESS_STUDENTS_TASK';
