package dev.autosync.config;

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

    // connection (deploy, e2e, status)
    public static final String TARGET = "autosync.target";
    public static final String JDBC_URL = "autosync.jdbcUrl";
    public static final String ACCOUNT = "autosync.account";
    public static final String USER = "autosync.user";
    public static final String ROLE = "autosync.role";
    public static final String WAREHOUSE = "autosync.warehouse";
    public static final String SERVER_ID = "autosync.serverId";
    public static final String PRIVATE_KEY_FILE = "autosync.privateKeyFile";
    public static final String CONNECTION_NAME = "autosync.connectionName";
    public static final String CONNECTIONS_FILE = "autosync.connectionsFile";

    // emulator
    public static final String EMULATOR_PORT = "autosync.emulator.port";
    public static final String EMULATOR_DATA_DIR = "autosync.emulator.dataDir";
    public static final String EMULATOR_USER = "autosync.emulator.user";
    /** An environment variable, not a property: Maven's debug output (-X) prints every parameter's value. */
    public static final String EMULATOR_PASSWORD_ENV = "AUTOSYNC_EMULATOR_PASSWORD";
    public static final String EMULATOR_PUBLIC_KEY_FILE = "autosync.emulator.publicKeyFile";

    // deploy
    public static final String DEPLOY_SKIP = "autosync.deploy.skip";
    public static final String STREAMLIT = "autosync.streamlit";
    public static final String STREAMLIT_WAREHOUSE = "autosync.streamlitWarehouse";
    public static final String DRY_RUN = "autosync.dryRun";
    public static final String ALLOW_DESTRUCTIVE = "autosync.allowDestructiveChanges";
    public static final String DRAIN_TIMEOUT = "autosync.deploy.drainTimeout";
    public static final String READER_ROLE = "autosync.deploy.readerRole";
    public static final String INTERRUPT_AFTER = "autosync.deploy.interruptAfter";

    // e2e
    public static final String E2E_SKIP = "autosync.e2e.skip";
    public static final String E2E_TIMEOUT = "autosync.e2e.timeout";
    public static final String E2E_FILES = "autosync.e2e.files";
    public static final String E2E_KEEP = "autosync.e2e.keep";

    // status
    public static final String STATUS_SKIP = "autosync.status.skip";
    public static final String FORMAT = "autosync.format";
    public static final String OUTPUT_FILE = "autosync.outputFile";
    public static final String FAIL_ON_UNHEALTHY = "autosync.status.failOnUnhealthy";

    // backfill and replay-rejects (issue 18)
    public static final String BACKFILL_SKIP = "autosync.backfill.skip";
    public static final String BACKFILL_SINCE = "autosync.backfill.since";
    public static final String BACKFILL_UNTIL = "autosync.backfill.until";
    public static final String BACKFILL_ENTITIES = "autosync.backfill.entities";
    public static final String BACKFILL_DRY_RUN = "autosync.backfill.dryRun";
    public static final String BACKFILL_BATCH_SIZE = "autosync.backfill.batchSize";
    public static final String BACKFILL_TIMEOUT = "autosync.backfill.timeout";
    public static final String BACKFILL_INTERRUPT_AFTER = "autosync.backfill.interruptAfter";
    public static final String REPLAY_SKIP = "autosync.replay-rejects.skip";
    public static final String REPLAY_ENTITY = "autosync.replay.entity";
    public static final String REPLAY_REASON = "autosync.replay.reason";
    public static final String REPLAY_SINCE = "autosync.replay.since";
}
