package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;

import java.sql.SQLException;
import java.time.Instant;

/**
 * CREATE and ALTER TASK, and EXECUTE TASK. Tasks are created suspended; RESUME starts a root's
 * schedule (intervals count from the resume); only a suspended task can be changed; EXECUTE TASK
 * queues one run even when suspended. Changes wake the background loop.
 */
final class TaskDdl {
    private static final String DONE = "Statement executed successfully.";

    private final Catalog catalog;
    private final Transactions transactions;
    private final ExistingObjects existing;
    private final TaskRequests requests;
    private final Runnable wake;
    private final Privileges privileges;

    TaskDdl(Catalog catalog, Transactions transactions, ExistingObjects existing, TaskRequests requests, Runnable wake,
            Privileges privileges) {
        this.privileges = privileges;
        this.catalog = catalog;
        this.transactions = transactions;
        this.existing = existing;
        this.requests = requests;
        this.wake = wake;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        return create(st.session(), h, CreateTask.parse(st, catalog));
    }

    Result alter(StatementContext st) throws SQLException {
        return alter(st.session(), AlterTask.parse(st, catalog));
    }

    private Result create(Session s, CreateHeader h, CreateTask t) throws SQLException {
        ObjectNode props = t.props();
        validateOptions(props, (ArrayNode) props.get("PREDECESSORS"));
        Result done = existing.check(s, CatalogKind.TASK, t.ref(), h);
        if (done != null) {
            return done;
        }
        props.put("DEFINITION", t.body());
        props.put("STATE", "suspended");
        transactions.atomic(s, () -> catalog.create(s.conn(), CatalogKind.TASK, t.ref(), Options.text(props, "COMMENT"), props,
                null));
        return Result.ddl("Task " + t.ref().name() + " successfully created.");
    }

    private static void validateOptions(ObjectNode props, ArrayNode after) {
        if (props.has("WAREHOUSE") && props.has("USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE")) {
            throw SnowflakeError.compilation("Cannot set both WAREHOUSE and USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE: the "
                    + "second is for serverless tasks only.");
        }
        if (props.has("SCHEDULE")) {
            if (!after.isEmpty()) {
                throw SnowflakeError.compilation("A child task (AFTER) cannot have a SCHEDULE.");
            }
            Schedule.parse(props.get("SCHEDULE").asText());
        }
        if (props.has("SUSPEND_TASK_AFTER_NUM_FAILURES")) {
            Integer.parseInt(props.get("SUSPEND_TASK_AFTER_NUM_FAILURES").asText());
        }
    }

    private Result alter(Session s, AlterTask a) throws SQLException {
        CatalogObject task = a.task();
        if (task == null) {
            return Result.ddl(DONE);
        }
        ObjectNode p = task.props();
        switch (a.action()) {
            case RESUME -> {
                privileges.requireTaskPrivileges(s, task);
                p.put("STATE", "started");
                p.remove("LAST_SUSPENDED_REASON");
                if (p.hasNonNull("SCHEDULE") && TaskState.predecessors(task).isEmpty()) {
                    p.put("NEXT_RUN", Schedule.parse(p.get("SCHEDULE").asText()).next(Instant.now()).toString());
                }
            }
            case SUSPEND -> TaskState.suspend(task, "USER_SUSPENDED");
            default -> change(task, a);
        }
        transactions.atomically(s, () -> catalog.save(s.conn(), task));
        wake.run();
        return Result.ddl(DONE);
    }

    /** SET, UNSET, MODIFY and REMOVE WHEN: only on a suspended task. */
    private static void change(CatalogObject task, AlterTask a) {
        if (TaskState.started(task)) {
            throw new SnowflakeError("091083", "0A000", "Unable to update graph with root task " + task.ref().display()
                    + " since that root task is not suspended.");
        }
        ObjectNode p = task.props();
        switch (a.action()) {
            case SET -> {
                ObjectNode merged = p.deepCopy();
                a.set().fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                validateOptions(merged, (ArrayNode) merged.get("PREDECESSORS"));
                task.props(merged);
                if (a.set().has("COMMENT")) {
                    task.comment(a.set().get("COMMENT").asText());
                }
            }
            case UNSET -> {
                for (String k : a.unset()) {
                    p.remove(k);
                    if (k.equals("COMMENT")) {
                        task.comment(null);
                    }
                }
            }
            case MODIFY_AS -> p.put("DEFINITION", a.text());
            case MODIFY_WHEN -> p.put("CONDITION", a.text());
            default -> p.remove("CONDITION");
        }
    }

    /** EXECUTE TASK: queues one run of a standalone or root task for the scheduler. */
    Result execute(StatementContext st) {
        st.cursor().expect("EXECUTE");
        st.cursor().expect("TASK");
        ObjectRef ref = st.name("EXECUTE TASK");
        CatalogObject task = catalog.require(CatalogKind.TASK, ref);
        try {
            privileges.requireTaskPrivileges(st.session(), task);
        } catch (SQLException e) {
            throw ErrorMapper.map(e);
        }
        if (!TaskState.predecessors(task).isEmpty()) {
            throw SnowflakeError.compilation("EXECUTE TASK runs a standalone or root task; " + ref.display() + " is a child task.");
        }
        requests.add(task.id());
        wake.run();
        return Result.ddl("Task " + Names.display(ref.name()) + " is scheduled to run immediately.");
    }
}
