-- autosync: STAGE SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
-- template: providers/external/stage.sql.mustache
-- checksum: sha256:06312a8096e71edc474d48e5fe35d94dc48a2d50fd6dd68244550ab51e418207

-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
  URL = 'gcs://district-events/autosync/'
  STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: event files from cloud storage';
