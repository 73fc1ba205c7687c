package dev.autosync.backfill;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Await;
import dev.autosync.warehouse.TaskExecution;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends an entity's rejected events back through normalisation with the current mapping. The
 * raw payloads are written to one NDJSON file in the internal e2e stage and loaded into the landing
 * table with exactly the pipe's COPY (only its stage location differs, see {@link PipeCopy#withStage}),
 * so the stream hands them to the task like new events: what now passes is merged, what still fails
 * is rejected again with its current reason. The COPY and the removal of the replayed rejects are
 * one transaction, so an interrupted replay loses nothing: before the commit nothing changed; after
 * it the events wait in the stream for the task's next run.
 */
public final class ReplayRejects {
    static final String FOLDER = "replay";
    private static final int DELETE_CHUNK = 200;

    private final RenderedBundle bundle;
    private final Warehouse w;
    private final ReplaySettings settings;

    public ReplayRejects(RenderedBundle bundle, Warehouse w, ReplaySettings settings) {
        this.bundle = bundle;
        this.w = w;
        this.settings = settings;
    }

    public ReplayResult run() throws BackfillException, WarehouseException {
        EntityObjects e = entity();
        String id = "REPLAY-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(java.time.Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        String location = bundle.e2eStage() + "/" + FOLDER + "/" + e.folder() + "/";
        String fileName = id + ".json";
        PipeCopy copy = PipeCopy.of(e.pipe().sql(), pipeStatement(e).sql()).withStage(location);
        String eventId = e.eventId();
        List<Map<String, String>> rows = w.query("SELECT " + eventId + " AS EVENT_ID, REJECT_REASON, RAW_PAYLOAD, FILE_NAME, "
                + "FILE_ROW_NUMBER FROM " + e.rejectsTable() + where() + " ORDER BY REJECTED_AT, FILE_NAME, FILE_ROW_NUMBER");
        Map<String, Long> before = new TreeMap<>();
        rows.forEach(r -> before.merge(String.valueOf(r.get("REJECT_REASON")), 1L, Long::sum));
        settings.progress().accept(e.name() + ": " + rows.size() + " rejected event(s) to replay" + describe(before));
        if (rows.isEmpty()) {
            return new ReplayResult(e.name(), 0, before, Map.of());
        }
        put(location, fileName, rows);
        w.execute("BEGIN TRANSACTION");
        boolean committed = false;
        try {
            w.query(copy.forFiles(List.of(fileName)));
            for (int from = 0; from < rows.size(); from += DELETE_CHUNK) {
                w.execute("DELETE FROM " + e.rejectsTable() + " WHERE " + identities(eventId, rows.subList(from,
                        Math.min(rows.size(), from + DELETE_CHUNK))));
            }
            w.execute("COMMIT");
            committed = true;
        } finally {
            if (!committed) {
                try {
                    w.execute("ROLLBACK");
                } catch (WarehouseException ignored) {
                    // the failure that got us here matters more
                }
            }
        }
        runTask(e);
        String replayedFile = copy.path() + fileName;
        Map<String, Long> after = new TreeMap<>();
        for (Map<String, String> r : w.query("SELECT REJECT_REASON, COUNT(*) AS N FROM " + e.rejectsTable() + " WHERE FILE_NAME = "
                + SqlLiterals.quote(replayedFile) + " GROUP BY REJECT_REASON")) {
            after.put(String.valueOf(r.get("REJECT_REASON")), Long.parseLong(r.get("N")));
        }
        w.execute("REMOVE @" + location + fileName);
        ReplayResult result = new ReplayResult(e.name(), rows.size(), before, after);
        settings.progress().accept(e.name() + ": " + result.passed() + " passed, " + (rows.size() - result.passed())
                + " still rejected" + describe(after));
        return result;
    }

