package dev.autosync.emulator.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bulk COPY INTO a table: loads the candidate files not loaded already (unless FORCE), all in one
 * transaction, then removes the loaded files for PURGE; answers one row per file.
 */
final class CopyCommand {
    private final CopyPlanner planner;
    private final FileLoader loader;
    private final History history;
    private final Transactions transactions;
    private final Consumer<String> log;

    CopyCommand(CopyPlanner planner, FileLoader loader, History history, Transactions transactions, Consumer<String> log) {
        this.planner = planner;
        this.loader = loader;
        this.history = history;
        this.transactions = transactions;
        this.log = log;
    }

    Result run(StatementContext st) throws SQLException {
        CopyPlan plan = planner.plan(st, false);
        Session session = st.session();
        List<Stages.StagedFile> files = new ArrayList<>();
        for (Stages.StagedFile f : plan.candidates()) {
            if (plan.force() || !history.loadedIntoTable(session, plan.table(), plan.location(), f)) {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            return Result.status(StatementKind.COPY, "Copy executed with 0 files processed.");
        }
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Stages.StagedFile f : files) {
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
