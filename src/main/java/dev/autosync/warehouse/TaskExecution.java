package dev.autosync.warehouse;

import dev.autosync.render.QualifiedName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a task once (EXECUTE TASK) and waits for that run to end. The run is the first one started by
 * EXECUTE TASK in the task's own database and schema at or after the warehouse's clock read just
 * before the statement ("TASK_HISTORY" page: filter by the arguments, not by counting rows, since
 * RESULT_LIMIT cuts the rows before any WHERE). e2e, backfill and replay-rejects share it and say
 * what an outcome means for their users.
 */
public final class TaskExecution {
    /** What waiting for the run saw: whether it ended, the run (if TASK_HISTORY shows it) and the window's runs, newest first. */
    public record Outcome(QualifiedName task, boolean ended, Optional<TaskHistory.TaskRun> run, List<TaskHistory.TaskRun> window) {
        /**
         * When our run was SKIPPED (WHEN found the stream empty), a run on the task's schedule may have
         * taken the rows first; if that run failed, its failure is the one that matters.
         */
        public Optional<TaskHistory.TaskRun> failedRunThatTookTheRows() {
            if (run.isEmpty() || !TaskHistory.SKIPPED.equals(run.get().state())) {
                return Optional.empty();
            }
            return window.stream().filter(r -> r.finished() && r.unsuccessful()).findFirst();
        }

        /** The state and error of the run, its query id, and how to recover an auto-suspended task. */
        public String failure(TaskHistory.TaskRun r) {
            String fix = r.autoSuspended() ? " The task suspended itself after repeated failures (SUSPEND_TASK_AFTER_NUM_FAILURES): "
                    + "fix the cause, then ALTER TASK " + task + " RESUME (deploy resumes it too)." : "";
            return "Task " + task + " " + r.describe() + " (query id " + r.queryId() + ")." + fix;
        }

        /** Why waiting stopped short: the state of the run, or that TASK_HISTORY shows none yet. */
        public String pending() {
            return run.map(r -> "its run is " + r.state()).orElse("TASK_HISTORY shows no run of it yet");
        }
    }

    private TaskExecution() {
    }

    public static Outcome run(Warehouse w, QualifiedName task, Duration timeout) throws WarehouseException {
        Instant since = TaskHistory.now(w);
        w.execute("EXECUTE TASK " + task);
        Await.Outcome<List<TaskHistory.TaskRun>> ended = Await.until("task " + task + " to run",
                () -> TaskHistory.runsSince(w, task, since), runs -> ours(runs).map(TaskHistory.TaskRun::finished).orElse(false),
                timeout, Await.Pacing.backoff(timeout), null);
        List<TaskHistory.TaskRun> window = ended.last() == null ? List.of() : ended.last();
        return new Outcome(task, ended.done(), ours(window), window);
    }

    /**
     * The run EXECUTE TASK started: the oldest EXECUTE_TASK run in the window (runs come newest
     * first). Per the EXECUTE TASK page the run replaces a SCHEDULED one, or follows one EXECUTING,
     * scheduled at or after the statement either way. UNVERIFIED: that such a run's SCHEDULED_FROM
     * is EXECUTE_TASK (the TASK_HISTORY page says it is for runs "scheduled to run with EXECUTE TASK").
     */
    private static Optional<TaskHistory.TaskRun> ours(List<TaskHistory.TaskRun> runs) {
        TaskHistory.TaskRun found = null;
        for (TaskHistory.TaskRun r : runs) {
            if (r.executeTask()) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }
}
