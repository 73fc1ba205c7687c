-- autosync: STAGE SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
-- template: providers/external/stage.sql.mustache
-- checksum: sha256:ff97fdfae093bd803f4e12c1f88224088c19ad9009d196513b45ffd59528c02d

-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
  URL = 's3://district-events/autosync/'
  STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: event files from cloud storage';
