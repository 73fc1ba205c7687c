-- autosync: STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION
-- template: providers/gcs/storage_integration.sql.mustache
-- checksum: sha256:993fb3a542cdcf250268289dff90481c6ae8f646e552d42e17ed3dac572e5c26

-- Lets Snowflake read the bucket as a Google service account that Snowflake creates.
--   STORAGE_ALLOWED_LOCATIONS  the only URLs a stage on this integration may use.
-- Grant STORAGE_GCP_SERVICE_ACCOUNT (from DESC INTEGRATION) storage.buckets.get,
-- storage.objects.get and storage.objects.list on the bucket.
CREATE STORAGE INTEGRATION IF NOT EXISTS AUTOSYNC_STORAGE_INTEGRATION
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'GCS'
  ENABLED = TRUE
  STORAGE_ALLOWED_LOCATIONS = ('gcs://district-events/autosync/')
  COMMENT = 'autosync: read access to the event bucket';
