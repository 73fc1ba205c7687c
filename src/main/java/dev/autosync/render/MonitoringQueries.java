package dev.autosync.render;

import dev.autosync.sql.SqlLiterals;

import java.util.List;

/**
 * The queries that read the pipeline's health from the monitoring views and rejects tables, in one
 * place: {@code status} runs them, and {@code render} writes them into the Streamlit page, so the
 * terminal and the page read the same rows the same way.
 */
public final class MonitoringQueries {
    /** TASK_HISTORY's own maximum RESULT_LIMIT ("Range: 1 to 10000"). */
    public static final int TASK_HISTORY_MAX_ROWS = 10_000;
    /** Rows per page when looking back for a task's last run that did work: about 16 hours of a 1-minute schedule. */
    public static final int LAST_RUN_PAGE = 1_000;
    /** Where the page puts a time into {@link #taskHistory} and {@link #timestampLiteral} (it fills them in Python). */
    public static final String SINCE = "{since}";
    public static final String UNTIL = "{until}";
    public static final String INSTANT = "{instant}";

    private MonitoringQueries() {
    }

    /**
     * The runs of {@code task} (database.schema.task) scheduled from {@code rangeStart} (to {@code rangeEnd}, when
     * not null; both SQL timestamp expressions), newest first. Per the "TASK_HISTORY" page the function covers
     * the whole account and keeps only its newest RESULT_LIMIT rows (default 100) before any WHERE: so the read
     * names the task's database and schema and a scheduled-time window, and sets RESULT_LIMIT; DATABASE_NAME and
     * SCHEMA_NAME apply before it. Our identifiers are unquoted upper case, so their text is the name.
     */
    public static String taskHistory(QualifiedName task, String rangeStart, String rangeEnd, int resultLimit) {
        List<String> parts = task.texts();
        return "SELECT QUERY_ID, STATE, SCHEDULED_FROM, SCHEDULED_TIME, COMPLETED_TIME, ERROR_CODE, ERROR_MESSAGE FROM TABLE("
                + task.database().sql() + ".INFORMATION_SCHEMA.TASK_HISTORY(SCHEDULED_TIME_RANGE_START => " + rangeStart
                + (rangeEnd == null ? "" : ", SCHEDULED_TIME_RANGE_END => " + rangeEnd) + ", RESULT_LIMIT => " + resultLimit
                + ", TASK_NAME => " + SqlLiterals.quote(task.last().name()) + ", DATABASE_NAME => " + SqlLiterals.quote(parts.get(0))
                + (parts.size() == 3 ? ", SCHEMA_NAME => " + SqlLiterals.quote(parts.get(1)) : "")
                + ")) ORDER BY SCHEDULED_TIME DESC";
    }

    /**
     * A TIMESTAMP_LTZ constant for {@code instantText} ({@code yyyy-MM-dd HH:mm:ss.SSS +0000}) with its format given,
     * so the session's TIMESTAMP_INPUT_FORMAT does not matter.
     */
    public static String timestampLiteral(String instantText) {
        return "TO_TIMESTAMP_LTZ(" + SqlLiterals.quote(instantText) + ", 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM')";
    }

    /** The warehouse's clock, read typed: where a window of task runs started after this query begins. */
    public static String now() {
        return "SELECT CURRENT_TIMESTAMP() AS NOW";
    }

    /** Each pipe's state; ERROR (from when it was last compiled) is judged, FAULT (Snowflake's own debugging) only shown. */
    public static String pipeStatus(RenderedBundle b) {
        return "SELECT PIPE_NAME, ENTITY, PURPOSE, EXECUTION_STATE, PENDING_FILE_COUNT, OLDEST_PENDING_FILE, LAST_INGESTED_FILE, "
                + "LAST_INGESTED_AT, ERROR, FAULT, STATUS_JSON FROM " + b.pipeStatusView() + " ORDER BY ENTITY, PURPOSE DESC";
    }

    public static String ingestionMetrics(RenderedBundle b) {
        return "SELECT * FROM " + b.ingestionMetricsView() + " ORDER BY ENTITY, PURPOSE DESC";
    }

    /**
     * Each entity's newest event, its age and its freshness limit with the school days and hours it counts in
     * (the freshness view); null when the bundle has no such view (a manifest from before it).
     */
    public static String freshness(RenderedBundle b) {
        return b.freshnessView() == null ? null : "SELECT ENTITY, NEWEST_EVENT_AT, NEWEST_EVENT_AGE_MINUTES, FRESHNESS_LIMIT_MINUTES, "
                + "SCHOOL_DAYS, SCHOOL_HOURS_FROM, SCHOOL_HOURS_TO, TIME_ZONE FROM " + b.freshnessView() + " ORDER BY ENTITY";
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