    private EntityObjects entity() throws BackfillException {
        if (settings.entity() == null || settings.entity().isBlank()) {
            throw new BackfillException("Name the entity whose rejects to replay with -Dautosync.replay.entity (one of "
                    + String.join(", ", bundle.entities().stream().map(EntityObjects::name).toList()) + ").");
        }
        for (EntityObjects e : bundle.entities()) {
            if (e.name().equalsIgnoreCase(settings.entity().strip())) {
                return e;
            }
        }
        throw new BackfillException("Unknown entity " + settings.entity() + " in autosync.replay.entity; the pipeline has "
                + String.join(", ", bundle.entities().stream().map(EntityObjects::name).toList()) + ".");
    }

    private RenderedStatement pipeStatement(EntityObjects e) throws BackfillException {
        for (RenderedStatement s : bundle.statements()) {
            if (s.objectName().equals(e.pipe())) {
                return s;
            }
        }
        throw new BackfillException("The rendered pipeline has no statement for pipe " + e.pipe() + "; re-run autosync:render.");
    }

    private String where() {
        List<String> c = new ArrayList<>();
        if (settings.reason() != null && !settings.reason().isBlank()) {
            c.add("STARTSWITH(REJECT_REASON, " + SqlLiterals.quote(settings.reason()) + ")");
        }
        if (settings.since() != null) {
            c.add("REJECTED_AT >= " + SqlLiterals.quote(settings.since().toString()) + "::TIMESTAMP_LTZ");
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }

    /** The rows by what identifies a reject: its event id, file and row. */
    private static String identities(String eventId, List<Map<String, String>> rows) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add("(" + eq(eventId, r.get("EVENT_ID")) + " AND " + eq("FILE_NAME", r.get("FILE_NAME")) + " AND "
                    + (r.get("FILE_ROW_NUMBER") == null ? "FILE_ROW_NUMBER IS NULL" : "FILE_ROW_NUMBER = " + Long.parseLong(r.get("FILE_ROW_NUMBER")))
                    + ")");
        }
        return String.join("\n  OR ", out);
    }

    private static String eq(String column, String value) {
        return value == null ? column + " IS NULL" : column + " = " + SqlLiterals.quote(value);
    }

    /** The payloads as NDJSON, one line per reject in order, PUT to the replay folder of the e2e stage. */
    private void put(String location, String fileName, List<Map<String, String>> rows) throws BackfillException, WarehouseException {
        try {
            Path dir = Files.createTempDirectory("autosync-replay");
            StringBuilder sb = new StringBuilder();
            for (Map<String, String> r : rows) {
                sb.append(r.get("RAW_PAYLOAD").replace("\n", " ").replace("\r", " ")).append('\n');
            }
            Path file = Files.writeString(dir.resolve(fileName), sb.toString(), StandardCharsets.UTF_8);
            w.execute("PUT 'file://" + file.toAbsolutePath().toString().replace('\\', '/') + "' @" + location + " AUTO_COMPRESS = FALSE");
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException ex) {
            throw new BackfillException("Cannot write the replay file: " + ex.getMessage(), ex);
        }
    }

    private void runTask(EntityObjects e) throws BackfillException, WarehouseException {
        Duration timeout = settings.taskTimeout();
        TaskExecution.Outcome o = TaskExecution.run(w, e.task(), timeout);
        String where = " The replayed events are in " + e.landingTable() + " and its stream; the task's next run normalises them.";
        if (!o.ended()) {
            throw new BackfillException("Task " + e.task() + " did not finish within " + timeout.toSeconds() + " s (" + o.pending()
                    + ")." + where);
        }
        TaskHistory.TaskRun run = o.failedRunThatTookTheRows().orElse(o.run().orElseThrow());
        if (run.unsuccessful()) {
            throw new BackfillException(o.failure(run) + where);
        }
    }

    private static String describe(Map<String, Long> byReason) {
        if (byReason.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(":");
        byReason.forEach((reason, n) -> sb.append("\n  ").append(n).append(" x ").append(reason));
        return sb.toString();
    }
}
