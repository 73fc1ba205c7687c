package dev.autosync.status;

import java.util.List;

/**
 * Everything {@code status} shows, as plain data: the same model feeds the terminal table, the
 * JSON document (schema {@code autosync/status.schema.json}, version {@link #SCHEMA_VERSION}) and the HTML page.
 */
public record StatusReport(String target, String database, String schema, String generatedAt, Verdict verdict,
                           List<Pipe> pipes, List<Metrics> metrics, List<LoadError> errors, List<Stream> streams,
                           List<Task> tasks, List<Rejects> rejects, List<Hour> hourly,
                           List<Freshness> freshness) {
    public static final int SCHEMA_VERSION = 1;

    public enum Level { HEALTHY, DEGRADED, FAILING }

    /**
     * {@code reasonLevels}: each reason's own level, in the same order (a FAILING verdict lists its FAILING
     * reasons first, then the DEGRADED ones); the Streamlit page gives the same verdict and levels.
     */
    public record Verdict(Level level, List<String> reasons, List<Level> reasonLevels) {
        public Verdict {
            reasons = List.copyOf(reasons);
            reasonLevels = List.copyOf(reasonLevels);
            if (reasons.size() != reasonLevels.size()) {
                throw new IllegalArgumentException("one level per reason: " + reasons + " " + reasonLevels);
            }
        }

        /** Every reason at the verdict's level. */
        public Verdict(Level level, List<String> reasons) {
            this(level, reasons, java.util.Collections.nCopies(reasons.size(), level));
        }
    }

    /**
     * {@code error}: SYSTEM$PIPE_STATUS's error (from when the pipe was last compiled), judged;
     * {@code fault}: its internal Snowflake error, "used primarily by Snowflake for debugging", shown only;
     * {@code notificationChannel}: SHOW PIPES' notification_channel (the SQS queue an S3 bucket's event
     * notification must target), null when the pipe has none.
     */
    public record Pipe(String name, String entity, String purpose, String executionState, long pendingFiles,
                       String oldestPendingFile, String lastIngestedFile, String lastIngestedAt, String error, String fault,
                       String notificationChannel) {
    }

    public record Metrics(String pipe, String entity, String purpose, long filesLoaded24h, long rowsLoaded24h,
                          long filesFailed24h, long filesLoaded7d, long rowsLoaded7d, long filesFailed7d, String lastLoadTime) {
    }

    public record LoadError(String failedAt, String pipe, String file, String firstError, String line) {
    }

    public record Stream(String name, boolean hasData, boolean stale) {
    }

    public record Task(String name, String state, String schedule, String lastRunAt, String lastResult, String lastError) {
    }

    public record Rejects(String entity, String table, long total, long last24h) {
    }

    /**
     * How fresh an entity's data is: when its newest event was loaded, its age in minutes, its limit
     * (null: none) and school hours, and whether it is over the limit in school time.
     */
    public record Freshness(String entity, String newestEventAt, Long ageMinutes, Long limitMinutes, String schoolHours,
                            boolean stale) {
    }

    /** Files and rows loaded, and files failed, in one hour by one pipe (the charts). */
    public record Hour(String hour, String pipe, long filesLoaded, long rowsLoaded, long filesFailed) {
    }
}
