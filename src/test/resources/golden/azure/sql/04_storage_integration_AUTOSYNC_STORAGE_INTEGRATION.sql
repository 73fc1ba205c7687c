-- autosync: STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION
-- template: providers/azure/storage_integration.sql.mustache
-- checksum: sha256:d7180891363cbb6d70ce144e6862b57b1c6d4eb1fa6f797dc7c101d53f7be392

-- Lets Snowflake read the blob container through a Snowflake multi-tenant app in your tenant.
--   AZURE_TENANT_ID            the Azure AD tenant that owns the storage account.
--   STORAGE_ALLOWED_LOCATIONS  the only URLs a stage on this integration may use
--                              (always the blob.core.windows.net host, ADLS Gen2 included).
-- After creating it, open AZURE_CONSENT_URL from DESC INTEGRATION, accept, and grant the app
-- AZURE_MULTI_TENANT_APP_NAME the "Storage Blob Data Reader" role on the container.
CREATE STORAGE INTEGRATION IF NOT EXISTS AUTOSYNC_STORAGE_INTEGRATION
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'AZURE'
  ENABLED = TRUE
  AZURE_TENANT_ID = '7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b'
  STORAGE_ALLOWED_LOCATIONS = ('azure://districtevents.blob.core.windows.net/events/autosync/')
  COMMENT = 'autosync: read access to the event container';
