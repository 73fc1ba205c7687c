-- autosync: NOTIFICATION INTEGRATION AUTOSYNC_NOTIFICATION_INTEGRATION
-- template: providers/gcs/notification_integration.sql.mustache
-- checksum: sha256:21de5aa0e89fec7a1ea4f273aa7d8978120d538bca1c79658b1c11fbb0f71d4e

-- Auto-ingest on GCS: the bucket publishes OBJECT_FINALIZE events to Pub/Sub and Snowflake pulls
-- them from this subscription. Grant GCP_PUBSUB_SERVICE_ACCOUNT (from DESC INTEGRATION) the
-- "Pub/Sub Subscriber" role on the subscription and "Monitoring Viewer" on the project.
CREATE NOTIFICATION INTEGRATION IF NOT EXISTS AUTOSYNC_NOTIFICATION_INTEGRATION
  ENABLED = TRUE
  TYPE = QUEUE
  NOTIFICATION_PROVIDER = GCP_PUBSUB
  GCP_PUBSUB_SUBSCRIPTION_NAME = 'projects/district-data/subscriptions/autosync-events'
  COMMENT = 'autosync: object-finalize events for auto-ingest';
