package dev.autosync.e2e;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.QualifiedName;
import dev.autosync.warehouse.TaskExecution;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs each entity's task once and waits for that run to end ({@link TaskExecution}); every end state is reported. */
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
        TaskExecution.Outcome o = TaskExecution.run(w, task, timeout);
        if (!o.ended()) {
            throw new E2eException("Task " + task + " did not finish within " + timeout.toSeconds() + " s of EXECUTE TASK ("
                    + o.pending() + "); raise " + PropertyNames.E2E_TIMEOUT + " if the warehouse is busy.");
        }
        TaskHistory.TaskRun r = o.run().orElseThrow();
        if (r.unsuccessful()) {
            throw new E2eException(o.failure(r));
        }
        Optional<TaskHistory.TaskRun> other = o.failedRunThatTookTheRows();
        if (other.isPresent()) {
            throw new E2eException(o.failure(other.get()) + " (a run on the task's schedule took the rows before EXECUTE TASK's)");
        }
    }
}
