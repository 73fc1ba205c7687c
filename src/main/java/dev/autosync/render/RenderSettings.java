package dev.autosync.render;

import dev.autosync.config.PropertyNames;
import dev.autosync.sql.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The render configuration as the user gave it (strings, possibly empty or hostile), and its
 * validation into a {@link RenderConfig}. Every problem names its property; all are reported at once.
 */
public final class RenderSettings {
    public static final String DEFAULT_DATABASE = "SCHOOL_DATA";
    public static final String DEFAULT_SCHEMA = "AUTOSYNC";
    public static final String DEFAULT_PREFIX = "autosync/";
    public static final String DEFAULT_STORAGE_INTEGRATION = "AUTOSYNC_STORAGE_INTEGRATION";
    public static final String DEFAULT_NOTIFICATION_INTEGRATION = "AUTOSYNC_NOTIFICATION_INTEGRATION";
    public static final String DEFAULT_TASK_SCHEDULE = "1 MINUTE";

    private static final Pattern PREFIX = Pattern.compile("(?:[A-Za-z0-9_.=-]+/)*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9+=,.@:/_-]{2,1224}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SCHEDULE = Pattern.compile("(?i)[1-9][0-9]{0,5} (?:SECOND|SECONDS|MINUTE|MINUTES|HOUR|HOURS)");
    private static final Pattern CRON = Pattern.compile("USING CRON [0-9*/,-]+ [0-9*/,-]+ [0-9*/,?LW-]+ [0-9A-Za-z*/,-]+ [0-9A-Za-z*/,?L#-]+ [A-Za-z][A-Za-z0-9_/+-]{0,63}");

    private String provider = "internal";
    private String database = DEFAULT_DATABASE;
    private String schema = DEFAULT_SCHEMA;
    private String bucket;
    private String prefix = DEFAULT_PREFIX;
    private String awsRoleArn;
    private String awsExternalId;
    private String awsSnsTopic;
    private List<String> blockedLocations = List.of();
    private String azureTenantId;
    private String azureStorageAccount;
    private String azureContainer;
    private String azureQueueUri;
    private String gcsPubsubSubscription;
    private String storageIntegration = DEFAULT_STORAGE_INTEGRATION;
    private String notificationIntegration = DEFAULT_NOTIFICATION_INTEGRATION;
    private String taskWarehouse;
    private String taskSchedule = DEFAULT_TASK_SCHEDULE;

    public RenderSettings provider(String v) { provider = v; return this; }
    public RenderSettings database(String v) { database = v; return this; }
    public RenderSettings schema(String v) { schema = v; return this; }
    public RenderSettings bucket(String v) { bucket = v; return this; }
    public RenderSettings prefix(String v) { prefix = v; return this; }
    public RenderSettings awsRoleArn(String v) { awsRoleArn = v; return this; }
    public RenderSettings awsExternalId(String v) { awsExternalId = v; return this; }
    public RenderSettings awsSnsTopic(String v) { awsSnsTopic = v; return this; }
    public RenderSettings blockedLocations(List<String> v) { blockedLocations = v == null ? List.of() : List.copyOf(v); return this; }
    public RenderSettings azureTenantId(String v) { azureTenantId = v; return this; }
    public RenderSettings azureStorageAccount(String v) { azureStorageAccount = v; return this; }
    public RenderSettings azureContainer(String v) { azureContainer = v; return this; }
    public RenderSettings azureQueueUri(String v) { azureQueueUri = v; return this; }
    public RenderSettings gcsPubsubSubscription(String v) { gcsPubsubSubscription = v; return this; }
    public RenderSettings storageIntegration(String v) { storageIntegration = v; return this; }
    public RenderSettings notificationIntegration(String v) { notificationIntegration = v; return this; }
    public RenderSettings taskWarehouse(String v) { taskWarehouse = v; return this; }
    public RenderSettings taskSchedule(String v) { taskSchedule = v; return this; }

    /** Checks every value and returns the typed configuration, or throws listing every problem. */
    public RenderConfig validate() throws InvalidSettingsException {
        List<SettingProblem> problems = new ArrayList<>();
        Provider p = null;
        try {
            p = Provider.parse(provider);
        } catch (IllegalArgumentException e) {
            problems.add(new SettingProblem(PropertyNames.PROVIDER, e.getMessage()));
        }
        Identifier db = identifier(PropertyNames.DATABASE, database, problems);
        Identifier sc = identifier(PropertyNames.SCHEMA, schema, problems);
        Identifier si = identifier(PropertyNames.STORAGE_INTEGRATION, storageIntegration, problems);
        Identifier ni = identifier(PropertyNames.NOTIFICATION_INTEGRATION, notificationIntegration, problems);
        // unset or empty means serverless tasks; only white space is a mistake, not a choice
        Identifier wh = taskWarehouse == null || taskWarehouse.isEmpty() ? null
                : taskWarehouse.isBlank() ? blankWarehouse(problems)
                : identifier(PropertyNames.TASK_WAREHOUSE, taskWarehouse, problems);
        String schedule = isBlank(taskSchedule) ? DEFAULT_TASK_SCHEDULE : taskSchedule.trim();
        if (!SCHEDULE.matcher(schedule).matches() && !CRON.matcher(schedule).matches()) {
            problems.add(new SettingProblem(PropertyNames.TASK_SCHEDULE, "'" + printable(schedule)
                    + "' is not a task schedule; use '<n> MINUTES' (or SECONDS, HOURS) or 'USING CRON <min> <hour> <day> <month> <weekday> <time zone>'"));
        }
        String pre = prefix == null ? "" : prefix.trim();
        if (!pre.isEmpty() && !pre.endsWith("/")) {
            pre = pre + "/";
        }
        if (!PREFIX.matcher(pre).matches() || pre.contains("../") || pre.startsWith("./") || pre.contains("/./")) {
            problems.add(new SettingProblem(PropertyNames.PREFIX, "'" + printable(prefix)
                    + "' is not a folder path; use segments of letters, digits, _ . = - separated by / (for example events/school/)"));
        }
        String location = null;
        if (p == Provider.S3) {
            String b = required(PropertyNames.BUCKET, bucket, "the S3 bucket the events land in", problems);
            check(PropertyNames.BUCKET, b, "an S3 bucket name", CloudNames::s3Bucket, problems);
            String arn = required(PropertyNames.AWS_ROLE_ARN, awsRoleArn, "the IAM role Snowflake assumes, arn:aws:iam::<account>:role/<name>", problems);
            check(PropertyNames.AWS_ROLE_ARN, arn, "an IAM role ARN", CloudNames::iamRoleArn, problems);
            if (!isBlank(awsExternalId) && !EXTERNAL_ID.matcher(awsExternalId).matches()) {
                problems.add(new SettingProblem(PropertyNames.AWS_EXTERNAL_ID, "'" + printable(awsExternalId)
                        + "' is not a valid external id (2-1224 characters: letters, digits and +=,.@:/_-)"));
            }
            if (!isBlank(awsSnsTopic)) {
                check(PropertyNames.AWS_SNS_TOPIC, awsSnsTopic, "an SNS topic ARN", CloudNames::snsTopicArn, problems);
            }
            location = "s3://" + b + "/" + pre;
        } else if (p == Provider.GCS) {
            String b = required(PropertyNames.BUCKET, bucket, "the GCS bucket the events land in", problems);
            check(PropertyNames.BUCKET, b, "a GCS bucket name", CloudNames::gcsBucket, problems);
            String sub = required(PropertyNames.GCS_PUBSUB_SUBSCRIPTION, gcsPubsubSubscription,
                    "the Pub/Sub subscription auto-ingest reads, projects/<project>/subscriptions/<name>", problems);
            check(PropertyNames.GCS_PUBSUB_SUBSCRIPTION, sub, "a Pub/Sub subscription", CloudNames::pubsubSubscription, problems);
            location = "gcs://" + b + "/" + pre;
        } else if (p == Provider.AZURE) {
            String acct = required(PropertyNames.AZURE_STORAGE_ACCOUNT, azureStorageAccount, "the storage account name", problems);
            check(PropertyNames.AZURE_STORAGE_ACCOUNT, acct, "a storage account name", CloudNames::azureStorageAccount, problems);
            String cont = required(PropertyNames.AZURE_CONTAINER, azureContainer, "the blob container the events land in", problems);
            check(PropertyNames.AZURE_CONTAINER, cont, "a container name", CloudNames::azureContainerOrQueue, problems);
            String tenant = required(PropertyNames.AZURE_TENANT_ID, azureTenantId, "the Azure AD tenant id (a UUID)", problems);
            if (tenant != null && !UUID.matcher(tenant).matches()) {
                problems.add(new SettingProblem(PropertyNames.AZURE_TENANT_ID, "'" + printable(tenant) + "' is not a tenant id (a UUID)"));
            }
            String queue = required(PropertyNames.AZURE_QUEUE_URI, azureQueueUri,
                    "the storage queue Event Grid writes to, https://<account>.queue.core.windows.net/<queue>", problems);
            check(PropertyNames.AZURE_QUEUE_URI, queue, "a storage queue URL", CloudNames::azureQueueUri, problems);
            location = "azure://" + acct + ".blob.core.windows.net/" + cont + "/" + pre;
        }
        List<String> blocked = new ArrayList<>();
        for (String loc : blockedLocations) {
            if (isBlank(loc)) {
                continue;
            }
            String l = loc.trim();
            String scheme = p == null ? "" : p == Provider.AZURE ? "azure://" : p == Provider.GCS ? "gcs://" : "s3://";
            if (p == null || p == Provider.INTERNAL || !l.startsWith(scheme) || l.contains("'") || l.contains("\\")
                    || l.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || l.contains("..")) {
                problems.add(new SettingProblem(PropertyNames.BLOCKED_LOCATIONS, "'" + printable(l)
                        + "' is not a storage URL of the " + (p == null ? "chosen" : p.id()) + " provider"
                        + (p == Provider.INTERNAL ? " (blocked locations apply to cloud providers only)" : " (expected " + scheme + "...)")));
            } else {
                blocked.add(l);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new RenderConfig(p, db, sc, si, ni, location, blank(bucket), pre, blank(awsRoleArn), blank(awsExternalId),
                blank(awsSnsTopic), blocked, blank(azureTenantId), blank(azureStorageAccount), blank(azureContainer),
                blank(azureQueueUri), blank(gcsPubsubSubscription), wh, schedule.toUpperCase(Locale.ROOT).startsWith("USING CRON")
                ? schedule : schedule.toUpperCase(Locale.ROOT));
    }

    private static Identifier identifier(String property, String value, List<SettingProblem> problems) {
        if (isBlank(value)) {
            problems.add(new SettingProblem(property, "is empty; give a Snowflake identifier such as " + example(property)));
            return null;
        }
        String v = value.trim();
        String problem = Identifiers.problem(v);
        if (problem != null) {
            problems.add(new SettingProblem(property, "'" + printable(v) + "' " + problem
                    + "; autosync only creates objects with plain identifiers (letters, digits, _ and $)"));
            return null;
        }
        return new Identifier(v);
    }

    private static Identifier blankWarehouse(List<SettingProblem> problems) {
        problems.add(new SettingProblem(PropertyNames.TASK_WAREHOUSE, "is only white space; give a warehouse name, or leave "
                + "it unset for serverless tasks"));
        return null;
    }

    private static String example(String property) {
        return switch (property) {
            case PropertyNames.DATABASE -> DEFAULT_DATABASE;
            case PropertyNames.SCHEMA -> DEFAULT_SCHEMA;
            default -> "MY_NAME";
        };
    }

    /** Adds the problem a cloud naming rule found in {@code value} (null when none, or no value). */
    private static void check(String property, String value, String what, java.util.function.UnaryOperator<String> rules,
                              List<SettingProblem> problems) {
        String problem = value == null ? null : rules.apply(value);
        if (problem != null) {
            problems.add(new SettingProblem(property, "'" + printable(value) + "' is not " + what + ": it " + problem));
        }
    }

    private static String required(String property, String value, String what, List<SettingProblem> problems) {
        if (isBlank(value)) {
            problems.add(new SettingProblem(property, "is required for this provider: " + what));
            return null;
        }
        return value.trim();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blank(String s) {
        return isBlank(s) ? null : s.trim();
    }

    /** A value as it may be shown in a message: control characters made visible, long values cut. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 120; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= 120) {
            sb.append("...");
        }
        return sb.toString();
    }
}
