-- autosync: STORAGE INTEGRATION AUTOSYNC_STORAGE_INTEGRATION
-- template: providers/s3/storage_integration.sql.mustache
-- checksum: sha256:1ad34131b3c06dc2b82403f29d867df1fa64029fc317fa46e17367f3e428ff58

-- Lets Snowflake read the bucket by assuming an IAM role, so no AWS keys are stored in Snowflake.
--   STORAGE_AWS_ROLE_ARN       the role Snowflake assumes. Its trust policy must allow the
--                              STORAGE_AWS_IAM_USER_ARN and STORAGE_AWS_EXTERNAL_ID that
--                              DESC INTEGRATION shows (autosync:deploy prints both).
--   STORAGE_AWS_EXTERNAL_ID    when set, re-creating the integration keeps the same external id,
--                              so the trust policy stays valid. Without it Snowflake generates one.
--   STORAGE_ALLOWED_LOCATIONS  the only URLs a stage on this integration may use.
--   STORAGE_BLOCKED_LOCATIONS  URLs inside the allowed ones that no stage may use.
-- The role needs s3:GetBucketLocation, s3:GetObject, s3:GetObjectVersion and s3:ListBucket.
CREATE STORAGE INTEGRATION IF NOT EXISTS AUTOSYNC_STORAGE_INTEGRATION
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'S3'
  ENABLED = TRUE
  STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/autosync-loader'
  STORAGE_AWS_EXTERNAL_ID = 'district-autosync-1'
  STORAGE_ALLOWED_LOCATIONS = ('s3://district-events/autosync/')
  COMMENT = 'autosync: read access to the event bucket';
