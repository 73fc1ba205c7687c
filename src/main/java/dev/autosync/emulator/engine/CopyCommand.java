package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bulk COPY INTO a table (COPY INTO a stage goes to {@link UnloadCommand}): loads the candidate files not loaded already (unless FORCE), all in one
 * transaction, then removes the loaded files for PURGE; answers one row per file.
 */
final class CopyCommand {
    private static final Duration LOAD_METADATA_DAYS = Duration.ofDays(64);
    private final CopyPlanner planner;
    private final UnloadCommand unload;
    private final FileLoader loader;
    private final History history;
    private final Transactions transactions;
    private final Consumer<String> log;

    CopyCommand(CopyPlanner planner, FileLoader loader, History history, Transactions transactions, Consumer<String> log,
                UnloadCommand unload) {
        this.planner = planner;
        this.unload = unload;
        this.loader = loader;
        this.history = history;
        this.transactions = transactions;
        this.log = log;
    }

    Result run(StatementContext st) throws SQLException {
        if (st.cursor().peek(2).is(dev.autosync.sql.TokenType.STAGE_REFERENCE)) {
            // COPY INTO @stage: unloading ("COPY INTO <location>")
            return unload.run(st);
        }
        CopyPlan plan = planner.plan(st, false);
        Session session = st.session();
        List<StagedFile> candidates = plan.candidates();
        checkNamedFilesExist(plan, candidates);
        boolean loadUncertain = Options.bool(plan.options(), "LOAD_UNCERTAIN_FILES", false);
        List<StagedFile> files = new ArrayList<>();
        for (StagedFile f : candidates) {
            if (plan.force() || (!history.loadedIntoTable(session, plan.table(), plan.location(), f)
                    && (loadUncertain || !uncertain(plan, f)))) {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            return Result.status(StatementKind.COPY, "Copy executed with 0 files processed.");
        }
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        List<FileOutcome> outcomes = new ArrayList<>();
        for (StagedFile f : files) {
            outcomes.add(loader.evaluate(st, plan, f, scan));
        }
        transactions.atomically(session, () -> loader.write(st, plan, outcomes, null, null));
        if (plan.purge()) {
            purge(outcomes);
        }
        List<Object[]> rows = new ArrayList<>();
        for (FileOutcome o : outcomes) {
            rows.add(new Object[] {plan.location().listPrefix() + o.file().relative(), o.status(), o.parsed(), o.loaded(),
                    o.errorLimit(), o.errors(), o.firstError(), o.firstErrorLine(), o.firstErrorCharacter(), o.firstErrorColumn()});
        }
        return new Result(StatementKind.COPY, List.of(ResultColumn.text("file"), ResultColumn.text("status"),
                ResultColumn.number("rows_parsed"), ResultColumn.number("rows_loaded"), ResultColumn.number("error_limit"),
                ResultColumn.number("errors_seen"), ResultColumn.text("first_error"), ResultColumn.number("first_error_line"),
                ResultColumn.number("first_error_character"), ResultColumn.text("first_error_column_name")), rows);
    }

    /**
     * A file whose load status is unknown: last modified more than 64 days ago, with the table's
     * first load also more than 64 days ago, and no load within 64 days (checked by the caller).
     * Skipped unless LOAD_UNCERTAIN_FILES or FORCE (data-load-considerations-load.md, "Loading older
     * files"). The emulator takes the table's creation as its first load (UNVERIFIED approximation).
     */
    private static boolean uncertain(CopyPlan plan, StagedFile f) {
        Instant limit = Instant.now().minus(LOAD_METADATA_DAYS);
        return f.lastModified().isBefore(limit) && plan.table().createdOn() != null && plan.table().createdOn().isBefore(limit);
    }

    /**
     * FILES naming a file that is not staged aborts the load under ON_ERROR = ABORT_STATEMENT (the
     * bulk default); other ON_ERROR values go on without it (copy-into-table.md, FILES). The message
     * text is UNVERIFIED.
     */
    private static void checkNamedFilesExist(CopyPlan plan, List<StagedFile> candidates) {
        if (plan.files().isEmpty() || !plan.onError().abort()) {
            return;
        }
        for (String name : plan.files()) {
            boolean found = candidates.stream().anyMatch(f -> f.relative().equals(name)
                    || f.relative().equals(plan.location().path() + name));
            if (!found) {
                throw new SnowflakeError("100038", "22000", "Remote file '" + plan.location().listPrefix() + plan.location().path()
                        + name + "' was not found. If you are running a copy command, please make sure files are not deleted "
                        + "when they are being loaded or files are not being loaded into two different tables concurrently "
                        + "with auto purge option.");
            }
        }
    }

    private void purge(List<FileOutcome> outcomes) {
        for (FileOutcome o : outcomes) {
            if (!o.status().equals("LOAD_FAILED")) {
                try {
                    Files.deleteIfExists(o.file().file());
                } catch (IOException e) {
                    log.accept("PURGE could not remove " + o.file().file() + ": " + e.getMessage());
                }
            }
        }
    }
}
