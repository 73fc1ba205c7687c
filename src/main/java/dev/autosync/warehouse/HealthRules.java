package dev.autosync.warehouse;

/**
 * The one set of health rules and their wording, used by deploy's health gate, e2e and status.
 * Each rule returns the problem (what is wrong and, in brackets, the fix) or null when healthy.
 * Problems that stop data flowing make status FAILING; the load ones make it DEGRADED.
 */
public final class HealthRules {
    private HealthRules() {
    }

    /** A pipe must be RUNNING with no error. */
    public static String pipe(String name, String executionState, String error) {
        if (!PipeStatus.RUNNING.equals(executionState)) {
            boolean cause = executionState != null && (executionState.startsWith("STOPPED") || executionState.startsWith("STALLED"));
            return "pipe " + name + " is " + executionState + (blank(error) ? "" : " (" + error + ")") + " (resume: ALTER PIPE "
                    + name + " SET PIPE_EXECUTION_PAUSED = FALSE" + (cause ? ", after fixing the cause" : "") + ")";
        }
        return blank(error) ? null : "pipe " + name + " reports an error: " + error;
    }

    public static String pipe(String name, PipeStatus status) {
        return pipe(name, status.executionState(), status.error());
    }

    /** A task must be started, or its stream is never processed. */
    public static String task(String name, String state) {
        return "started".equalsIgnoreCase(state) ? null : "task " + name + " is " + state + " (resume: ALTER TASK " + name + " RESUME)";
    }

    /** A task's newest finished run (its state and error; null when none) must not have failed. */
    public static String lastRun(String name, String lastState, String lastError) {
        return !"FAILED".equals(lastState) ? null : "task " + name + " last run failed: " + lastError;
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
