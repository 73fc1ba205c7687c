-- autosync: STAGE SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
-- template: providers/internal/stage.sql.mustache
-- checksum: sha256:267292eb7827dae6244e956f7f937b07dc488ba5e8fc69159bf0594980d5cb29

-- An internal stage: producers upload event files with PUT (or the Snowflake CLI), one
-- sub-folder per entity. Pipes on internal stages load files on ALTER PIPE ... REFRESH or
-- through the Snowpipe REST API, not from cloud notifications.
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
  ENCRYPTION = (TYPE = 'SNOWFLAKE_SSE')
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: event files uploaded with PUT';
