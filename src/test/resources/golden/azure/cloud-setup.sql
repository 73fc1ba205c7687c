-- autosync cloud storage set-up for SCHOOL_DATA.AUTOSYNC.
-- The Azure Blob Storage section is active; the other providers are commented out, ready to switch
-- to by uncommenting (and re-rendering with -Dautosync.provider=...).
-- Run it as ACCOUNTADMIN or a role with CREATE INTEGRATION; autosync:deploy runs the same
-- statements for the selected provider.

-- ==========================================================================================
-- Database, schema and file format the stages use (run first)
-- ==========================================================================================
CREATE DATABASE IF NOT EXISTS SCHOOL_DATA
  COMMENT = 'autosync: school data pipeline';

CREATE SCHEMA IF NOT EXISTS SCHOOL_DATA.AUTOSYNC
  COMMENT = 'autosync: landing, normalised and monitoring objects';

-- Events are JSON: one object per line (NDJSON) or a JSON array of objects.
-- STRIP_OUTER_ARRAY makes each element of an array file its own row; NDJSON files load as they are.
-- COMPRESSION = AUTO reads plain and gzip files alike.
CREATE FILE FORMAT IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT
  TYPE = JSON
  STRIP_OUTER_ARRAY = TRUE
  COMPRESSION = AUTO
  COMMENT = 'autosync: JSON events, NDJSON or arrays';

-- ==========================================================================================
-- Amazon S3 (not selected)
-- ==========================================================================================
-- Lets Snowflake read the bucket by assuming an IAM role, so no AWS keys are stored in Snowflake.
--   STORAGE_AWS_ROLE_ARN       the role Snowflake assumes. Its trust policy must allow the
--                              STORAGE_AWS_IAM_USER_ARN and STORAGE_AWS_EXTERNAL_ID that
--                              DESC INTEGRATION shows (autosync:deploy prints both).
--   STORAGE_AWS_EXTERNAL_ID    when set, re-creating the integration keeps the same external id,
--                              so the trust policy stays valid. Without it Snowflake generates one.
--   STORAGE_ALLOWED_LOCATIONS  the only URLs a stage on this integration may use.
--   STORAGE_BLOCKED_LOCATIONS  URLs inside the allowed ones that no stage may use.
-- The role needs s3:GetBucketLocation, s3:GetObject, s3:GetObjectVersion and s3:ListBucket.
-- CREATE STORAGE INTEGRATION IF NOT EXISTS AUTOSYNC_STORAGE_INTEGRATION
--   TYPE = EXTERNAL_STAGE
--   STORAGE_PROVIDER = 'S3'
--   ENABLED = TRUE
--   STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::<aws-account-id>:role/<role-name>'
--   STORAGE_ALLOWED_LOCATIONS = ('s3://<your-bucket>/autosync/')
--   COMMENT = 'autosync: read access to the event bucket';
--
-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
-- CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
--   URL = 's3://<your-bucket>/autosync/'
--   STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
--   FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
--   COMMENT = 'autosync: event files from cloud storage';
--
-- Check the set-up. DESC shows what the IAM role's trust policy must contain; the SELECT after it
-- prints that trust policy, ready to paste into the role in the AWS console.
-- DESC STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION;
-- SELECT OBJECT_CONSTRUCT(
--   'Version', '2012-10-17',
--   'Statement', ARRAY_CONSTRUCT(OBJECT_CONSTRUCT(
--     'Effect', 'Allow',
--     'Principal', OBJECT_CONSTRUCT('AWS', MAX(IFF("property" = 'STORAGE_AWS_IAM_USER_ARN', "property_value", NULL))),
--     'Action', 'sts:AssumeRole',
--     'Condition', OBJECT_CONSTRUCT('StringEquals',
--       OBJECT_CONSTRUCT('sts:ExternalId', MAX(IFF("property" = 'STORAGE_AWS_EXTERNAL_ID', "property_value", NULL))))))) AS TRUST_POLICY
-- FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()));
-- Connectivity: lists the files Snowflake can see (an access error means the trust policy or
-- the role's S3 permissions are not right yet).
-- LIST @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE;
-- After autosync:deploy: the SQS queue of each auto-ingest pipe (one per account, shared by its pipes).
-- In the bucket's properties create an event notification per entity folder: event types "All object
-- create events", prefix = the entity's folder under the stage URL, destination this SQS queue.
-- SHOW PIPES IN SCHEMA SCHOOL_DATA.AUTOSYNC;
-- SELECT "name", "notification_channel" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
-- WHERE "notification_channel" IS NOT NULL;

-- ==========================================================================================
-- Azure Blob Storage (selected)
-- ==========================================================================================
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

-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
  URL = 'azure://districtevents.blob.core.windows.net/events/autosync/'
  STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
  FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
  COMMENT = 'autosync: event files from cloud storage';

-- Check the set-up. Open AZURE_CONSENT_URL and accept; then grant AZURE_MULTI_TENANT_APP_NAME
-- "Storage Blob Data Reader" on the container and "Storage Queue Data Contributor" on the queue.
DESC STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION;
SELECT "property", "property_value" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
WHERE "property" IN ('AZURE_CONSENT_URL', 'AZURE_MULTI_TENANT_APP_NAME');
DESC NOTIFICATION INTEGRATION AUTOSYNC_NOTIFICATION_INTEGRATION;
SELECT "property", "property_value" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
WHERE "property" IN ('AZURE_CONSENT_URL', 'AZURE_MULTI_TENANT_APP_NAME', 'AZURE_STORAGE_QUEUE_PRIMARY_URI');
-- Then an Event Grid subscription on the storage account: event type Microsoft.Storage.BlobCreated,
-- Event Grid schema, endpoint the storage queue above, subject filter /blobServices/default/containers/
-- <container>/blobs/<entity folder>. autosync:deploy prints these steps with the values filled in.
-- Connectivity: lists the files Snowflake can see.
LIST @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE;
-- After autosync:deploy: each pipe and the notification integration it listens on.
SHOW PIPES IN SCHEMA SCHOOL_DATA.AUTOSYNC;
SELECT "name", "integration" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()));

