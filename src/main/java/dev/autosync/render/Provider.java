package dev.autosync.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where event files land: a cloud bucket watched by auto-ingest, or a Snowflake internal stage. */
public enum Provider {
    S3("s3"), AZURE("azure"), GCS("gcs"), INTERNAL("internal");

    private final String id;

    Provider(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean isCloud() {
        return this != INTERNAL;
    }

    /** Whether auto-ingest needs a notification integration (Azure Event Grid, GCS Pub/Sub). */
    public boolean needsNotificationIntegration() {
        return this == AZURE || this == GCS;
    }

    public static Provider parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a provider; use one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
