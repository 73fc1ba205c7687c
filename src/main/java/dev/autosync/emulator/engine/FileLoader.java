package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads staged JSON and CSV files by a {@link CopyPlan}, for bulk COPY and for pipes. Each file is read and
 * its rows converted to the target's column types before anything is written, outside any
 * transaction (a failed conversion would poison it); rows that fail are found by bisection and
 * handled as ON_ERROR says. Then the good rows and the file's load history go in together.
 */
final class FileLoader {
    private final Streams streams;
    private final History history;

    FileLoader(Streams streams, History history) {
        this.streams = streams;
        this.history = history;
    }

    /**
     * Reads one file and converts its rows, outside any transaction. The converted rows wait in a
     * temporary table for {@link #write}; with ON_ERROR = ABORT_STATEMENT the first bad row raises
     * Snowflake's error instead.
     */
    FileOutcome evaluate(StatementContext st, CopyPlan plan, StagedFile f, OffsetDateTime scanTime) throws SQLException {
        FileOutcome bulk = evaluateInDuckDb(st, plan, f, scanTime);
        return bulk != null ? bulk : evaluateInJava(st, plan, f, scanTime);
    }

    /**
     * The bulk path: DuckDB reads the file and converts all its rows in two statements. Null inside
     * an explicit transaction, and when the file is not for DuckDB's reader ({@link DuckJsonFiles})
     * or a row fails to convert: then {@link #evaluateInJava} reads it (again) and finds, reports and
     * handles the bad rows as before.
     */
    private FileOutcome evaluateInDuckDb(StatementContext st, CopyPlan plan, StagedFile f, OffsetDateTime scanTime)
            throws SQLException {
        if (st.session().inExplicitTransaction()) {
            // the bulk path learns that a file is not for it from a failed statement, which would abort
            // the client's open transaction (a backfill's COPY runs inside BEGIN ... COMMIT)
            return null;
        }
        long n = DuckJsonFiles.fill(st.session(), plan, f, scanTime);
        if (n < 0) {
            return null;
        }
        String result = "\"copy_result_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        st.temporary(result);
        if (materialise(st.session(), plan, result, 1, n) != null) {
            return null;
        }
        return new FileOutcome(f, "LOADED", n, n, 0, plan.onError().errorLimit(n), null, null, null, null, result);
    }

    /** Thrown by {@link #loadDirect} when its statement failed: the caller rolls back and loads the file by {@link #evaluate}. */
    static final class NotDirect extends RuntimeException {
        NotDirect(SQLException cause) {
            super(cause);
        }
    }

    /**
     * The relation of the file's rows that {@link #loadDirect} would read, or null when the file is not
     * for that path (not a format DuckDB's reader serves, or a transformation that does not read the
     * staged-file table exactly once).
     */
    static String directRows(CopyPlan plan, StagedFile f, OffsetDateTime scanTime) {
        String source = CopyPlanner.source(plan.rowsTable());
        int at = plan.transform().indexOf(source);
        if (at < 0 || plan.transform().indexOf(source, at + 1) >= 0) {
            return null;
        }
        return DuckJsonFiles.rows(plan, f, scanTime);
    }

    /**
     * A pipe's file in one statement: DuckDB reads the file ({@code rows}, from {@link #directRows}),
     * converts its rows and inserts them into the target with one INSERT ... SELECT, no staged or
     * converted copy in between; then the load history, as {@link #write} does. Call it inside the
     * file's transaction. When the statement fails (a row that does not convert, a record or file
     * for {@link JsonFiles}) it throws {@link NotDirect}: the caller rolls the transaction back and
     * loads the file by {@link #evaluate} and {@link #write}, which find, report and handle the bad
     * rows exactly as before.
     */
    FileOutcome loadDirect(StatementContext st, CopyPlan plan, StagedFile f, String rows, CatalogObject pipe,
                           OffsetDateTime received) throws SQLException {
        Session session = st.session();
        Streams.Change change = plan.tracked() ? streams.begin(session, plan.table(), false) : null;
        long n;
        try {
            n = st.update(insertSql(plan, plan.transform().replace(CopyPlanner.source(plan.rowsTable()), rows)));
        } catch (SQLException e) {
            throw new NotDirect(e);
        }
        FileOutcome o = new FileOutcome(f, "LOADED", n, n, 0, plan.onError().errorLimit(n), null, null, null, null, null);
        history.record(session, plan, o, pipe, received);
        if (change != null) {
            streams.end(session, change);
        }
        return o;
    }

