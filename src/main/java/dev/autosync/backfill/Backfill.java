package dev.autosync.backfill;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Await;
import dev.autosync.warehouse.TaskExecution;
import dev.autosync.warehouse.TaskHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the history the pipes never saw: per entity, the files in the stage path of its pipe,
 * last modified in the window and before the pipe existed, that neither the pipe nor an earlier
 * backfill loaded. Each batch is one transaction: COPY (with exactly the pipe's SELECT, see
 * {@link PipeCopy}) plus the record of its files, so an interrupted run resumes where it stopped.
 * Then each entity's task runs once, as it would for live files.
 *
 * <p>Why nothing loads twice: COPY and Snowpipe keep separate load metadata (a COPY does not see
 * what a pipe loaded; data-load-snowpipe-intro.md), so files already in the landing table (by
 * FILE_NAME, which is METADATA$FILENAME) are excluded first, then the files our record holds. If
 * a COPY ever committed without its record, its rows are in the landing table and its file is in
 * COPY's own load metadata, so the rerun skips it either way.
 */
public final class Backfill {
    private final RenderedBundle bundle;
    private final Warehouse w;
    private final BackfillSettings settings;

    public Backfill(RenderedBundle bundle, Warehouse w, BackfillSettings settings) {
        this.bundle = bundle;
        this.w = w;
        this.settings = settings;
    }

    public List<EntityBackfill> run() throws BackfillException, WarehouseException {
        List<EntityObjects> entities = selected();
        BackfillRecord record = new BackfillRecord(w, bundle);
        boolean recorded = record.exists();
        if (!settings.dryRun() && !recorded) {
            record.create();
            recorded = true;
        }
        List<EntityBackfill> out = new ArrayList<>();
        int batches = 0;
        for (EntityObjects e : entities) {
            PipeCopy copy = PipeCopy.of(e.pipe().sql(), pipeStatement(e).sql());
            EntityBackfill plan = plan(e, copy, recorded ? record.recorded(e.name()) : Set.of());
            out.add(plan);
            settings.progress().accept(String.format("%s: %d file(s) in the window, %d loaded before, %d to load (%s)%s",
                    e.name(), plan.inWindow(), plan.loadedBefore(), plan.toLoad().size(), bytes(plan.bytesToLoad()),
                    plan.toPipe().isEmpty() ? "" : ", " + plan.toPipe().size() + " staged as the pipe was created, for the pipe"));
            if (settings.dryRun()) {
                plan.toLoad().forEach(f -> settings.progress().accept("  would load " + f.path() + " (" + bytes(f.size()) + ")"));
                plan.toPipe().forEach(f -> settings.progress().accept("  would queue on " + e.pipe().sql() + ": " + f.path()));
                continue;
            }
            batches = load(e, copy, plan, record, batches);
            queueOnPipe(e, copy, plan);
        }
        if (!settings.dryRun()) {
            for (EntityBackfill b : out) {
                if (b.rowsLoaded() > 0) {
                    runTask(entity(b.entity()));
                }
            }
        }
        return out;
    }

    private List<EntityObjects> selected() throws BackfillException {
        Set<String> wanted = new HashSet<>();
        settings.entities().forEach(n -> wanted.add(n.strip().toUpperCase(Locale.ROOT)));
        boolean all = wanted.isEmpty();
        List<EntityObjects> out = new ArrayList<>();
        for (EntityObjects e : bundle.entities()) {
            if (all || wanted.remove(e.name().toUpperCase(Locale.ROOT))) {
                out.add(e);
            }
        }
        if (!wanted.isEmpty()) {
            throw new BackfillException("Unknown entit" + (wanted.size() == 1 ? "y " : "ies ") + String.join(", ", wanted.stream()
                    .sorted().toList()) + " in autosync.backfill.entities; the pipeline has " + String.join(", ",
                    bundle.entities().stream().map(EntityObjects::name).toList()) + ".");
        }
        return out;
    }

