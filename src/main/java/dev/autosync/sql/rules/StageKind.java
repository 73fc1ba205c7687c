package dev.autosync.sql.rules;

import java.util.Locale;

/** What a stage reads: Snowflake storage or one of the clouds; {@code UNKNOWN} when it cannot be told. */
public enum StageKind {
    INTERNAL, S3, GCS, AZURE, UNKNOWN;

    /** The kind of an external stage from its URL ({@code s3://}, {@code s3gov://}, {@code gcs://}, {@code azure://}). */
    public static StageKind ofUrl(String url) {
        if (url == null) {
            return INTERNAL;
        }
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "s3", "s3gov", "s3china" -> S3;
            case "gcs" -> GCS;
            case "azure" -> AZURE;
            default -> UNKNOWN;
        };
    }

    public boolean external() {
        return this == S3 || this == GCS || this == AZURE;
    }
}
