package dev.autosync.warehouse;

import dev.autosync.render.PipeAdvice;

/**
 * The one set of health rules and their wording, used by deploy's health gate, e2e and status.
 * Each rule returns the problem (what is wrong and, in brackets, the fix) or null when healthy.
 * Problems that stop data flowing make status FAILING; the load ones make it DEGRADED.
 */
public final class HealthRules {
    private HealthRules() {
    }

    /**
     * A pipe must be RUNNING with no {@code error} (from when it was last compiled). A fault, which
     * Snowflake uses for its own debugging, is not judged: status shows it. The advice follows the
     * state ("SYSTEM$PIPE_STATUS", "SYSTEM$PIPE_FORCE_RESUME" and "Managing Snowpipe" pages).
     */
    public static String pipe(String name, String executionState, String error) {
        if (!PipeStatus.RUNNING.equals(executionState)) {
            return "pipe " + name + " is " + executionState + (blank(error) ? "" : " (" + error + ")") + " ("
                    + PipeAdvice.forState(name, executionState) + ")";
        }
        return blank(error) ? null : "pipe " + name + " reports an error: " + error + " (" + PipeAdvice.forError() + ")";
    }

    public static String pipe(String name, PipeStatus status) {
        return pipe(name, status.executionState(), status.error());
    }

    /** A task must be started, or its stream is never processed. */
    public static String task(String name, String state) {
        return "started".equalsIgnoreCase(state) ? null : "task " + name + " is " + state + " (resume: ALTER TASK " + name + " RESUME)";
    }

    /**
     * A task's newest run that did work (its state and error; null when none) must not have failed.
     * FAILED_AND_AUTO_SUSPENDED: it failed SUSPEND_TASK_AFTER_NUM_FAILURES times in a row (default 10) and suspended itself.
     */
    public static String lastRun(String name, String lastState, String lastError) {
        if (TaskHistory.FAILED_AND_AUTO_SUSPENDED.equals(lastState)) {
            return "task " + name + " last run failed and the task suspended itself after repeated failures: " + lastError
                    + " (fix the cause, then ALTER TASK " + name + " RESUME; autosync:deploy resumes it too)";
        }
        if (TaskHistory.FAILED.equals(lastState) || TaskHistory.CANCELLED.equals(lastState)) {
            return "task " + name + " last run " + (TaskHistory.FAILED.equals(lastState) ? "failed" : "was cancelled")
                    + (blank(lastError) ? "" : ": " + lastError);
        }
        return null;
    }

    /** A stale stream has lost track of its table's changes. */
    public static String stream(String name, boolean stale) {
        return !stale ? null : "stream " + name + " is stale, its table's changes are no longer retained (re-create it: "
                + "deploy replaces it with CREATE OR REPLACE STREAM; then re-load the files that arrived since it went stale)";
    }

    /** An integration the deploying role cannot describe cannot be used by its stages and pipes either. */
    public static String integration(String name, String describeError) {
        return describeError == null ? null : "integration " + name + " cannot be described (" + describeError + ") (grant "
                + "USAGE on it to the deploying role, or create it (ACCOUNTADMIN) with cloud-setup.sql)";
    }

    /** Files that failed to load through an ingest pipe in the last 24 hours. */
    public static String failedLoads(String pipe, long files) {
        return files <= 0 ? null : files + " file(s) failed to load through " + pipe + " in the last 24 h";
    }

    /** Records the task rejected in the last 24 hours. */
    public static String rejects(String entity, String table, long records) {
        return records <= 0 ? null : records + " " + entity + " record(s) rejected in the last 24 h (see " + table + ")";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
