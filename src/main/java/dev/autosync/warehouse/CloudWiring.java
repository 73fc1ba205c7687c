package dev.autosync.warehouse;

import dev.autosync.render.ObjectKind;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cloud side must be told before auto-ingest loads anything, from what the warehouse
 * says now: S3 - the IAM user and external ID for the role's trust policy and, per pipe, the
 * event notification to send to its SQS queue (SHOW PIPES notification_channel); Azure - the
 * consent URLs, the apps and their roles, the Event Grid subscription; GCS - the service
 * accounts, their grants and the bucket's Pub/Sub notification. Docs: user-guide/data-load-snowpipe-auto-s3,
 * data-load-s3-config-storage-integration, data-load-snowpipe-auto-azure, data-load-azure-config,
 * data-load-snowpipe-auto-gcs, data-load-gcs-config. Deploy prints it on every run (it cannot see
 * the cloud side, so it cannot know the wiring is done), and in the error when a pipe cannot be
 * created for want of it.
 */
public final class CloudWiring {
    private static final Pattern STAGE_URL = Pattern.compile("(?im)^\\s*URL\\s*=\\s*'([^']*)'");

    private CloudWiring() {
    }

    /** The steps, numbered in the order the cloud side needs them; empty for an internal stage. */
    public static List<String> steps(RenderedBundle b, Warehouse w) throws WarehouseException {
        List<String> out = new ArrayList<>();
        if (!b.provider().isCloud()) {
            return out;
        }
        Map<String, String> si = describe(w, b.storageIntegration());
        Map<String, String> ni = b.notificationIntegration() == null ? Map.of() : describe(w, b.notificationIntegration());
        String url = stageUrl(b);
        Map<String, String> folders = autoIngestFolders(b);
        switch (b.provider()) {
            case S3 -> {
                out.add("IAM role " + si.getOrDefault("STORAGE_AWS_ROLE_ARN", "(STORAGE_AWS_ROLE_ARN)") + ": its trust policy lets "
                        + "principal " + si.getOrDefault("STORAGE_AWS_IAM_USER_ARN", "?") + " do sts:AssumeRole on condition "
                        + "sts:ExternalId = " + si.getOrDefault("STORAGE_AWS_EXTERNAL_ID", "?") + " (DESC INTEGRATION "
                        + b.storageIntegration() + "), and allows s3:GetObject, s3:GetObjectVersion and s3:ListBucket on " + url);
                Map<String, String> channels = new LinkedHashMap<>();
                for (Map<String, String> r : w.query("SHOW PIPES IN SCHEMA " + b.database() + "." + b.schema())) {
                    channels.put(b.database() + "." + b.schema() + "." + r.get("NAME"), r.get("NOTIFICATION_CHANNEL"));
                }
                folders.forEach((pipe, folder) -> out.add("S3 bucket " + bucket(url) + ": an event notification for pipe " + pipe
                        + ": event types s3:ObjectCreated:* (All object create events), prefix " + key(url) + folder
                        + ", destination SQS queue " + channels.getOrDefault(pipe, "(SHOW PIPES notification_channel)")
                        + " (pipes share the account's queue: one notification per prefix)"));
            }
            case AZURE -> {
                out.add("Open " + si.getOrDefault("AZURE_CONSENT_URL", "?") + " and accept (storage integration "
                        + b.storageIntegration() + "); then give the app " + si.getOrDefault("AZURE_MULTI_TENANT_APP_NAME", "?")
                        + " the role Storage Blob Data Reader on " + url);
                out.add("Open " + ni.getOrDefault("AZURE_CONSENT_URL", "?") + " and accept (notification integration "
                        + b.notificationIntegration() + "); then give the app " + ni.getOrDefault("AZURE_MULTI_TENANT_APP_NAME", "?")
                        + " the role Storage Queue Data Contributor on the queue " + ni.getOrDefault("AZURE_STORAGE_QUEUE_PRIMARY_URI", "?"));
                folders.forEach((pipe, folder) -> out.add("Event Grid subscription on the storage account of " + url + " for pipe "
                        + pipe + ": event type Microsoft.Storage.BlobCreated, Event Grid schema, endpoint the storage queue "
                        + ni.getOrDefault("AZURE_STORAGE_QUEUE_PRIMARY_URI", "?") + ", subject begins with /blobServices/default/"
                        + "containers/" + bucket(url) + "/blobs/" + key(url) + folder));
            }
            case GCS -> {
                out.add("Give " + si.getOrDefault("STORAGE_GCP_SERVICE_ACCOUNT", "?") + " (storage integration "
                        + b.storageIntegration() + ") storage.buckets.get, storage.objects.get and storage.objects.list on "
                        + "bucket " + bucket(url));
                out.add("Give " + ni.getOrDefault("GCP_PUBSUB_SERVICE_ACCOUNT", "?") + " (notification integration "
                        + b.notificationIntegration() + ") the role Pub/Sub Subscriber on " + ni.getOrDefault(
                        "GCP_PUBSUB_SUBSCRIPTION_NAME", "?") + " and Monitoring Viewer on its project");
                folders.forEach((pipe, folder) -> out.add("Pub/Sub notification on bucket " + bucket(url) + " for pipe " + pipe
                        + ": event type OBJECT_FINALIZE, object name prefix " + key(url) + folder + ", to the topic of "
                        + ni.getOrDefault("GCP_PUBSUB_SUBSCRIPTION_NAME", "?")));
            }
            default -> { }
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            numbered.add((i + 1) + ". " + out.get(i));
        }
        return numbered;
    }

