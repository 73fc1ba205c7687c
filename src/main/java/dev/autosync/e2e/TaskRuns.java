package dev.autosync.e2e;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.QualifiedName;
import dev.autosync.warehouse.Await;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs each entity's task once (EXECUTE TASK) and waits for that run to end. The run is the first
 * one started by EXECUTE TASK in the task's own database and schema at or after the warehouse's
 * clock read just before the statement ("TASK_HISTORY" page: filter by the arguments, not by
 * counting rows, since RESULT_LIMIT cuts the rows before any WHERE). Every end state is handled:
 * a failed, cancelled or auto-suspended run reports the task's error at once.
 */
final class TaskRuns {
    private final RunScope scope;
    private final Warehouse w;
    private final Duration timeout;

    TaskRuns(RunScope scope, Warehouse w, Duration timeout) {
        this.scope = scope;
        this.w = w;
        this.timeout = timeout;
    }

    void runFor(List<EventFile> files) throws WarehouseException, E2eException {
        for (EntityObjects e : scope.entitiesOf(files)) {
            run(e.task());
        }
    }

    private void run(QualifiedName task) throws WarehouseException, E2eException {
        Instant since = TaskHistory.now(w);
        w.execute("EXECUTE TASK " + task);
        Await.Outcome<List<TaskHistory.TaskRun>> ended = Await.until("task " + task + " to run",
                () -> TaskHistory.runsSince(w, task, since), runs -> ours(runs).map(TaskHistory.TaskRun::finished).orElse(false),
                timeout, Await.Pacing.backoff(timeout), null);
        Optional<TaskHistory.TaskRun> run = ours(ended.last());
        if (!ended.done()) {
            throw new E2eException("Task " + task + " did not finish within " + timeout.toSeconds() + " s of EXECUTE TASK ("
                    + run.map(r -> "its run is " + r.state()).orElse("TASK_HISTORY shows no run of it yet")
                    + "); raise " + PropertyNames.E2E_TIMEOUT + " if the warehouse is busy.");
        }
        TaskHistory.TaskRun r = run.orElseThrow();
        if (r.unsuccessful()) {
            throw new E2eException(failure(task, r));
        }
        if (TaskHistory.SKIPPED.equals(r.state())) {
            // WHEN found the stream empty: a run on the schedule may have taken the rows first; if it failed, that is the error
            for (TaskHistory.TaskRun other : ended.last()) {
                if (other.finished() && other.unsuccessful()) {
                    throw new E2eException(failure(task, other) + " (a run on the task's schedule took the rows before EXECUTE TASK's)");
                }
            }
        }
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

    private static String failure(QualifiedName task, TaskHistory.TaskRun r) {
        String fix = r.autoSuspended() ? " The task suspended itself after repeated failures (SUSPEND_TASK_AFTER_NUM_FAILURES): "
                + "fix the cause, then ALTER TASK " + task + " RESUME (deploy resumes it too)." : "";
        return "Task " + task + " " + r.describe() + " (query id " + r.queryId() + ")." + fix;
    }
}
