-- autosync: STAGE SCHOOL_DATA.AUTOSYNC.AUTOSYNC_E2E_STAGE
-- template: pipeline/e2e_stage.sql.mustache
-- checksum: sha256:5625879caa0db494217e58d77256bf2619b35c20434dc3e6e246026e096f5ee9

-- The end-to-end check (autosync:e2e) uploads sample events here with PUT, under a folder per run,
-- and loads them through the e2e pipes, so it never touches the production bucket.
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_E2E_STAGE
  ENCRYPTION = (TYPE = 'SNOWFLAKE_SSE')
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: internal stage for end-to-end checks';
