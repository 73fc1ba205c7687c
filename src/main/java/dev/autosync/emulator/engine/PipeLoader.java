package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/**
 * Snowpipe's loading, one pass per background tick: auto-ingest pipes notice new files in their
 * external stage's folder (while the emulator runs, or at its next start), then running pipes load
 * their queue in groups of files, one transaction per group (each file's rows, load history and
 * dequeue commit together; see {@link FileGroupLoader}). A pipe that
 * cannot load records the error, which SYSTEM$PIPE_STATUS reports, until a load succeeds.
 */
final class PipeLoader {
    private static final long SLICE_MILLIS = 100;
    /**
     * A group's bounds: one statement over many files lets DuckDB use all its threads and pays one commit,
     * but holds the engine lock for the whole group: a client's statement waits for it, past SLICE_MILLIS.
     * In the 1M-event benchmark 32 MB (about 21 files of 10,000 events) held it about 3 s a group (load 3),
     * 256 MB (64 files) about 25 s (load 9).
     */
    private static final int GROUP_FILES = 64;
    private static final long GROUP_BYTES = 32L << 20;

    private final Catalog catalog;
    private final Sessions sessions;
    private final Transactions transactions;
    private final CopyPlanner planner;
    private final FileLoader loader;
    private final FileGroupLoader groups;
    private final PipeQueue queue;
    private final History history;
    private final Consumer<String> log;
    private Session session;
    /** Each pipe's planned COPY and the catalog version it was planned at: kept across passes while the catalog stays. */
    private final java.util.Map<Long, PlannedCopy> plans = new java.util.HashMap<>();
    private final java.util.Map<Long, Long> plannedAt = new java.util.HashMap<>();

