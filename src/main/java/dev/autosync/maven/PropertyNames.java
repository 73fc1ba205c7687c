package dev.autosync.maven;

/** Every user property the plugin reads. Each is {@code autosync.<name>}; goals and tests share these. */
public final class PropertyNames {
    private PropertyNames() {
    }

    public static final String SKIP = "autosync.skip";
    public static final String OUTPUT_DIRECTORY = "autosync.outputDirectory";

    // render
    public static final String RENDER_SKIP = "autosync.render.skip";
    public static final String PROVIDER = "autosync.provider";
    public static final String DATABASE = "autosync.database";
    public static final String SCHEMA = "autosync.schema";
    public static final String PIPELINE = "autosync.pipeline";
    public static final String TEMPLATES = "autosync.templates";
    public static final String BUCKET = "autosync.bucket";
    public static final String PREFIX = "autosync.prefix";
    public static final String AWS_ROLE_ARN = "autosync.awsRoleArn";
    public static final String AWS_EXTERNAL_ID = "autosync.awsExternalId";
    public static final String AWS_SNS_TOPIC = "autosync.awsSnsTopic";
    public static final String BLOCKED_LOCATIONS = "autosync.blockedLocations";
    public static final String AZURE_TENANT_ID = "autosync.azureTenantId";
    public static final String AZURE_STORAGE_ACCOUNT = "autosync.azureStorageAccount";
    public static final String AZURE_CONTAINER = "autosync.azureContainer";
    public static final String AZURE_QUEUE_URI = "autosync.azureQueueUri";
    public static final String GCS_PUBSUB_SUBSCRIPTION = "autosync.gcsPubsubSubscription";
    public static final String STORAGE_INTEGRATION = "autosync.storageIntegration";
    public static final String NOTIFICATION_INTEGRATION = "autosync.notificationIntegration";
    public static final String TASK_WAREHOUSE = "autosync.taskWarehouse";
    public static final String TASK_SCHEDULE = "autosync.taskSchedule";
}
