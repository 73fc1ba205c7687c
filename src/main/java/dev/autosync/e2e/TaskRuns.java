package dev.autosync.e2e;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.EntityObjects;
import dev.autosync.warehouse.Await;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Duration;
import java.util.List;

/** Runs each entity's task once (EXECUTE TASK) and waits until TASK_HISTORY shows that run finished. */
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
            int before = TaskHistory.finishedRuns(w, e.task(), 0).size();
            w.execute("EXECUTE TASK " + e.task());
            Await.Outcome<List<TaskHistory.TaskRun>> finished = Await.until("task " + e.task() + " to run",
                    () -> TaskHistory.finishedRuns(w, e.task(), 0), runs -> runs.size() > before, timeout,
                    Await.Pacing.backoff(timeout), null);
            if (!finished.done()) {
                throw new E2eException("Task " + e.task() + " did not finish within " + timeout.toSeconds()
                        + " s of EXECUTE TASK (see TASK_HISTORY); raise " + PropertyNames.E2E_TIMEOUT + " if the warehouse is busy.");
            }
            TaskHistory.TaskRun last = finished.last().get(0);
            if (last.unsuccessful()) {
                throw new E2eException("Task " + e.task() + " " + last.state() + ": " + last.errorMessage());
            }
        }
    }
}