    PipeLoader(Catalog catalog, Sessions sessions, Transactions transactions, CopyPlanner planner, FileLoader loader,
               FileGroupLoader groups, PipeQueue queue, History history, Consumer<String> log) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.transactions = transactions;
        this.planner = planner;
        this.loader = loader;
        this.groups = groups;
        this.queue = queue;
        this.history = history;
        this.log = log;
    }

    /** One pass: notices new files for auto-ingest pipes, then loads what is queued for running pipes. */
    void tick() throws SQLException {
        if (session == null) {
            session = sessions.internal("SNOWPIPE");
        }
        java.util.Set<Long> live = new java.util.HashSet<>();
        for (CatalogObject pipe : catalog.list(CatalogKind.PIPE)) {
            if (catalog.byId(pipe.id()).isEmpty()) {
                continue;
            }
            live.add(pipe.id());
            try {
                if (pipe.flag("AUTO_INGEST")) {
                    transactions.locked(session, () -> {
                        notice(pipe);
                        return null;
                    });
                }
                load(pipe);
            } catch (SnowflakeError e) {
                recordError(pipe, e.getMessage());
            }
        }
        if (!live.containsAll(plans.keySet())) {
            transactions.locked(session, () -> {
                for (Long id : new java.util.ArrayList<>(plans.keySet())) {
                    if (!live.contains(id)) {
                        forget(id);
                    }
                }
                return null;
            });
        }
    }

    /** Auto-ingest: files that appeared in the stage after the pipe was created and that it has not seen. */
    private void notice(CatalogObject pipe) throws SQLException {
        CopyPlan plan = plan(pipe).plan();
        // a second of slack for a new pipe (a file written as it is created); none for a replacement, whose
        // predecessor got the events of every file staged before it: loading those again would be a duplicate
        Instant created = pipe.flag("REPLACES_PIPE") ? pipe.createdOn() : pipe.createdOn().minusSeconds(1);
        transactions.atomically(session, () -> {
            // the pipe's seen and queued files read once per pass, not twice per file in the folder
            java.util.Set<String> seen = null;
            java.util.Set<String> queued = null;
            List<String[]> noticed = new java.util.ArrayList<>();
            for (StagedFile f : plan.candidates()) {
                if (f.lastModified().isBefore(created)) {
                    continue;
                }
                if (seen == null) {
                    seen = history.seenByPipe(session, pipe.id());
                    queued = queue.keys(session, pipe.id());
                }
                String key = History.fileKey(plan.location(), f);
                if (!seen.contains(key) && queued.add(key)) {
                    noticed.add(new String[] {key, f.relative()});
                }
            }
            queue.addAll(session, pipe.id(), noticed);
        });
    }

    /**
     * The pipe's COPY, planned (translated, checked, its staged-file table made) once and again only after
     * the catalog changed: a client's DDL may have altered the table, the stage, the format or the pipe.
     * Call it under the engine lock.
     */
    private PlannedCopy plan(CatalogObject pipe) throws SQLException {
        PlannedCopy planned = plans.get(pipe.id());
        if (planned != null && plannedAt.get(pipe.id()) == catalog.version()) {
            return planned;
        }
        forget(pipe.id());
        planned = planner.planStored(session, pipe.prop("DEFINITION"), pipe.ref());
        plans.put(pipe.id(), planned);
        plannedAt.put(pipe.id(), catalog.version());
        return planned;
    }

    /** Drops a pipe's kept plan (its statement's temporary tables). Under the engine lock. */
    private void forget(long pipeId) {
        PlannedCopy old = plans.remove(pipeId);
        plannedAt.remove(pipeId);
        if (old != null) {
            old.close();
        }
    }

    /**
     * Loads the pipe's queued files, oldest first, in groups ({@link #loadNext}). A paused pipe still
     * loads what was queued before the pause: "Managing Snowpipe" has the user pause and then wait
     * for pendingFileCount 0, which is only reachable so; files queued after the pause wait.
     * UNVERIFIED: the docs say only that the count "can increase even if a pipe is paused".
     */
    private void load(CatalogObject pipe) throws SQLException {
        List<PipeQueue.Entry> entries = transactions.locked(session, () -> queue.entries(session, pipe.id())).stream()
                .filter(e -> loadable(pipe, e)).toList();
        // Slices of about SLICE_MILLIS under the lock, so clients' statements interleave with a long queue.
        int next = 0;
        while (next < entries.size()) {
            int from = next;
            next = transactions.locked(session, () -> {
                PlannedCopy planned = plan(pipe);
                if (pipe.props().remove("LAST_ERROR") != null) {
                    pipe.props().remove("LAST_ERROR_AT");
                    transactions.atomically(session, () -> catalog.save(session.conn(), pipe));
                }
                long until = System.nanoTime() + SLICE_MILLIS * 1_000_000;
                int i = from;
                while (i < entries.size() && (i == from || System.nanoTime() < until)) {
                    if (catalog.byId(pipe.id()).isEmpty() || !loadable(catalog.byId(pipe.id()).get(), entries.get(i))) {
                        return entries.size();
                    }
                    i = loadNext(pipe, planned, entries, i);
                }
                return i;
            });
        }
    }

    private static boolean loadable(CatalogObject pipe, PipeQueue.Entry e) {
        if (!pipe.flag("PAUSED")) {
            return true;
        }
        String at = pipe.prop("PAUSED_AT");
        return at != null && e.queuedAt() != null && e.queuedAt().isBefore(OffsetDateTime.parse(at));
    }

    /**
     * Loads the queued files from {@code from} on: a group of up to {@link #GROUP_FILES} files (and about
     * {@link #GROUP_BYTES}) in one transaction when they can go the direct way together, else the first
     * file alone. When the group's statement fails, its transaction rolls back and its files load one at a
     * time, as before, which reports each bad file's error. Returns the index after what it loaded.
     */
    private int loadNext(CatalogObject pipe, PlannedCopy planned, List<PipeQueue.Entry> entries, int from) throws SQLException {
        CopyPlan plan = planned.plan();
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        List<FileGroupLoader.Member> members = new java.util.ArrayList<>();
        long bytes = 0;
        int end = from;
        while (end < entries.size() && members.size() < GROUP_FILES && bytes < GROUP_BYTES
                && (end == from || loadable(pipe, entries.get(end)))) {
            PipeQueue.Entry entry = entries.get(end);
            StagedFile file = new StagedFile(plan.location().root().resolve(entry.relative()), entry.relative());
            String rows = Files.isRegularFile(file.file()) ? FileLoader.directRows(plan, file, scan) : null;
            // a group's files are read by one reader, with one compression
            if (rows == null || (!members.isEmpty()
                    && DuckJsonFiles.gzip(plan.format(), file) != DuckJsonFiles.gzip(plan.format(), members.get(0).file()))) {
                break;
            }
            members.add(new FileGroupLoader.Member(file, rows, entry.queuedAt()));
            bytes += file.size();
            end++;
        }
        if (members.size() < 2) {
            // a lone file keeps the rows relation just made (making it scans the file's lines once more)
            loadOne(pipe, planned, entries.get(from), members.isEmpty() ? null : members.get(0));
            return from + 1;
        }
        List<PipeQueue.Entry> group = entries.subList(from, end);
        try {
            transactions.atomically(session, () -> {
                groups.load(planned.statement(), plan, members, pipe, scan);
                queue.removeAll(session, pipe.id(), group.stream().map(PipeQueue.Entry::key).toList());
            });
        } catch (FileLoader.NotDirect e) {
            for (PipeQueue.Entry entry : group) {
                loadOne(pipe, planned, entry, null);
            }
        }
        return end;
    }

    /** Loads one queued file; {@code read}: its rows relation when already made for it, else null. */
    private void loadOne(CatalogObject pipe, PlannedCopy planned, PipeQueue.Entry entry, FileGroupLoader.Member read)
            throws SQLException {
        CopyPlan plan = planned.plan();
        StagedFile file = read != null ? read.file() : new StagedFile(plan.location().root().resolve(entry.relative()), entry.relative());
        if (read == null && !Files.isRegularFile(file.file())) {
            transactions.atomically(session, () -> queue.remove(session, pipe.id(), entry.key()));
            return;
        }
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        String rows = read != null ? read.rows() : FileLoader.directRows(plan, file, scan);
        if (rows != null) {
            try {
                transactions.atomically(session, () -> {
                    loader.loadDirect(planned.statement(), plan, file, rows, pipe, entry.queuedAt());
                    queue.remove(session, pipe.id(), entry.key());
                });
                return;
            } catch (FileLoader.NotDirect e) {
                // rolled back: the file loads the usual way below, which reports its bad rows or reads it in Java
            }
        }
        FileOutcome outcome = loader.evaluate(planned.statement(), plan, file, scan);
        transactions.atomically(session, () -> {
            loader.write(planned.statement(), plan, List.of(outcome), pipe, entry.queuedAt());
            queue.remove(session, pipe.id(), entry.key());
        });
        if (outcome.resultTable() != null) {
            // the plan outlives this file (see load): its converted rows go now, not when the plan closes
            session.exec("DROP TABLE IF EXISTS " + outcome.resultTable());
        }
    }

    private void recordError(CatalogObject pipe, String message) throws SQLException {
        if (message.equals(pipe.prop("LAST_ERROR"))) {
            return;
        }
        log.accept("pipe " + pipe.ref().display() + ": " + message);
        pipe.props().put("LAST_ERROR", message);
        pipe.props().put("LAST_ERROR_AT", OffsetDateTime.now(ZoneOffset.UTC).toString());
        transactions.lockedAtomically(session, () -> catalog.save(session.conn(), pipe));
    }
}
