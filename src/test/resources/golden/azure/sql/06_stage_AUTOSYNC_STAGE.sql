-- autosync: STAGE SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
-- template: providers/external/stage.sql.mustache
-- checksum: sha256:91392d432dcebaf50af76583b7c1bb015c11c54e44ad772312da93a022cbf756

-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
  URL = 'azure://districtevents.blob.core.windows.net/events/autosync/'
  STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: event files from cloud storage';