    private FileOutcome evaluateInJava(StatementContext st, CopyPlan plan, StagedFile f, OffsetDateTime scanTime)
            throws SQLException {
        StagedFiles.Read parsed = StagedFiles.read(f, plan.format(), plan.byName(), plan.byNameCaseInsensitive());
        CopyPlan.OnError onError = plan.onError();
        JsonFiles.ParseError parseError = parsed.error();
        if (parseError != null && onError.abort()) {
            throw new SnowflakeError("100069", "22P02", parseError.message() + "\n  File '" + f.relative() + "', line "
                    + parseError.line() + ", character " + parseError.character() + "\n  Row " + parseError.rowNumber()
                    + " starts at line " + parseError.line() + ", column \"" + plan.table().name() + "\"[\"$1\":1]\n"
                    + "  If you would like to continue loading when an error is encountered, use other values such as "
                    + "'SKIP_FILE' or 'CONTINUE' for the ON_ERROR option.");
        }
        long parsedCount = parsed.rowsParsed();
        if (parseError != null && onError.skips(1, parsedCount)) {
            return failed(plan, f, parsedCount, 1, parseError.message(), parseError.line(), parseError.character(), null);
        }
        Session session = st.session();
        fillRows(session, plan, f, parsed.rows(), scanTime);
        String result = "\"copy_result_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        st.temporary(result);
        int n = parsed.rows().size();
        SQLException whole = materialise(session, plan, result, 1, n);
        List<Long> bad = new ArrayList<>();
        SQLException firstBad = null;
        if (whole != null) {
            firstBad = findBad(st, plan, n, bad, onError.abort() || onError.skips(1 + (parseError == null ? 0 : 1), parsedCount));
        }
        long errors = bad.size() + (parseError == null ? 0 : 1);
        if (!bad.isEmpty()) {
            long row = bad.get(0);
            StagedFiles.Row r = parsed.rows().get((int) row - 1);
            SnowflakeError e = ErrorMapper.map(firstBad);
            String column = failingColumn(session, plan, row);
            if (onError.abort()) {
                throw new SnowflakeError(e.code(), e.sqlState(), e.getMessage() + "\n  File '" + f.relative() + "', line "
                        + r.line() + ", character 1\n  Row " + row + ", column " + column + "\n  If you would like to "
                        + "continue loading when an error is encountered, use other values such as 'SKIP_FILE' or "
                        + "'CONTINUE' for the ON_ERROR option.");
            }
            if (onError.skips(errors, parsedCount)) {
                return failed(plan, f, parsedCount, errors, e.getMessage(), r.line(), 1L, column);
            }
            session.exec("DELETE FROM " + plan.rowsTable() + " WHERE \"METADATA$FILE_ROW_NUMBER\" IN ("
                    + bad.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
            SQLException again = materialise(session, plan, result, 1, n);
            if (again != null) {
                throw again;
            }
            long loaded = n - bad.size();
            return new FileOutcome(f, loaded > 0 ? "PARTIALLY_LOADED" : "LOAD_FAILED", parsedCount, loaded, errors,
                    onError.errorLimit(parsedCount), e.getMessage(), r.line(), 1L, column, result);
        }
        if (parseError != null) {
            return new FileOutcome(f, n > 0 ? "PARTIALLY_LOADED" : "LOAD_FAILED", parsedCount, n, errors,
                    onError.errorLimit(parsedCount), parseError.message(), parseError.line(), parseError.character(), null, result);
        }
        return new FileOutcome(f, "LOADED", parsedCount, n, 0, onError.errorLimit(parsedCount), null, null, null, null, result);
    }

    private static FileOutcome failed(CopyPlan plan, StagedFile f, long parsed, long errors, String message, Long line,
                                      Long character, String column) {
        return new FileOutcome(f, "LOAD_FAILED", parsed, 0, errors, plan.onError().errorLimit(parsed), message, line, character,
                column, null);
    }

    private static void fillRows(Session session, CopyPlan plan, StagedFile f, List<StagedFiles.Row> rows,
                                 OffsetDateTime scanTime) throws SQLException {
        session.exec("DELETE FROM " + plan.rowsTable());
        try (DuckDBAppender app = ((DuckDBConnection) session.conn()).createAppender("temp", "main",
                plan.rowsTable().replace("\"", ""))) {
            StagedFiles.append(app, plan.format(), plan.width(), f, rows, scanTime);
        }
    }

    /** Converts rows lo..hi into {@code table}; returns the failure instead of throwing. */
    private static SQLException materialise(Session session, CopyPlan plan, String table, long lo, long hi) {
        try {
            session.exec("SET VARIABLE autosync_lo = " + lo, "SET VARIABLE autosync_hi = " + hi,
                    "CREATE OR REPLACE TEMP TABLE " + table + " AS " + plan.transform());
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** Bisects rows 1..n for rows that fail to convert; returns the first failure. */
    private static SQLException findBad(StatementContext st, CopyPlan plan, long n, List<Long> bad, boolean firstOnly) {
        String probe = "\"copy_probe_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        st.temporary(probe);
        SQLException[] first = new SQLException[1];
        bisect(st.session(), plan, probe, 1, n, bad, firstOnly, first);
        try {
            // a pipe's plan (and so its statement) lives for a whole queue: the probe's rows go now
            st.session().exec("DROP TABLE IF EXISTS " + probe);
        } catch (SQLException ignored) {
            // dropped with the statement anyway
        }
        return first[0];
    }

    private static boolean bisect(Session session, CopyPlan plan, String probe, long lo, long hi, List<Long> bad,
                                  boolean firstOnly, SQLException[] first) {
        if (lo > hi) {
            return false;
        }
        SQLException e = materialise(session, plan, probe, lo, hi);
        if (e == null) {
            return false;
        }
        if (lo == hi) {
            bad.add(lo);
            if (first[0] == null) {
                first[0] = e;
            }
            return true;
        }
        long mid = (lo + hi) / 2;
        boolean left = bisect(session, plan, probe, lo, mid, bad, firstOnly, first);
        if (left && firstOnly) {
            return true;
        }
        return bisect(session, plan, probe, mid + 1, hi, bad, firstOnly, first) || left;
    }

    /** Which target column the bad row fails in, as Snowflake names it: "TABLE"["COLUMN":n]. */
    private static String failingColumn(Session session, CopyPlan plan, long row) {
        for (int i = 0; i < plan.columns().size(); i++) {
            ColumnDef col = plan.columns().get(i);
            String single = "SELECT " + Names.quote(col.name()) + " FROM (" + plan.transform() + ")";
            try {
                session.exec("SET VARIABLE autosync_lo = " + row, "SET VARIABLE autosync_hi = " + row,
                        "CREATE OR REPLACE TEMP TABLE copy_column_probe AS " + single);
            } catch (SQLException e) {
                return "\"" + plan.table().name() + "\"[\"" + col.name() + "\":" + (i + 1) + "]";
            } finally {
                try {
                    session.exec("DROP TABLE IF EXISTS copy_column_probe");
                } catch (SQLException ignored) {
                    // best effort
                }
            }
        }
        return null;
    }

    /**
     * Writes evaluated files: their converted rows into the target (stamped for its streams when
     * tracked) and their load history, for {@code pipe} when a pipe loads them. Call it inside the
     * load's transaction.
     */
    void write(StatementContext st, CopyPlan plan, List<FileOutcome> outcomes, CatalogObject pipe, OffsetDateTime received)
            throws SQLException {
        Session session = st.session();
        Streams.Change change = plan.tracked() ? streams.begin(session, plan.table(), false) : null;
        for (FileOutcome o : outcomes) {
            insert(st, plan, o);
            history.record(session, plan, o, pipe, received);
        }
        if (change != null) {
            streams.end(session, change);
        }
    }

    private static void insert(StatementContext st, CopyPlan plan, FileOutcome o) throws SQLException {
        if (o.resultTable() == null || o.loaded() == 0) {
            return;
        }
        st.update(insertSql(plan, "SELECT * FROM " + o.resultTable()));
    }

    /**
     * INSERT of a query's rows into the plan's target: the plan's columns in order, then the offsets of its
     * TIMESTAMP_TZ columns, which the typed transformation gives after its columns (CopyPlanner).
     */
    static String insertSql(CopyPlan plan, String query) {
        String cols = plan.columns().stream().map(col -> Names.quote(col.name())).collect(Collectors.joining(", "))
                + TzColumns.names(plan.columns()).stream().map(n -> ", " + Names.quote(TzColumns.companion(n)))
                .collect(Collectors.joining());
        return "INSERT INTO " + plan.targetDuck() + " (" + cols + ") " + query;
    }
}
