package dev.autosync.render;

import dev.autosync.sql.SqlLiterals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What brings a pipe back to loading, per execution state ("SYSTEM$PIPE_STATUS", "SYSTEM$PIPE_FORCE_RESUME"
 * and "Managing Snowpipe" pages): the one wording that status, deploy's health gate, e2e and the Streamlit
 * page give. It sits in render so that the page gets it, per pipe, from the rendered pipeline
 * ({@link #byState(String)}) rather than from a second copy in Python.
 */
public final class PipeAdvice {
    /** The states with their own advice; any other takes {@link #STOPPED_OR_STALLED} or {@link #OTHER}. */
    public static final List<String> STATES = List.of("PAUSED", "STOPPED_STAGE_ALTERED", "STOPPED_STAGE_DROPPED",
            "STOPPED_FILE_FORMAT_DROPPED", "STOPPED_MISSING_TABLE", "STOPPED_NOTIFICATION_INTEGRATION_DROPPED",
            "STOPPED_MISSING_PIPE", "STOPPED_CLONED", "STOPPED_FEATURE_DISABLED", "STOPPED_BY_SNOWFLAKE_ADMIN",
            "STALLED_STAGE_PERMISSION_ERROR", "STALLED_COMPILATION_ERROR", "STALLED_INITIALIZATION_ERROR",
            "STALLED_EXECUTION_ERROR", "STALLED_INTERNAL_ERROR", "READ_ONLY", "FAILING_OVER", "UNKNOWN");
    /** The key of {@link #byState(String)} for an unlisted STOPPED_* or STALLED_* state. */
    public static final String STOPPED_OR_STALLED = "STOPPED_OR_STALLED";
    /** The key of {@link #byState(String)} for any other unlisted state. */
    public static final String OTHER = "OTHER";
    /** The key of {@link #byState(String)} for a RUNNING pipe that reports an error. */
    public static final String RUNNING_WITH_ERROR = "RUNNING_WITH_ERROR";

    private PipeAdvice() {
    }

    /**
     * What brings a pipe in {@code state} (null: unreadable) back to RUNNING. {@code name} is the pipe's
     * qualified SQL name (database.schema.pipe, quoted as needed), so the advice runs as pasted.
     */
    public static String forState(String name, String state) {
        String resume = "ALTER PIPE " + name + " SET PIPE_EXECUTION_PAUSED = FALSE";
        String forceResume = "SELECT SYSTEM$PIPE_FORCE_RESUME(" + SqlLiterals.quote(name) + ", ";
        String recreate = "recreate the pipe (CREATE OR REPLACE PIPE: run autosync:deploy, or its statement in deploy.sql), "
                + "then ALTER PIPE " + name + " REFRESH for files staged meanwhile";
        if (state == null) {
            return "its status could not be read: the role needs MONITOR on the pipe";
        }
        return switch (state) {
            case "PAUSED" -> "resume: " + resume + "; a pipe paused for more than 14 days is stale and resumes only with "
                    + forceResume + "'staleness_check_override'); if its owner changed while paused: " + forceResume
                    + "'ownership_transfer_check_override')";
            case "STOPPED_STAGE_ALTERED" -> "the stage's cloud parameters (URL, STORAGE_INTEGRATION, ENCRYPTION) changed: " + recreate;
            case "STOPPED_STAGE_DROPPED", "STOPPED_FILE_FORMAT_DROPPED", "STOPPED_MISSING_TABLE",
                 "STOPPED_NOTIFICATION_INTEGRATION_DROPPED", "STOPPED_MISSING_PIPE" ->
                    "an object it uses was dropped: create it again (autosync:deploy; integrations with cloud-setup.sql), then " + recreate;
            case "STOPPED_CLONED" -> "it is a clone's copy of a pipe; resume it if this copy should load: " + resume;
            case "STOPPED_FEATURE_DISABLED", "STOPPED_BY_SNOWFLAKE_ADMIN" -> "stopped on Snowflake's side: contact Snowflake Support";
            case "STALLED_STAGE_PERMISSION_ERROR" -> "Snowflake cannot read the stage's location: check the storage integration's "
                    + "cloud role or consent and its grants (cloud-setup.sql), then " + resume;
            case "STALLED_COMPILATION_ERROR", "STALLED_INITIALIZATION_ERROR", "STALLED_EXECUTION_ERROR" ->
                    "fix the error shown (often a privilege or a dropped object), then " + resume;
            case "STALLED_INTERNAL_ERROR" -> "an internal Snowflake error: " + resume + "; contact Snowflake Support if it persists";
            case "READ_ONLY", "FAILING_OVER" -> "the pipe is in a secondary (replicated) database: it loads once that database "
                    + "is promoted to primary";
            case "UNKNOWN" -> "its status could not be read: the role needs MONITOR on the pipe";
            default -> "resume: " + resume + (state.startsWith("STOPPED") || state.startsWith("STALLED") ? ", after fixing the cause" : "");
        };
    }

    /** For a RUNNING pipe that reports an error. */
    public static String forError() {
        return "fix its cause: often a privilege on, or a dropped, table, stage or file format";
    }

    /** Every advice for the pipe {@code name}, keyed by state (plus the catch-all keys above), for the Streamlit page. */
    public static Map<String, String> byState(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        STATES.forEach(s -> out.put(s, forState(name, s)));
        out.put(STOPPED_OR_STALLED, forState(name, "STOPPED_"));
        out.put(OTHER, forState(name, ""));
        out.put(RUNNING_WITH_ERROR, forError());
        return out;
    }
}
