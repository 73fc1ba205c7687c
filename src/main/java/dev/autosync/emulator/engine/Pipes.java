package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.TokenType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snowpipe. A pipe keeps its COPY; files reach its queue from auto-ingest (a new file in an
 * external stage's folder, noticed while the emulator runs or at its next start) or from
 * ALTER PIPE REFRESH. A background loop loads queued files one transaction per file (rows, load
 * history and dequeue together), with ON_ERROR = SKIP_FILE unless the COPY says otherwise. A
 * paused pipe keeps queueing but loads nothing. History is per pipe and by file name.
 */
final class Pipes {
    private static final String QUEUE = Catalog.SYS + ".pipe_queue";
    private static final long SLICE_MILLIS = 100;

    private final Engine engine;
    private final Catalog catalog;
    private Session session;

    Pipes(Engine engine, Connection conn) throws SQLException {
        this.engine = engine;
        this.catalog = engine.catalog();
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + QUEUE + " (pipe_id BIGINT, file_key VARCHAR, relative VARCHAR, "
                    + "queued_at TIMESTAMPTZ)");
        }
    }

    // ---------------------------------------------------------------- DDL

    Result create(StatementExecutor x, Ddl.CreateHeader h) throws SQLException {
        Cursor c = x.c;
        ObjectRef ref = x.name("CREATE PIPE");
        x.requireSchema(ref);
        ObjectNode props = Options.parse(c, Set.of("AS"));
        c.expect("AS");
        String copy = c.rest();
        if (!copy.regionMatches(true, 0, "COPY", 0, 4)) {
            throw SnowflakeError.compilation("a pipe's definition must be a COPY INTO statement");
        }
        StatementExecutor check = new StatementExecutor(x.engine, x.session, copy, List.of());
        check.resolveWithin(ref.db(), ref.schema());
        CopyPlan plan;
        try {
            plan = new Loader(check).plan(true);
        } finally {
            check.cleanup();
        }
        boolean autoIngest = Options.bool(props, "AUTO_INGEST", false);
        String scheme = plan.location().external() ? plan.location().stage().prop("URL").split("://")[0].toLowerCase(Locale.ROOT) : null;
        if (autoIngest && scheme == null) {
            throw SnowflakeError.compilation("AUTO_INGEST = TRUE needs an external stage; a pipe on an internal stage loads files "
                    + "on ALTER PIPE ... REFRESH or through the Snowpipe REST API.");
        }
        String integration = Options.text(props, "INTEGRATION");
        if (integration != null) {
            catalog.find(CatalogKind.NOTIFICATION_INTEGRATION, ObjectRef.account(integration))
                    .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", integration));
        } else if (autoIngest && (scheme.equals("azure") || scheme.equals("gcs"))) {
            throw SnowflakeError.compilation("Integration is required for auto-ingest pipes on " + scheme.toUpperCase(Locale.ROOT)
                    + " stages: add INTEGRATION = '<NOTIFICATION_INTEGRATION>'.");
        }
        Result done = new Ddl(x).existing(CatalogKind.PIPE, ref, h);
        if (done != null) {
            return done;
        }
        props.put("DEFINITION", copy);
        props.put("TABLE_ID", plan.table().id());
        if (plan.location().stage() != null) {
            props.put("STAGE_ID", plan.location().stage().id());
        }
        props.put("AUTO_INGEST", autoIngest);
        props.put("PAUSED", false);
        if (autoIngest && scheme.startsWith("s3") && integration == null) {
            props.put("NOTIFICATION_CHANNEL", "arn:aws:sqs:local-1:000000000000:sf-snowpipe-AUTOSYNC-LOCAL-"
                    + Integer.toHexString(ref.display().hashCode()).toUpperCase(Locale.ROOT));
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.PIPE, ref, Options.text(props, "COMMENT"),
                props, null));
        return Result.ddl("Pipe " + Names.display(ref.name()) + " successfully created.");
    }

    void dropped(Session s, CatalogObject pipe) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + QUEUE + " WHERE pipe_id = ?")) {
            ps.setLong(1, pipe.id());
            ps.executeUpdate();
        }
    }

    Result alter(StatementExecutor x) throws SQLException {
        Cursor c = x.c;
        CatalogObject pipe = x.alterTarget(CatalogKind.PIPE, "Pipe");
        if (pipe == null) {
            return Result.ddl("Statement executed successfully.");
        }
        if (c.accept("REFRESH")) {
            ObjectNode options = Options.parse(c, Set.of());
            return refresh(x, pipe, Options.text(options, "PREFIX"), Options.text(options, "MODIFIED_AFTER"));
        }
        if (c.accept("SET")) {
            ObjectNode set = Options.parse(c, Set.of());
            if (set.has("PIPE_EXECUTION_PAUSED")) {
                pipe.props().put("PAUSED", Options.bool(set, "PIPE_EXECUTION_PAUSED", false));
                if (!Options.bool(set, "PIPE_EXECUTION_PAUSED", false)) {
                    pipe.props().remove("LAST_ERROR");
                }
            }
            if (set.has("ERROR_INTEGRATION")) {
                pipe.props().set("ERROR_INTEGRATION", set.get("ERROR_INTEGRATION"));
            }
            if (set.has("COMMENT")) {
                pipe.comment(set.get("COMMENT").asText());
            }
            for (String k : List.of("AUTO_INGEST", "INTEGRATION", "AWS_SNS_TOPIC")) {
                if (set.has(k)) {
                    throw SnowflakeError.compilation("Cannot change " + k + " of a pipe; recreate it.");
                }
            }
        } else if (c.accept("UNSET")) {
            do {
                String k = c.next().upper();
                switch (k) {
                    case "PIPE_EXECUTION_PAUSED" -> pipe.props().put("PAUSED", false);
                    case "COMMENT" -> pipe.comment(null);
                    default -> pipe.props().remove(k);
                }
            } while (c.accept(TokenType.COMMA));
        } else {
            throw SnowflakeError.unsupported("ALTER PIPE ... " + c.peek().upper());
        }
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), pipe);
            return null;
        });
        engine.services().wake();
        return Result.ddl("Statement executed successfully.");
    }

    /**
     * ALTER PIPE REFRESH: queues files under the pipe's path (plus PREFIX) staged in the last 7 days
     * (or after MODIFIED_AFTER, at most 7 days back) that neither this pipe nor a COPY into its table
     * has loaded; returns each queued file with status SENT.
     */
    private Result refresh(StatementExecutor x, CatalogObject pipe, String prefix, String modifiedAfter) throws SQLException {
        Instant floor = Instant.now().minus(Duration.ofDays(7));
        if (modifiedAfter != null) {
            try {
                Instant m = OffsetDateTime.parse(modifiedAfter).toInstant();
                floor = m.isAfter(floor) ? m : floor;
            } catch (DateTimeParseException e) {
                throw SnowflakeError.compilation("invalid value [" + modifiedAfter + "] for MODIFIED_AFTER; use an ISO-8601 "
                        + "timestamp such as 2024-07-30T13:56:46-07:00");
            }
        }
        if (prefix != null && (prefix.contains("..") || prefix.startsWith("/"))) {
            throw SnowflakeError.compilation("invalid PREFIX '" + prefix + "'");
        }
        StatementExecutor planner = new StatementExecutor(x.engine, x.session, pipe.prop("DEFINITION"), List.of());
        planner.resolveWithin(pipe.ref().db(), pipe.ref().schema());
        List<Object[]> rows = new ArrayList<>();
        try {
            Loader loader = new Loader(planner);
            CopyPlan plan = loader.plan(true);
            String within = plan.location().path() + (prefix == null ? "" : prefix);
            History history = engine.services().history();
            Instant since = floor;
            x.engine.atomic(x.session, () -> {
                for (Stages.StagedFile f : loader.candidates(plan)) {
                    if (!f.relative().startsWith(within) || f.lastModified().isBefore(since)) {
                        continue;
                    }
                    String key = History.fileKey(plan.location(), f);
                    if (history.seenByPipe(x.session, pipe.id(), key) || queued(x.session, pipe.id(), key)
                            || history.loadedIntoTable(x.session, plan.table(), plan.location(), f)) {
                        continue;
                    }
                    enqueue(x.session, pipe.id(), key, f.relative());
                    rows.add(new Object[] {f.relative().substring(plan.location().path().length()), "SENT"});
                }
                return null;
            });
        } finally {
            planner.cleanup();
        }
        engine.services().wake();
        // UNVERIFIED: Snowflake does not document REFRESH's result; a result set of files and SENT is the plausible shape.
        return new Result(StatementKind.SELECT, List.of(ResultColumn.text("File"), ResultColumn.text("Status")), rows);
    }

    private static boolean queued(Session s, long pipeId, String key) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT 1 FROM " + QUEUE + " WHERE pipe_id = ? AND file_key = ?")) {
            ps.setLong(1, pipeId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void enqueue(Session s, long pipeId, String key, String relative) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + QUEUE + " VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, pipeId);
            ps.setString(2, key);
            ps.setString(3, relative);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- the loading loop

    /** One pass: notices new files for auto-ingest pipes, then loads what is queued for running pipes. */
    void tick() throws SQLException {
        if (session == null) {
            session = engine.internalSession("SNOWPIPE");
        }
        for (CatalogObject pipe : catalog.list(CatalogKind.PIPE)) {
            if (catalog.byId(pipe.id()).isEmpty()) {
                continue;
            }
            try {
                if (pipe.flag("AUTO_INGEST")) {
                    engine.locked(session, () -> {
                        notice(pipe);
                        return null;
                    });
                }
                if (!pipe.flag("PAUSED")) {
                    load(pipe);
                }
            } catch (SnowflakeError e) {
                recordError(pipe, e.getMessage());
            }
        }
    }

    /** Auto-ingest: files that appeared in the stage after the pipe was created and that it has not seen. */
    private void notice(CatalogObject pipe) throws SQLException {
        StatementExecutor planner = planner(pipe);
        try {
            Loader loader = new Loader(planner);
            CopyPlan plan = loader.plan(true);
            Instant created = pipe.createdOn().minusSeconds(1);
            History history = engine.services().history();
            engine.atomic(session, () -> {
                for (Stages.StagedFile f : loader.candidates(plan)) {
                    if (f.lastModified().isBefore(created)) {
                        continue;
                    }
                    String key = History.fileKey(plan.location(), f);
                    if (!history.seenByPipe(session, pipe.id(), key) && !queued(session, pipe.id(), key)) {
                        enqueue(session, pipe.id(), key, f.relative());
                    }
                }
                return null;
            });
        } finally {
            planner.cleanup();
        }
    }

    private StatementExecutor planner(CatalogObject pipe) {
        StatementExecutor planner = new StatementExecutor(engine, session, pipe.prop("DEFINITION"), List.of());
        planner.resolveWithin(pipe.ref().db(), pipe.ref().schema());
        return planner;
    }

    /** Loads the pipe's queued files, oldest first, each in its own transaction. */
    private void load(CatalogObject pipe) throws SQLException {
        List<String[]> queue = engine.locked(session, () -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = session.conn().prepareStatement("SELECT file_key, relative, queued_at FROM " + QUEUE
                    + " WHERE pipe_id = ? ORDER BY queued_at, relative")) {
                ps.setLong(1, pipe.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toString()});
                    }
                }
            }
            return out;
        });
        // Slices of about SLICE_MILLIS under the lock, so clients' statements interleave with a long queue.
        int next = 0;
        while (next < queue.size()) {
            int from = next;
            next = engine.locked(session, () -> {
                StatementExecutor planner = planner(pipe);
                try {
                    Loader loader = new Loader(planner);
                    CopyPlan plan = loader.plan(true);
                    if (pipe.props().remove("LAST_ERROR") != null) {
                        pipe.props().remove("LAST_ERROR_AT");
                        engine.atomic(session, () -> {
                            catalog.save(session.conn(), pipe);
                            return null;
                        });
                    }
                    long until = System.nanoTime() + SLICE_MILLIS * 1_000_000;
                    int i = from;
                    while (i < queue.size() && (i == from || System.nanoTime() < until)) {
                        if (catalog.byId(pipe.id()).isEmpty() || catalog.byId(pipe.id()).get().flag("PAUSED")) {
                            return queue.size();
                        }
                        String[] q = queue.get(i++);
                        loadOne(pipe, loader, plan, q[0], q[1], OffsetDateTime.parse(q[2]));
                    }
                    return i;
                } finally {
                    planner.cleanup();
                }
            });
        }
    }

    private void loadOne(CatalogObject pipe, Loader loader, CopyPlan plan, String key, String relative, OffsetDateTime received)
            throws SQLException {
        Stages.StagedFile file = new Stages.StagedFile(plan.location().root().resolve(relative), relative);
        History history = engine.services().history();
        Streams streams = engine.services().streams();
        if (!java.nio.file.Files.isRegularFile(file.file())) {
            engine.atomic(session, () -> {
                dequeue(pipe.id(), key);
                return null;
            });
            return;
        }
        Loader.FileOutcome outcome = loader.evaluate(plan, file, OffsetDateTime.now(ZoneOffset.UTC));
        engine.atomic(session, () -> {
            Streams.Change change = plan.tracked() ? streams.begin(session, plan.table(), false) : null;
            loader.insert(plan, outcome);
            if (change != null) {
                streams.end(session, change);
            }
            history.record(session, plan, outcome, pipe, received);
            dequeue(pipe.id(), key);
            return null;
        });
    }

    private void dequeue(long pipeId, String key) throws SQLException {
        try (PreparedStatement ps = session.conn().prepareStatement("DELETE FROM " + QUEUE + " WHERE pipe_id = ? AND file_key = ?")) {
            ps.setLong(1, pipeId);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    private void recordError(CatalogObject pipe, String message) throws SQLException {
        if (message.equals(pipe.prop("LAST_ERROR"))) {
            return;
        }
        engine.log("pipe " + pipe.ref().display() + ": " + message);
        pipe.props().put("LAST_ERROR", message);
        pipe.props().put("LAST_ERROR_AT", OffsetDateTime.now(ZoneOffset.UTC).toString());
        engine.locked(session, () -> engine.atomic(session, () -> {
            catalog.save(session.conn(), pipe);
            return null;
        }));
    }

    // ---------------------------------------------------------------- status

    /**
     * SYSTEM$PIPE_STATUS as SQL read when the query runs (so a view shows the current state): the
     * documented fields, each present only when it applies.
     */
    String statusSql(StatementExecutor x, String name) {
        List<String> parts = History.parseName(name);
        ObjectRef ref = x.resolve(parts, "SYSTEM$PIPE_STATUS");
        CatalogObject pipe = catalog.find(CatalogKind.PIPE, ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Pipe", ref.display()));
        String id = "(SELECT o.id FROM " + Catalog.SYS + ".objects AS o WHERE o.kind = 'PIPE' AND o.db = "
                + Translator.literal(ref.db()) + " AND o.sch = " + Translator.literal(ref.schema()) + " AND o.name = "
                + Translator.literal(ref.name()) + ")";
        String props = "(SELECT CAST(o.props AS JSON) FROM " + Catalog.SYS + ".objects AS o WHERE o.id = " + id + ")";
        String tableExists = "EXISTS (SELECT 1 FROM " + Catalog.SYS + ".objects AS t WHERE t.id = CAST(json_extract_string(" + props
                + ", '$.TABLE_ID') AS BIGINT))";
        String stageExists = "(json_extract_string(" + props + ", '$.STAGE_ID') IS NULL OR EXISTS (SELECT 1 FROM " + Catalog.SYS
                + ".objects AS st WHERE st.id = CAST(json_extract_string(" + props + ", '$.STAGE_ID') AS BIGINT)))";
        String state = "CASE WHEN NOT " + tableExists + " THEN 'STOPPED_MISSING_TABLE' WHEN NOT " + stageExists
                + " THEN 'STOPPED_STAGE_DROPPED' WHEN json_extract_string(" + props + ", '$.PAUSED') = 'true' THEN 'PAUSED' "
                + "WHEN json_extract_string(" + props + ", '$.LAST_ERROR') IS NOT NULL THEN 'STALLED_EXECUTION_ERROR' ELSE 'RUNNING' END";
        String pending = "(SELECT count(*) FROM " + QUEUE + " AS q WHERE q.pipe_id = " + id + ")";
        String oldest = "(SELECT q.relative FROM " + QUEUE + " AS q WHERE q.pipe_id = " + id + " ORDER BY q.queued_at LIMIT 1)";
        String oldestAt = "(SELECT strftime(q.queued_at, '%Y-%m-%dT%H:%M:%S.%gZ') FROM " + QUEUE + " AS q WHERE q.pipe_id = " + id
                + " ORDER BY q.queued_at LIMIT 1)";
        String lastFile = "(SELECT h.file_name FROM " + Catalog.SYS + ".copy_history AS h WHERE h.pipe_id = " + id
                + " AND h.status <> 'Load failed' ORDER BY h.last_load_time DESC LIMIT 1)";
        String lastAt = "(SELECT strftime(h.last_load_time, '%Y-%m-%dT%H:%M:%S.%gZ') FROM " + Catalog.SYS + ".copy_history AS h "
                + "WHERE h.pipe_id = " + id + " AND h.status <> 'Load failed' ORDER BY h.last_load_time DESC LIMIT 1)";
        String channel = pipe.prop("NOTIFICATION_CHANNEL");
        String integration = pipe.prop("INTEGRATION");
        return "CAST(json_merge_patch('{}', json_object('executionState', " + state + ", 'pendingFileCount', " + pending
                + ", 'oldestPendingFilePath', " + oldest + ", 'oldestFileTimestamp', " + oldestAt
                + ", 'lastIngestedFilePath', " + lastFile + ", 'lastIngestedTimestamp', " + lastAt
                + ", 'notificationChannelName', " + (channel != null ? Translator.literal(channel)
                : integration != null ? Translator.literal(integration) : "NULL")
                + ", 'numOutstandingMessagesOnChannel', " + (channel != null || integration != null ? pending : "NULL")
                + ", 'error', json_extract_string(" + props + ", '$.LAST_ERROR')"
                + ", 'lastPipeErrorTimestamp', json_extract_string(" + props + ", '$.LAST_ERROR_AT'))) AS VARCHAR)";
    }

    /** SYSTEM$PIPE_FORCE_RESUME: resumes a paused pipe. */
    String forceResume(StatementExecutor x, String name) throws SQLException {
        ObjectRef ref = x.resolve(History.parseName(name), "SYSTEM$PIPE_FORCE_RESUME");
        CatalogObject pipe = catalog.require(CatalogKind.PIPE, ref);
        pipe.props().put("PAUSED", false);
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), pipe);
            return null;
        });
        engine.services().wake();
        return Translator.literal("RESUMED");
    }

    /** Rows of SHOW PIPES. */
    List<Object[]> showRows(List<CatalogObject> pipes) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject p : pipes) {
            String invalid = catalog.byId(p.props().path("TABLE_ID").asLong()).isEmpty() ? "Target table dropped" : null;
            rows.add(new Object[] {p.createdOn().atOffset(ZoneOffset.UTC), p.name(), p.ref().db(), p.ref().schema(),
                    p.prop("DEFINITION"), "SYSADMIN", p.prop("NOTIFICATION_CHANNEL"), p.comment() == null
                    ? "" : p.comment(), p.prop("INTEGRATION"), null, p.prop("ERROR_INTEGRATION"), "ROLE", invalid, "STAGE"});
        }
        return rows;
    }
}
