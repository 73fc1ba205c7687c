package dev.autosync.render;

/**
 * The queries that read the pipeline's health from the monitoring views and rejects tables, in one
 * place: {@code status} runs them, and {@code render} writes them into the Streamlit page, so the
 * terminal and the page read the same rows the same way.
 */
public final class MonitoringQueries {
    private MonitoringQueries() {
    }

    public static String pipeStatus(RenderedBundle b) {
        return "SELECT PIPE_NAME, ENTITY, PURPOSE, EXECUTION_STATE, PENDING_FILE_COUNT, OLDEST_PENDING_FILE, LAST_INGESTED_FILE, "
                + "LAST_INGESTED_AT, ERROR, STATUS_JSON FROM " + b.pipeStatusView() + " ORDER BY ENTITY, PURPOSE DESC";
    }

    public static String ingestionMetrics(RenderedBundle b) {
        return "SELECT * FROM " + b.ingestionMetricsView() + " ORDER BY ENTITY, PURPOSE DESC";
    }

    /** The newest {@code limit} failed loads. */
    public static String errorLog(RenderedBundle b, int limit) {
        return "SELECT FAILED_AT, PIPE_NAME, FILE_NAME, FIRST_ERROR, FIRST_ERROR_LINE FROM " + b.errorLogView()
                + " ORDER BY FAILED_AT DESC LIMIT " + limit;
    }

    /** An entity's rejects: all of them and those of the last 24 hours. */
    public static String rejectCounts(EntityObjects e) {
        return "SELECT COUNT(*) AS TOTAL, SUM(IFF(REJECTED_AT >= DATEADD(HOUR, -24, CURRENT_TIMESTAMP()), 1, 0)) AS LAST_24H FROM "
                + e.rejectsTable();
    }

    /** An entity's rejects by reason, most frequent first. */
    public static String rejectReasons(EntityObjects e) {
        return "SELECT REJECT_REASON, COUNT(*) AS REJECTS, MAX(REJECTED_AT) AS LAST_REJECTED_AT FROM " + e.rejectsTable()
                + " GROUP BY REJECT_REASON ORDER BY REJECTS DESC, REJECT_REASON LIMIT 50";
    }

    /** The pipes of the pipeline's schema with their notification channel (SHOW PIPES). */
    public static String pipes(RenderedBundle b) {
        return "SHOW PIPES IN SCHEMA " + b.database() + "." + b.schema();
    }

    /** The schema's tasks with their state (SHOW TASKS). */
    public static String tasks(RenderedBundle b) {
        return "SHOW TASKS IN SCHEMA " + b.database() + "." + b.schema();
    }

    /** The schema's streams with their staleness (SHOW STREAMS). */
    public static String streams(RenderedBundle b) {
        return "SHOW STREAMS IN SCHEMA " + b.database() + "." + b.schema();
    }
}