    /** Whether a failed statement is a pipe that Azure or GCS would not let Snowflake bind to (consent or grants missing). */
    static boolean needsWiring(RenderedBundle b, RenderedStatement st) {
        return st.kind() == ObjectKind.PIPE && (b.provider() == Provider.AZURE || b.provider() == Provider.GCS)
                && st.sql().toUpperCase(Locale.ROOT).contains("INTEGRATION =");
    }

    private static Map<String, String> describe(Warehouse w, String integration) throws WarehouseException {
        Map<String, String> out = new LinkedHashMap<>();
        if (integration == null) {
            return out;
        }
        try {
            for (Map<String, String> r : w.query("DESC INTEGRATION " + integration)) {
                out.put(r.get("PROPERTY").toUpperCase(Locale.ROOT), r.get("PROPERTY_VALUE"));
            }
        } catch (WarehouseException e) {
            out.put("STATE", "not readable: " + e.getMessage()); // not created yet, or no privilege: the steps say "?"
        }
        return out;
    }

    /** Pipe name to its folder in the stage, for the auto-ingest pipes of the pipeline. */
    private static Map<String, String> autoIngestFolders(RenderedBundle b) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RenderedStatement st : b.statements()) {
            if (st.kind() == ObjectKind.PIPE && st.sql().toUpperCase(Locale.ROOT).contains("AUTO_INGEST = TRUE")) {
                PipeSource src = PipeSource.of(st.sql());
                out.put(st.name(), src == null ? "" : src.folder());
            }
        }
        return out;
    }

    private static String stageUrl(RenderedBundle b) {
        for (RenderedStatement st : b.statements()) {
            if (st.kind() == ObjectKind.STAGE && st.name().equals(b.stage())) {
                Matcher m = STAGE_URL.matcher(st.sql());
                if (m.find()) {
                    String u = m.group(1);
                    return u.endsWith("/") ? u : u + "/";
                }
            }
        }
        return "?";
    }

    /** The bucket (or container) of a storage URL: s3://BUCKET/..., gcs://BUCKET/..., azure://ACCOUNT.blob.core.windows.net/CONTAINER/... */
    static String bucket(String url) {
        String rest = url.replaceFirst("^[a-z0-9]+://", "");
        String[] parts = rest.split("/", -1);
        return url.startsWith("azure://") && parts.length > 1 ? parts[1] : parts[0];
    }

    /** The key prefix inside the bucket (or container), ending in / when not empty. */
    static String key(String url) {
        String rest = url.replaceFirst("^[a-z0-9]+://", "");
        int skip = url.startsWith("azure://") ? 2 : 1;
        String[] parts = rest.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = skip; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                sb.append(parts[i]).append('/');
            }
        }
        return sb.toString();
    }
}