    private EntityObjects entity(String name) {
        return bundle.entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private RenderedStatement pipeStatement(EntityObjects e) throws BackfillException {
        for (RenderedStatement s : bundle.statements()) {
            if (s.objectName().equals(e.pipe())) {
                return s;
            }
        }
        throw new BackfillException("The rendered pipeline has no statement for pipe " + e.pipe() + "; re-run autosync:render.");
    }

    private EntityBackfill plan(EntityObjects e, PipeCopy copy, Set<String> recorded) throws BackfillException, WarehouseException {
        Instant created = pipeCreated(e.pipe());
        Instant until = settings.until() == null ? settings.clock().instant() : settings.until();
        PipeBoundary boundary = PipeBoundary.of(created, until, settings.clock().instant());
        Set<String> landed = landed(e, copy);
        List<StagedFile> window = new ArrayList<>();
        List<StagedFile> toLoad = new ArrayList<>();
        List<StagedFile> toPipe = new ArrayList<>();
        for (StagedFile f : StageListing.list(w, copy.stageName(), copy.path())) {
            if ((settings.since() != null && f.lastModified().isBefore(settings.since())) || !f.path().startsWith(copy.path())
                    || (copy.pattern() != null && !copy.pattern().matcher(f.path().substring(copy.path().length())).matches())) {
                continue;
            }
            boolean loaded = landed.contains(f.path()) || recorded.contains(f.path() + "|" + f.md5());
            switch (boundary.side(f.lastModified())) {
                case HISTORY -> {
                    window.add(f);
                    if (!loaded) {
                        toLoad.add(f);
                    }
                }
                case UNCERTAIN -> {
                    // REFRESH PREFIX matches by prefix, but a longer name it reaches that a COPY or the pipe loaded is
                    // skipped: REFRESH checks the load history of both the pipe and the table (alter-pipe.md)
                    if (!loaded) {
                        toPipe.add(f);
                    }
                }
                case PIPE -> {
                    // staged after the pipe exists: the pipe's to load
                }
            }
        }
        return new EntityBackfill(e.name(), window.size(), window.size() - toLoad.size(), toLoad, toPipe);
    }

    /** ALTER PIPE ... REFRESH for each file staged as the pipe was created (see {@link EntityBackfill#toPipe()}). */
    private void queueOnPipe(EntityObjects e, PipeCopy copy, EntityBackfill plan) throws WarehouseException {
        if (plan.toPipe().isEmpty()) {
            return;
        }
        for (StagedFile f : plan.toPipe()) {
            w.execute("ALTER PIPE " + e.pipe().sql() + " REFRESH PREFIX = " + SqlLiterals.quote(f.path().substring(
                    copy.path().length())));
        }
        settings.progress().accept(e.name() + ": " + plan.toPipe().size() + " file(s) staged as " + e.pipe().sql() + " was created "
                + "queued on it (ALTER PIPE ... REFRESH); it loads each once, whether or not it was notified of them");
    }

    /** The files that have rows in the landing table: whoever loaded them, pipe or COPY. */
    private Set<String> landed(EntityObjects e, PipeCopy copy) throws WarehouseException {
        Set<String> out = new HashSet<>();
        String like = copy.path().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (Map<String, String> r : w.query("SELECT DISTINCT FILE_NAME FROM " + e.landingTable() + " WHERE FILE_NAME LIKE "
                + SqlLiterals.quote(like))) {
            out.add(r.get("FILE_NAME"));
        }
        return out;
    }

    private Instant pipeCreated(QualifiedName pipe) throws WarehouseException {
        String sql = "SHOW PIPES LIKE " + SqlLiterals.quote(pipe.last().name()) + " IN SCHEMA " + pipe.parts().get(0).sql() + "."
                + pipe.parts().get(1).sql();
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (pipe.last().name().equals(rs.getString("name"))) {
                    Timestamp t = rs.getTimestamp("created_on");
                    return t == null ? null : t.toInstant();
                }
            }
            return null;
        } catch (SQLException ex) {
            throw w.failure(sql, ex);
        }
    }

    private int load(EntityObjects e, PipeCopy copy, EntityBackfill plan, BackfillRecord record, int batchesBefore)
            throws BackfillException, WarehouseException {
        int batches = batchesBefore;
        long started = System.nanoTime();
        int done = 0;
        List<StagedFile> toLoad = plan.toLoad();
        for (int from = 0; from < toLoad.size(); from += settings.batchSize()) {
            List<StagedFile> batch = new ArrayList<>(toLoad.subList(from, Math.min(toLoad.size(), from + settings.batchSize())));
            Set<String> landed = landed(e, copy);
            batch.removeIf(f -> landed.contains(f.path())); // the pipe may have loaded some meanwhile (a REFRESH)
            if (!batch.isEmpty()) {
                batches++;
                loadBatch(e, copy, plan, record, batch, batches);
            }
            done += Math.min(settings.batchSize(), toLoad.size() - from);
            double elapsed = (System.nanoTime() - started) / 1e9;
            double eta = done == 0 ? 0 : elapsed / done * (toLoad.size() - done);
            settings.progress().accept(String.format(Locale.ROOT, "%s: %d/%d files, %d rows, %.1f s elapsed, ETA %.0f s",
                    e.name(), done, toLoad.size(), plan.rowsLoaded(), elapsed, eta));
        }
        for (FileLoad f : plan.failures()) {
            settings.progress().accept(e.name() + ": skipped malformed file " + f.file().path() + ": " + f.firstError());
        }
        return batches;
    }

    private void loadBatch(EntityObjects e, PipeCopy copy, EntityBackfill plan, BackfillRecord record, List<StagedFile> batch,
                           int number) throws BackfillException, WarehouseException {
        List<String> names = batch.stream().map(f -> f.path().substring(copy.path().length())).toList();
        w.execute("BEGIN TRANSACTION");
        boolean committed = false;
        try {
            List<Map<String, String>> result = w.query(copy.forFiles(names));
            if (number == settings.interruptAfterBatches()) {
                throw new BackfillException("Backfill interrupted in batch " + number + " (autosync.backfill.interruptAfter), before "
                        + "its COPY committed; run it again to resume.");
            }
            List<FileLoad> loads = new ArrayList<>();
            for (StagedFile f : batch) {
                Map<String, String> row = result.stream().filter(r -> r.getOrDefault("FILE", "").endsWith(f.path())).findFirst()
                        .orElse(null);
                if (row == null) {
                    // COPY skipped it as loaded before (its own load metadata): the crash-between-COPY-and-record case
                    loads.add(new FileLoad(f, "LOADED_BEFORE", 0, null));
                } else {
                    loads.add(new FileLoad(f, row.get("STATUS"), Long.parseLong(row.getOrDefault("ROWS_LOADED", "0")),
                            row.get("FIRST_ERROR")));
                }
            }
            record.insert(e.name(), loads);
            w.execute("COMMIT");
            committed = true;
            loads.forEach(plan::add);
        } finally {
            if (!committed) {
                try {
                    w.execute("ROLLBACK");
                } catch (WarehouseException ignored) {
                    // the failure that got us here matters more
                }
            }
        }
    }

    /** EXECUTE TASK, then wait for that run to end (as autosync:e2e does). */
    private void runTask(EntityObjects e) throws BackfillException, WarehouseException {
        settings.progress().accept(e.name() + ": running " + e.task() + " to normalise the backfilled rows");
        Duration timeout = settings.taskTimeout();
        TaskExecution.Outcome o = TaskExecution.run(w, e.task(), timeout);
        if (!o.ended()) {
            throw new BackfillException("Task " + e.task() + " did not finish within " + timeout.toSeconds() + " s of EXECUTE TASK ("
                    + o.pending() + "); the backfilled rows are in " + e.landingTable() + " and its stream, and the task's next "
                    + "scheduled run normalises them.");
        }
        TaskHistory.TaskRun run = o.failedRunThatTookTheRows().orElse(o.run().orElseThrow());
        if (run.unsuccessful()) {
            throw new BackfillException(o.failure(run) + " The rows are kept in " + e.landingTable() + "; fix the cause and run "
                    + "EXECUTE TASK " + e.task() + ".");
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
