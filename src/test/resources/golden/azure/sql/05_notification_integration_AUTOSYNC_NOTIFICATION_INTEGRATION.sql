-- autosync: NOTIFICATION INTEGRATION AUTOSYNC_NOTIFICATION_INTEGRATION
-- template: providers/azure/notification_integration.sql.mustache
-- checksum: sha256:d1b43f40f2592c4433cfe160c1723f821cee6c18885b2812b1fd3264b53e10a0

-- Auto-ingest on Azure: Event Grid writes BlobCreated events to this storage queue and Snowflake
-- reads them. One queue per integration: sharing a queue splits the events and loses files.
-- Grant the app named by AZURE_MULTI_TENANT_APP_NAME "Storage Queue Data Contributor" on the queue.
CREATE NOTIFICATION INTEGRATION IF NOT EXISTS AUTOSYNC_NOTIFICATION_INTEGRATION
  ENABLED = TRUE
  TYPE = QUEUE
  NOTIFICATION_PROVIDER = AZURE_STORAGE_QUEUE
  AZURE_STORAGE_QUEUE_PRIMARY_URI = 'https://districtevents.queue.core.windows.net/autosync-events'
  AZURE_TENANT_ID = '7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b'
  COMMENT = 'autosync: blob-created events for auto-ingest';