-- ==========================================================================================
-- Google Cloud Storage (not selected)
-- ==========================================================================================
-- Lets Snowflake read the bucket as a Google service account that Snowflake creates.
--   STORAGE_ALLOWED_LOCATIONS  the only URLs a stage on this integration may use.
-- Grant STORAGE_GCP_SERVICE_ACCOUNT (from DESC INTEGRATION) storage.buckets.get,
-- storage.objects.get and storage.objects.list on the bucket.
-- CREATE STORAGE INTEGRATION IF NOT EXISTS AUTOSYNC_STORAGE_INTEGRATION
--   TYPE = EXTERNAL_STAGE
--   STORAGE_PROVIDER = 'GCS'
--   ENABLED = TRUE
--   STORAGE_ALLOWED_LOCATIONS = ('gcs://<your-bucket>/autosync/')
--   COMMENT = 'autosync: read access to the event bucket';
--
-- Auto-ingest on GCS: the bucket publishes OBJECT_FINALIZE events to Pub/Sub and Snowflake pulls
-- them from this subscription. Grant GCP_PUBSUB_SERVICE_ACCOUNT (from DESC INTEGRATION) the
-- "Pub/Sub Subscriber" role on the subscription and "Monitoring Viewer" on the project.
-- CREATE NOTIFICATION INTEGRATION IF NOT EXISTS AUTOSYNC_NOTIFICATION_INTEGRATION
--   ENABLED = TRUE
--   TYPE = QUEUE
--   NOTIFICATION_PROVIDER = GCP_PUBSUB
--   GCP_PUBSUB_SUBSCRIPTION_NAME = 'projects/<project>/subscriptions/<subscription>'
--   COMMENT = 'autosync: object-finalize events for auto-ingest';
--
-- The external stage over the event folder. Each entity reads its own sub-folder of it.
-- Changing URL or STORAGE_INTEGRATION later requires re-creating the pipes (autosync:deploy does).
-- CREATE STAGE IF NOT EXISTS SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE
--   URL = 'gcs://<your-bucket>/autosync/'
--   STORAGE_INTEGRATION = AUTOSYNC_STORAGE_INTEGRATION
--   FILE_FORMAT = (FORMAT_NAME = 'SCHOOL_DATA.AUTOSYNC.AUTOSYNC_JSON_FORMAT')
--   COMMENT = 'autosync: event files from cloud storage';
--
-- Check the set-up. Grant STORAGE_GCP_SERVICE_ACCOUNT read access to the bucket, and
-- GCP_PUBSUB_SERVICE_ACCOUNT "Pub/Sub Subscriber" on the subscription.
-- DESC STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION;
-- SELECT "property", "property_value" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
-- WHERE "property" = 'STORAGE_GCP_SERVICE_ACCOUNT';
-- DESC NOTIFICATION INTEGRATION AUTOSYNC_NOTIFICATION_INTEGRATION;
-- SELECT "property", "property_value" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))
-- WHERE "property" = 'GCP_PUBSUB_SERVICE_ACCOUNT';
-- Connectivity: lists the files Snowflake can see.
-- LIST @SCHOOL_DATA.AUTOSYNC.AUTOSYNC_STAGE;
-- Then a Pub/Sub notification on the bucket for the subscription's topic (event type OBJECT_FINALIZE,
-- prefix = the entity's folder). autosync:deploy prints these steps with the values filled in.
-- After autosync:deploy: each pipe and the notification integration it listens on.
-- SHOW PIPES IN SCHEMA SCHOOL_DATA.AUTOSYNC;
-- SELECT "name", "integration" FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()));
