package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.TokenType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Tasks: created suspended; RESUME starts a root's schedule (intervals count from the resume);
 * EXECUTE TASK queues one run even when suspended. A run evaluates WHEN (false records SKIPPED),
 * then the body in a session of its own, and records SUCCEEDED or FAILED with the error; after
 * SUSPEND_TASK_AFTER_NUM_FAILURES consecutive failures (default 10) the task suspends itself.
 * Children (AFTER) run when their predecessors succeed in the same graph run.
 */
final class Tasks {
    private static final String HISTORY = Catalog.SYS + ".task_history";
    private static final Set<String> OPTIONS_END = Set.of("AFTER", "WHEN", "AS");

    private final Engine engine;
    private final Catalog catalog;
    private final ConcurrentLinkedQueue<Long> manual = new ConcurrentLinkedQueue<>();

    Tasks(Engine engine, Connection conn) throws SQLException {
        this.engine = engine;
        this.catalog = engine.catalog();
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (task_id BIGINT, query_id VARCHAR, name VARCHAR, "
                    + "database_name VARCHAR, schema_name VARCHAR, query_text VARCHAR, condition_text VARCHAR, state VARCHAR, "
                    + "error_code BIGINT, error_message VARCHAR, scheduled_time TIMESTAMPTZ, query_start_time TIMESTAMPTZ, "
                    + "next_scheduled_time TIMESTAMPTZ, completed_time TIMESTAMPTZ, root_task_id VARCHAR, graph_version BIGINT, "
                    + "run_id BIGINT, return_value VARCHAR, scheduled_from VARCHAR, attempt_number INTEGER)");
        }
    }

    // ---------------------------------------------------------------- DDL

    Result create(StatementExecutor x, Ddl.CreateHeader h) throws SQLException {
        Cursor c = x.c;
        ObjectRef ref = x.name("CREATE TASK");
        x.requireSchema(ref);
        ObjectNode props = Options.parse(c, OPTIONS_END);
        ArrayNode after = props.putArray("PREDECESSORS");
        if (c.accept("AFTER")) {
            do {
                ObjectRef p = x.name("CREATE TASK");
                CatalogObject pred = catalog.find(CatalogKind.TASK, p)
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Task", p.display()));
                if (!p.db().equals(ref.db()) || !p.schema().equals(ref.schema())) {
                    throw SnowflakeError.compilation("A task and its predecessors must be in the same schema.");
                }
                after.add(pred.ref().display());
            } while (c.accept(TokenType.COMMA));
        }
        if (c.accept("WHEN")) {
            int start = c.position();
            new Translator(c, x).expression(Set.of("AS"), false);
            props.put("CONDITION", c.textFrom(start));
        }
        c.expect("AS");
        String body = c.rest();
        if (body.isEmpty()) {
            throw c.unexpected();
        }
        validateOptions(props, after);
        Result done = new Ddl(x).existing(CatalogKind.TASK, ref, h);
        if (done != null) {
            return done;
        }
        props.put("DEFINITION", body);
        props.put("STATE", "suspended");
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.TASK, ref, Options.text(props, "COMMENT"),
                props, null));
        return Result.ddl("Task " + Names.display(ref.name()) + " successfully created.");
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

    void dropped(Session s, CatalogObject task) {
        manual.remove(task.id());
    }

    Result alter(StatementExecutor x) throws SQLException {
        Cursor c = x.c;
        CatalogObject task = x.alterTarget(CatalogKind.TASK, "Task");
        if (task == null) {
            return Result.ddl("Statement executed successfully.");
        }
        ObjectRef ref = task.ref();
        ObjectNode p = task.props();
        if (c.accept("RESUME")) {
            p.put("STATE", "started");
            p.remove("LAST_SUSPENDED_REASON");
            if (p.hasNonNull("SCHEDULE") && predecessors(task).isEmpty()) {
                p.put("NEXT_RUN", Schedule.parse(p.get("SCHEDULE").asText()).next(Instant.now()).toString());
            }
        } else if (c.accept("SUSPEND")) {
            suspend(task, "USER_SUSPENDED");
        } else {
            if ("started".equals(task.prop("STATE"))) {
                throw new SnowflakeError("091083", "0A000", "Unable to update graph with root task " + ref.display()
                        + " since that root task is not suspended.");
            }
            if (c.accept("SET")) {
                ObjectNode set = Options.parse(c, Set.of());
                ObjectNode merged = p.deepCopy();
                set.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                validateOptions(merged, (ArrayNode) merged.get("PREDECESSORS"));
                task.props(merged);
                if (set.has("COMMENT")) {
                    task.comment(set.get("COMMENT").asText());
                }
            } else if (c.accept("UNSET")) {
                do {
                    String k = c.next().upper();
                    p.remove(k);
                    if (k.equals("COMMENT")) {
                        task.comment(null);
                    }
                } while (c.accept(TokenType.COMMA));
            } else if (c.acceptAll("MODIFY", "AS")) {
                p.put("DEFINITION", c.rest());
            } else if (c.acceptAll("MODIFY", "WHEN")) {
                int start = c.position();
                new Translator(c, x).expression(Set.of(), false);
                p.put("CONDITION", c.textFrom(start));
            } else if (c.acceptAll("REMOVE", "WHEN")) {
                p.remove("CONDITION");
            } else if (c.acceptAll("ADD", "AFTER") || c.acceptAll("REMOVE", "AFTER")) {
                throw SnowflakeError.unsupported("ALTER TASK ... ADD/REMOVE AFTER (recreate the task)");
            } else {
                throw c.unexpected();
            }
        }
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), task);
            return null;
        });
        engine.services().wake();
        return Result.ddl("Statement executed successfully.");
    }

    private void suspend(CatalogObject task, String reason) {
        task.props().put("STATE", "suspended");
        task.props().put("LAST_SUSPENDED_ON", OffsetDateTime.now(ZoneOffset.UTC).toString());
        task.props().put("LAST_SUSPENDED_REASON", reason);
        task.props().remove("NEXT_RUN");
    }

    Result executeTask(StatementExecutor x) {
        x.c.expect("EXECUTE");
        x.c.expect("TASK");
        ObjectRef ref = x.name("EXECUTE TASK");
        CatalogObject task = catalog.require(CatalogKind.TASK, ref);
        if (!predecessors(task).isEmpty()) {
            throw SnowflakeError.compilation("EXECUTE TASK runs a standalone or root task; " + ref.display() + " is a child task.");
        }
        manual.add(task.id());
        engine.services().wake();
        return Result.ddl("Task " + Names.display(ref.name()) + " is scheduled to run immediately.");
    }

    private List<String> predecessors(CatalogObject task) {
        List<String> out = new ArrayList<>();
        JsonNode n = task.props().get("PREDECESSORS");
        if (n != null) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    // ---------------------------------------------------------------- the scheduler

    /** One pass: runs queued EXECUTE TASK requests and started roots whose time has come. */
    void tick() throws SQLException {
        Long manualId;
        while ((manualId = manual.poll()) != null) {
            CatalogObject t = catalog.byId(manualId).orElse(null);
            if (t != null) {
                runGraph(t, "EXECUTE_TASK");
            }
        }
        Instant now = Instant.now();
        for (CatalogObject t : catalog.list(CatalogKind.TASK)) {
            if (!"started".equals(t.prop("STATE")) || !predecessors(t).isEmpty() || !t.props().hasNonNull("NEXT_RUN")) {
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
                List<String> preds = predecessors(t);
                if (preds.isEmpty() || done.contains(t) || !"started".equals(t.prop("STATE"))) {
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
        Session s = engine.openSession("TASK_RUNNER", task.ref().db(), task.ref().schema(), task.prop("WAREHOUSE"), "SYSADMIN");
        String queryId = engine.newQueryId();
        OffsetDateTime scheduled = OffsetDateTime.now(ZoneOffset.UTC);
        String state;
        Long code = null;
        String message = null;
        try {
            insertHistory(s, task, queryId, scheduled, from, runId, root);
            String condition = task.prop("CONDITION");
            boolean go = true;
            if (condition != null) {
                Result r = engine.executeOne(s, "SELECT (" + condition + ")", List.of());
                Object v = r.rows().isEmpty() ? null : r.rows().get(0)[0];
                go = Boolean.TRUE.equals(v);
            }
            if (!go) {
                state = "SKIPPED";
            } else {
                engine.executeOne(s, task.prop("DEFINITION"), List.of());
                state = "SUCCEEDED";
            }
        } catch (SnowflakeError e) {
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
            suspend(task, "SUSPENDED_DUE_TO_ERRORS");
            state = "FAILED_AND_AUTO_SUSPENDED";
        }
        String finalState = state;
        Long finalCode = code;
        String finalMessage = message;
        try {
            engine.locked(s, () -> engine.atomic(s, () -> {
                try (PreparedStatement ps = s.conn().prepareStatement("UPDATE " + HISTORY + " SET state = ?, error_code = ?, "
                        + "error_message = ?, completed_time = ? WHERE query_id = ?")) {
                    ps.setString(1, finalState);
                    ps.setObject(2, finalCode);
                    ps.setString(3, finalMessage);
                    ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.setString(5, queryId);
                    ps.executeUpdate();
                }
                if (catalog.byId(task.id()).isPresent()) {
                    catalog.save(s.conn(), task);
                }
                return null;
            }));
        } finally {
            engine.closeSession(s);
        }
        if (failed) {
            engine.log("task " + task.ref().display() + " failed: " + message);
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

    private void insertHistory(Session s, CatalogObject task, String queryId, OffsetDateTime scheduled, String from, long runId,
                               CatalogObject root) throws SQLException {
        engine.locked(s, () -> engine.atomic(s, () -> {
            try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + HISTORY
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'EXECUTING', NULL, NULL, ?, ?, NULL, NULL, ?, 1, ?, NULL, ?, 1)")) {
                ps.setLong(1, task.id());
                ps.setString(2, queryId);
                ps.setString(3, task.name());
                ps.setString(4, task.ref().db());
                ps.setString(5, task.ref().schema());
                ps.setString(6, task.prop("DEFINITION"));
                ps.setString(7, task.prop("CONDITION"));
                ps.setObject(8, scheduled);
                ps.setObject(9, scheduled);
                ps.setString(10, String.valueOf(root.id()));
                ps.setLong(11, runId);
                ps.setString(12, from);
                ps.executeUpdate();
            }
            return null;
        }));
    }

    // ---------------------------------------------------------------- TASK_HISTORY, SHOW TASKS

    /** INFORMATION_SCHEMA.TASK_HISTORY, newest scheduled first, with the next scheduled run of started tasks. */
    String historySql(StatementExecutor x, String db, Map<String, String> named) {
        StringBuilder where = new StringBuilder("h.database_name = " + Translator.literal(db)
                + " AND h.scheduled_time >= now() - INTERVAL 7 DAY");
        StringBuilder nextWhere = new StringBuilder("o.kind = 'TASK' AND o.db = " + Translator.literal(db)
                + " AND json_extract_string(o.props, '$.STATE') = 'started' AND json_extract_string(o.props, '$.NEXT_RUN') IS NOT NULL");
        String name = named.get("TASK_NAME");
        if (name != null) {
            String v = Translator.literalValue(name);
            if (v == null) {
                throw SnowflakeError.unsupported("TASK_HISTORY with a computed TASK_NAME");
            }
            where.append(" AND upper(h.name) = ").append(Translator.literal(v.toUpperCase()));
            nextWhere.append(" AND upper(o.name) = ").append(Translator.literal(v.toUpperCase()));
        }
        String schema = named.get("SCHEMA_NAME");
        if (schema != null) {
            where.append(" AND h.schema_name = ").append(schema);
            nextWhere.append(" AND o.sch = ").append(schema);
        }
        String start = named.get("SCHEDULED_TIME_RANGE_START");
        if (start != null) {
            where.append(" AND h.scheduled_time >= (").append(start).append(')');
        }
        String end = named.get("SCHEDULED_TIME_RANGE_END");
        if (end != null) {
            where.append(" AND h.scheduled_time <= (").append(end).append(')');
        }
        String errorOnly = named.get("ERROR_ONLY");
        if (errorOnly != null && errorOnly.equalsIgnoreCase("TRUE")) {
            where.append(" AND h.state IN ('FAILED', 'FAILED_AND_AUTO_SUSPENDED')");
            nextWhere.append(" AND FALSE");
        }
        String limit = named.getOrDefault("RESULT_LIMIT", "100");
        String columns = "\"QUERY_ID\", \"NAME\", \"DATABASE_NAME\", \"SCHEMA_NAME\", \"QUERY_TEXT\", \"CONDITION_TEXT\", \"STATE\", "
                + "\"ERROR_CODE\", \"ERROR_MESSAGE\", \"SCHEDULED_TIME\", \"QUERY_START_TIME\", \"NEXT_SCHEDULED_TIME\", "
                + "\"COMPLETED_TIME\", \"ROOT_TASK_ID\", \"GRAPH_VERSION\", \"RUN_ID\", \"RETURN_VALUE\", \"SCHEDULED_FROM\", "
                + "\"ATTEMPT_NUMBER\"";
        return "SELECT " + columns + " FROM (SELECT h.query_id, h.name, h.database_name, h.schema_name, h.query_text, "
                + "h.condition_text, h.state, h.error_code, h.error_message, h.scheduled_time, h.query_start_time, "
                + "h.next_scheduled_time, h.completed_time, h.root_task_id, h.graph_version, h.run_id, h.return_value, "
                + "h.scheduled_from, h.attempt_number FROM " + HISTORY + " AS h WHERE " + where
                + " UNION ALL SELECT NULL, o.name, o.db, o.sch, json_extract_string(o.props, '$.DEFINITION'), "
                + "json_extract_string(o.props, '$.CONDITION'), 'SCHEDULED', NULL, NULL, "
                + "CAST(json_extract_string(o.props, '$.NEXT_RUN') AS TIMESTAMPTZ), NULL, NULL, NULL, CAST(o.id AS VARCHAR), 1, NULL, "
                + "NULL, 'SCHEDULE', 1 FROM " + Catalog.SYS + ".objects AS o WHERE " + nextWhere + ") AS t(" + columns
                + ") ORDER BY \"SCHEDULED_TIME\" DESC LIMIT " + limit;
    }

    List<Object[]> showRows(List<CatalogObject> tasks) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject t : tasks) {
            ArrayNode preds = t.props().has("PREDECESSORS") ? (ArrayNode) t.props().get("PREDECESSORS")
                    : JsonNodeFactory.instance.arrayNode();
            String warehouse = t.prop("WAREHOUSE");
            rows.add(new Object[] {t.createdOn().atOffset(ZoneOffset.UTC), t.name(), String.valueOf(t.id()), t.ref().db(),
                    t.ref().schema(), "SYSADMIN", t.comment() == null ? "" : t.comment(), warehouse, t.prop("SCHEDULE"),
                    preds.toString(), t.prop("STATE"), t.prop("DEFINITION"), t.prop("CONDITION"),
                    String.valueOf(Options.bool(t.props(), "ALLOW_OVERLAPPING_EXECUTION", false)), t.prop("ERROR_INTEGRATION"),
                    null, t.prop("LAST_SUSPENDED_ON"), "ROLE", t.prop("CONFIG"), null, "{\"Predecessors\":" + preds + "}",
                    t.prop("LAST_SUSPENDED_REASON")});
        }
        return rows;
    }
}
