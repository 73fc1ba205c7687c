package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs tasks, one pass per background tick: EXECUTE TASK requests, then started roots whose time
 * has come. A run evaluates WHEN (false records SKIPPED), then the body in a session of its own,
 * and records SUCCEEDED or FAILED with the error; after SUSPEND_TASK_AFTER_NUM_FAILURES consecutive
 * failures (default 10) the task suspends itself. Children (AFTER) run when their predecessors
 * succeed in the same graph run.
 */
final class TaskScheduler {
    private final Catalog catalog;
    private final Sessions sessions;
    private final Transactions transactions;
    private final StatementRunner runner;
    private final QueryIds queryIds;
    private final TaskHistory history;
    private final TaskRequests requests;
    private final Consumer<String> log;

    TaskScheduler(Catalog catalog, Sessions sessions, Transactions transactions, StatementRunner runner, QueryIds queryIds,
                  TaskHistory history, TaskRequests requests, Consumer<String> log) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.transactions = transactions;
        this.runner = runner;
        this.queryIds = queryIds;
        this.history = history;
        this.requests = requests;
        this.log = log;
    }

    /** One pass: runs queued EXECUTE TASK requests and started roots whose time has come. */
    void tick() throws SQLException {
        Long requested;
        while ((requested = requests.next()) != null) {
            CatalogObject t = catalog.byId(requested).orElse(null);
            if (t != null) {
                runGraph(t, "EXECUTE_TASK");
            }
        }
        Instant now = Instant.now();
        for (CatalogObject t : catalog.list(CatalogKind.TASK)) {
            if (!TaskState.started(t) || !TaskState.predecessors(t).isEmpty() || !t.props().hasNonNull("NEXT_RUN")) {
                continue;
            }
            Instant next = Instant.parse(t.prop("NEXT_RUN"));
            if (!now.isBefore(next)) {
                t.props().put("NEXT_RUN", Schedule.parse(t.prop("SCHEDULE")).next(now).toString());
                runGraph(t, "SCHEDULE");
            }
        }
    }

    private void runGraph(CatalogObject root, String from) throws SQLException {
        long runId = System.currentTimeMillis();
        if (!run(root, from, runId, root)) {
            return;
        }
        List<CatalogObject> done = new ArrayList<>(List.of(root));
        boolean progress = true;
        while (progress) {
            progress = false;
            for (CatalogObject t : catalog.list(CatalogKind.TASK)) {
                List<String> preds = TaskState.predecessors(t);
                if (preds.isEmpty() || done.contains(t) || !TaskState.started(t)) {
                    continue;
                }
                boolean ready = preds.stream().allMatch(p -> done.stream().anyMatch(d -> d.ref().display().equals(p)));
                if (ready) {
                    done.add(t);
                    progress = true;
                    run(t, "SCHEDULE", runId, root);
                }
            }
        }
    }

    /** Runs one task; returns whether it succeeded. */
    private boolean run(CatalogObject task, String from, long runId, CatalogObject root) throws SQLException {
        Session s = sessions.open("TASK_RUNNER", task.ref().db(), task.ref().schema(), task.prop("WAREHOUSE"), "SYSADMIN");
        String queryId = queryIds.next();
        OffsetDateTime scheduled = OffsetDateTime.now(ZoneOffset.UTC);
        String state;
        Long code = null;
        String message = null;
        try {
            transactions.lockedAtomically(s, () -> history.started(s, task, queryId, scheduled, from, runId, root));
            String condition = task.prop("CONDITION");
            boolean go = true;
            if (condition != null) {
                Result r = runner.run(s, "SELECT (" + condition + ")", List.of());
                Object v = r.rows().isEmpty() ? null : r.rows().get(0)[0];
                go = Boolean.TRUE.equals(v);
            }
            if (!go) {
                state = "SKIPPED";
            } else {
                runner.run(s, task.prop("DEFINITION"), List.of());
                state = "SUCCEEDED";
            }
        } catch (SnowflakeError e) {
            if (LockedStatements.SHUTTING_DOWN.equals(e.code())) {
                // the emulator stopped between scheduling the run and its first statement: the run
                // did nothing, so it is withdrawn rather than recorded as a failure of the task
                transactions.lockedAtomically(s, () -> history.withdrawn(s, queryId));
                sessions.close(s);
                return false;
            }
            state = "FAILED";
            code = parseCode(e.code());
            message = e.getMessage();
        } catch (RuntimeException e) {
            state = "FAILED";
            code = 603L;
            message = "SQL execution internal error: " + e;
        }
        boolean failed = state.equals("FAILED");
        int failures = failed ? task.props().path("FAILURES").asInt(0) + 1 : 0;
        task.props().put("FAILURES", failures);
        int limit = task.props().hasNonNull("SUSPEND_TASK_AFTER_NUM_FAILURES")
                ? task.props().get("SUSPEND_TASK_AFTER_NUM_FAILURES").asInt(10) : 10;
        if (failed && limit > 0 && failures >= limit) {
            TaskState.suspend(task, "SUSPENDED_DUE_TO_ERRORS");
            state = "FAILED_AND_AUTO_SUSPENDED";
        }
        String finalState = state;
        Long finalCode = code;
        String finalMessage = message;
        try {
            transactions.lockedAtomically(s, () -> {
                history.finished(s, queryId, finalState, finalCode, finalMessage);
                if (catalog.byId(task.id()).isPresent()) {
                    catalog.save(s.conn(), task);
                }
            });
        } finally {
            sessions.close(s);
        }
        if (failed) {
            log.accept("task " + task.ref().display() + " failed: " + message);
        }
        return state.equals("SUCCEEDED");
    }

    private static Long parseCode(String code) {
        try {
            return Long.parseLong(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
