package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one reader of {@code INFORMATION_SCHEMA.TASK_HISTORY} in Java (e2e's wait for its task run,
 * status's last run): a task's finished runs, newest first. diagnostics.sql has its own query for
 * people to run by hand.
 */
public final class TaskHistory {
    /** The states of a run that has finished. */
    private static final String FINISHED = "('SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED')";

    /** One finished run; {@code completedTime} as the warehouse prints it. */
    public record TaskRun(String state, String completedTime, String errorMessage, String queryId) {
        /** It did not do its work: it failed, or was cancelled. */
        public boolean unsuccessful() {
            return "FAILED".equals(state) || "CANCELLED".equals(state);
        }
    }

    private TaskHistory() {
    }

    /** The finished runs of {@code task} (database.schema.task), newest first; at most {@code limit} (0: all). */
    public static List<TaskRun> finishedRuns(Warehouse w, QualifiedName task, int limit) throws WarehouseException {
        List<TaskRun> out = new ArrayList<>();
        for (Map<String, String> r : w.query("SELECT STATE, COMPLETED_TIME, ERROR_MESSAGE, QUERY_ID FROM TABLE("
                + task.database().sql() + ".INFORMATION_SCHEMA.TASK_HISTORY(TASK_NAME => " + SqlLiterals.quote(task.last().name())
                + ")) WHERE STATE IN " + FINISHED + " ORDER BY COMPLETED_TIME DESC" + (limit > 0 ? " LIMIT " + limit : ""))) {
            out.add(new TaskRun(r.get("STATE"), r.get("COMPLETED_TIME"), r.get("ERROR_MESSAGE"), r.get("QUERY_ID")));
        }
        return out;
    }

    /**
     * The newest run that executed the task's body (not SKIPPED), or null when there is none. Our
     * tasks run WHEN their stream has data, so most scheduled runs are SKIPPED; the run that matters
     * for health is the last one that did work.
     */
    public static TaskRun lastRun(Warehouse w, QualifiedName task) throws WarehouseException {
        for (TaskRun r : finishedRuns(w, task, 0)) {
            if (!"SKIPPED".equals(r.state())) {
                return r;
            }
        }
        return null;
    }
}
