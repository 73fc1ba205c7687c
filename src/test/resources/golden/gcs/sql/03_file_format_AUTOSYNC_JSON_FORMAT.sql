-- autosync: FILE FORMAT SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT
-- template: pipeline/file_format.sql.mustache
-- checksum: sha256:565012b5be3338ea2c2570ee0f161fe71fdcc25f5a40a183db37f3a59616f694

-- Events are JSON: one object per line (NDJSON) or a JSON array of objects.
-- STRIP_OUTER_ARRAY makes each element of an array file its own row; NDJSON files load as they are.
-- COMPRESSION = AUTO reads plain and gzip files alike.
CREATE FILE FORMAT IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT
  TYPE = JSON
  STRIP_OUTER_ARRAY = TRUE
  COMPRESSION = AUTO
  COMMENT = 'autosync: JSON events, NDJSON or arrays';
