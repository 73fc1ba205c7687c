package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * COPY INTO a table from staged JSON files, for bulk COPY and for pipes. Each file is read and
 * its rows converted to the target's column types before anything is written, outside any
 * transaction (a failed conversion would poison it); rows that fail are found by bisection and
 * handled as ON_ERROR says. Then the good rows and the file's load history go in together.
 */
final class Loader {
    private static final Set<String> NOT_IN_TRANSFORM = Set.of("WHERE", "GROUP", "HAVING", "QUALIFY", "ORDER", "LIMIT",
            "JOIN", "UNION", "FLATTEN");
    private static final Set<String> NOT_IN_PIPE = Set.of("FILES", "PURGE", "FORCE", "SIZE_LIMIT", "RETURN_FAILED_ONLY",
            "VALIDATION_MODE");

    private final StatementExecutor x;

    Loader(StatementExecutor x) {
        this.x = x;
    }

    /** The outcome of loading one file, in the terms of COPY's result and COPY_HISTORY. */
    record FileOutcome(Stages.StagedFile file, String status, long parsed, long loaded, long errors, long errorLimit,
                       String firstError, Long firstErrorLine, Long firstErrorCharacter, String firstErrorColumn,
                       String resultTable) {
        String historyStatus() {
            return switch (status) {
                case "LOADED" -> "Loaded";
                case "PARTIALLY_LOADED" -> "Partially loaded";
                default -> "Load failed";
            };
        }
    }

    // ---------------------------------------------------------------- planning

    /** Parses COPY INTO at the cursor; for a pipe, refuses the options Snowflake refuses there. */
    CopyPlan plan(boolean pipe) throws SQLException {
        Cursor c = x.c;
        c.expect("COPY");
        c.expect("INTO");
        if (c.peek().is(TokenType.STAGE_REFERENCE)) {
            throw SnowflakeError.unsupported("COPY INTO @stage (unloading)");
        }
        ObjectRef ref = x.name("COPY");
        CatalogObject table = x.engine.catalog().findRelation(ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Table", ref.display()));
        if (table.kind() != CatalogKind.TABLE) {
            throw SnowflakeError.compilation("COPY INTO needs a table; " + ref.display() + " is a view.");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            List<ColumnDef> named = new ArrayList<>();
            do {
                String name = c.next().identifierName();
                ColumnDef col = table.columns().stream().filter(d -> d.name().equals(name)).findFirst()
                        .orElseThrow(() -> SnowflakeError.invalidIdentifier(Names.display(name)));
                named.add(col);
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
            columns = named;
        }
        c.expect("FROM");
        String rowsTable = "\"copy_rows_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        Engine.exec(x.session, "CREATE TEMP TABLE IF NOT EXISTS " + rowsTable + " (\"$1\" JSON, \"METADATA$FILENAME\" VARCHAR, "
                + "\"METADATA$FILE_ROW_NUMBER\" BIGINT, \"METADATA$FILE_CONTENT_KEY\" VARCHAR, "
                + "\"METADATA$FILE_LAST_MODIFIED\" TIMESTAMP, \"METADATA$START_SCAN_TIME\" TIMESTAMPTZ)");
        x.registerTemporary(rowsTable);
        String source = "(SELECT * FROM " + rowsTable + " WHERE \"METADATA$FILE_ROW_NUMBER\" BETWEEN getvariable('autosync_lo') "
                + "AND getvariable('autosync_hi'))";
        String[] stageRef = new String[1];
        String transform;
        if (c.peek().is(TokenType.STAGE_REFERENCE)) {
            stageRef[0] = c.next().value();
            transform = null;
        } else if (c.peek().is(TokenType.STRING)) {
            throw SnowflakeError.unsupported("COPY from a URL; create a stage for it");
        } else {
            c.expect(TokenType.LEFT_PAREN);
            checkSimpleSelect(c);
            x.stageOverride = (ref2, opts) -> {
                stageRef[0] = ref2;
                return new SqlContext.Relation(source, null);
            };
            try {
                transform = new Translator(c, x).query(false);
            } finally {
                x.stageOverride = null;
            }
            c.expect(TokenType.RIGHT_PAREN);
            if (stageRef[0] == null) {
                throw SnowflakeError.compilation("COPY statement only supports simple SELECT from stage statements for import.");
            }
        }
        ObjectNode options = Options.parse(c, Set.of());
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (pipe) {
            for (String o : NOT_IN_PIPE) {
                if (options.has(o)) {
                    throw SnowflakeError.compilation("Copy option " + o + " is not supported in a pipe definition.");
                }
            }
            if ("ABORT_STATEMENT".equalsIgnoreCase(Options.text(options, "ON_ERROR"))) {
                throw SnowflakeError.compilation("ON_ERROR = ABORT_STATEMENT is not supported in a pipe definition; "
                        + "use SKIP_FILE (the default) or CONTINUE.");
            }
        }
        if (options.has("VALIDATION_MODE")) {
            throw SnowflakeError.unsupported("VALIDATION_MODE");
        }
        Stages.Location location = x.engine.stages().resolve(x, stageRef[0]);
        ObjectNode inlineFormat = options.get("FILE_FORMAT") instanceof ObjectNode o ? o : null;
        FileFormat format = x.engine.stages().format(x, inlineFormat, null, location).requireJson();
        if (transform == null) {
            transform = plainTransform(table, columns, options, source);
        }
        Pattern pattern = options.hasNonNull("PATTERN") ? Pattern.compile(options.get("PATTERN").asText()) : null;
        List<String> files = StageDdl.list(options.get("FILES"));
        Streams streams = x.engine.services().streams();
        boolean tracked = streams.isTracked(table);
        String typed = typedTransform(table, columns, transform);
        return new CopyPlan(table, tracked ? streams.baseTable(table) : ref.duckName(), tracked, columns, location, format,
                pattern, files, CopyPlan.OnError.parse(Options.text(options, "ON_ERROR"), pipe),
                Options.bool(options, "FORCE", false), Options.bool(options, "PURGE", false), rowsTable, typed, options);
    }

    /** COPY transforms are a simple SELECT from the stage: no WHERE, joins, grouping, ordering or LIMIT. */
    private static void checkSimpleSelect(Cursor c) {
        int depth = 0;
        for (int i = c.position(); ; i++) {
            Token t = c.token(i);
            if (t.is(TokenType.END)) {
                return;
            }
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (depth == 0 && t.is(TokenType.WORD) && NOT_IN_TRANSFORM.contains(t.upper())) {
                throw SnowflakeError.compilation("COPY statement only supports simple SELECT from stage statements for "
                        + "import (" + t.upper() + " is not allowed in a COPY transformation).");
            }
        }
    }

    /** Without a transformation a JSON file loads into one VARIANT column, or by column name when asked. */
    private static String plainTransform(CatalogObject table, List<ColumnDef> columns, ObjectNode options, String source) {
        String match = Options.text(options, "MATCH_BY_COLUMN_NAME");
        if (match != null && !match.equalsIgnoreCase("NONE")) {
            boolean insensitive = match.equalsIgnoreCase("CASE_INSENSITIVE");
            List<String> items = new ArrayList<>();
            for (ColumnDef col : columns) {
                String key = Translator.literal("/" + col.name().replace("~", "~0").replace("/", "~1"));
                items.add(insensitive
                        ? "json_extract(\"$1\", (SELECT '/' || k FROM unnest(json_keys(\"$1\")) AS t(k) WHERE upper(k) = "
                        + Translator.literal(col.name().toUpperCase()) + " LIMIT 1))"
                        : "json_extract(\"$1\", " + key + ")");
            }
            return "SELECT " + String.join(", ", items) + " FROM " + source;
        }
        if (columns.size() != 1 || !columns.get(0).sfType().matches("VARIANT|OBJECT|ARRAY")) {
            throw SnowflakeError.compilation("JSON file format can produce one and only one column of type variant, object, "
                    + "or array. Load data into separate columns using the MATCH_BY_COLUMN_NAME copy option or copy with "
                    + "transformation.");
        }
        return "SELECT \"$1\" FROM " + source;
    }

    /** The transformation with each value converted to its target column's type (and NOT NULL checked). */
    private String typedTransform(CatalogObject table, List<ColumnDef> columns, String transform) throws SQLException {
        int produced = countColumns(transform);
        if (produced != columns.size()) {
            throw SnowflakeError.compilation("Insert value list does not match column list expecting " + columns.size()
                    + " but got " + produced);
        }
        Translator tr = new Translator(new Cursor(""), x);
        List<String> aliases = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef col = columns.get(i);
            String q = "q.\"c" + i + "\"";
            aliases.add("\"c" + i + "\"");
            String converted = tr.cast(q, SnowflakeTypes.parse(new Cursor(col.sfType())), false);
            if (!col.nullable()) {
                converted = "(CASE WHEN " + q + " IS NULL THEN error('NULL result in a non-nullable column') ELSE " + converted + " END)";
            }
            items.add(converted + " AS " + Names.quote(col.name()));
        }
        return "SELECT " + String.join(", ", items) + " FROM (" + transform + ") AS q(" + String.join(", ", aliases) + ")";
    }

    private int countColumns(String transform) throws SQLException {
        String probe = "\"copy_probe_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        Engine.exec(x.session, "SET VARIABLE autosync_lo = 1", "SET VARIABLE autosync_hi = 0");
        try {
            Engine.exec(x.session, "CREATE TEMP TABLE " + probe + " AS " + transform);
            return new Ddl(x).describeColumns(probe).size();
        } finally {
            Engine.exec(x.session, "DROP TABLE IF EXISTS " + probe);
        }
    }

    // ---------------------------------------------------------------- files

    /** The plan's candidate files: under the stage path, matching PATTERN (on the stage-relative path) and FILES. */
    List<Stages.StagedFile> candidates(CopyPlan plan) {
        List<Stages.StagedFile> out = new ArrayList<>();
        for (Stages.StagedFile f : plan.location().files()) {
            String withinPath = f.relative().substring(plan.location().path().length());
            if (plan.pattern() != null && !plan.pattern().matcher(f.relative()).matches()
                    && !plan.pattern().matcher(withinPath).matches()) {
                continue;
            }
            if (!plan.files().isEmpty() && !plan.files().contains(withinPath) && !plan.files().contains(f.relative())) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /**
     * Reads one file and converts its rows, outside any transaction. The converted rows wait in a
     * temporary table for {@link #insert}; with ON_ERROR = ABORT_STATEMENT the first bad row raises
     * Snowflake's error instead.
     */
    FileOutcome evaluate(CopyPlan plan, Stages.StagedFile f, OffsetDateTime scanTime) throws SQLException {
        JsonFiles.Parsed parsed = JsonFiles.read(f.file(), plan.format());
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
        fillRows(plan, f, parsed.rows(), scanTime);
        String result = "\"copy_result_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        x.registerTemporary(result);
        int n = parsed.rows().size();
        SQLException whole = materialise(plan, result, 1, n);
        List<Long> bad = new ArrayList<>();
        SQLException firstBad = null;
        if (whole != null) {
            firstBad = findBad(plan, 1, n, bad, onError.abort() || onError.skips(1 + (parseError == null ? 0 : 1), parsedCount));
        }
        long errors = bad.size() + (parseError == null ? 0 : 1);
        if (!bad.isEmpty()) {
            long row = bad.get(0);
            JsonFiles.Row r = parsed.rows().get((int) row - 1);
            SnowflakeError e = ErrorMapper.map(firstBad);
            String column = failingColumn(plan, row);
            if (onError.abort()) {
                throw new SnowflakeError(e.code(), e.sqlState(), e.getMessage() + "\n  File '" + f.relative() + "', line "
                        + r.line() + ", character 1\n  Row " + row + ", column " + column + "\n  If you would like to "
                        + "continue loading when an error is encountered, use other values such as 'SKIP_FILE' or "
                        + "'CONTINUE' for the ON_ERROR option.");
            }
            if (onError.skips(errors, parsedCount)) {
                return failed(plan, f, parsedCount, errors, e.getMessage(), r.line(), 1L, column);
            }
            Engine.exec(x.session, "DELETE FROM " + plan.rowsTable() + " WHERE \"METADATA$FILE_ROW_NUMBER\" IN ("
                    + bad.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")");
            SQLException again = materialise(plan, result, 1, n);
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

    private FileOutcome failed(CopyPlan plan, Stages.StagedFile f, long parsed, long errors, String message, Long line,
                               Long character, String column) {
        return new FileOutcome(f, "LOAD_FAILED", parsed, 0, errors, plan.onError().errorLimit(parsed), message, line, character,
                column, null);
    }

    private void fillRows(CopyPlan plan, Stages.StagedFile f, List<JsonFiles.Row> rows, OffsetDateTime scanTime) throws SQLException {
        Engine.exec(x.session, "DELETE FROM " + plan.rowsTable());
        try (DuckDBAppender app = ((DuckDBConnection) x.session.conn()).createAppender("temp", "main",
                plan.rowsTable().replace("\"", ""))) {
            Stages.appendRows(app, f, rows, scanTime);
        }
    }

    /** Converts rows lo..hi into {@code table}; returns the failure instead of throwing. */
    private SQLException materialise(CopyPlan plan, String table, long lo, long hi) {
        try {
            Engine.exec(x.session, "SET VARIABLE autosync_lo = " + lo, "SET VARIABLE autosync_hi = " + hi,
                    "CREATE OR REPLACE TEMP TABLE " + table + " AS " + plan.transform());
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** Bisects lo..hi for rows that fail to convert; returns the first failure. */
    private SQLException findBad(CopyPlan plan, long lo, long hi, List<Long> bad, boolean firstOnly) throws SQLException {
        String probe = "\"copy_probe_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        x.registerTemporary(probe);
        SQLException[] first = new SQLException[1];
        bisect(plan, probe, lo, hi, bad, firstOnly, first);
        return first[0];
    }

    private boolean bisect(CopyPlan plan, String probe, long lo, long hi, List<Long> bad, boolean firstOnly,
                           SQLException[] first) {
        if (lo > hi) {
            return false;
        }
        SQLException e = materialise(plan, probe, lo, hi);
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
        boolean left = bisect(plan, probe, lo, mid, bad, firstOnly, first);
        if (left && firstOnly) {
            return true;
        }
        return bisect(plan, probe, mid + 1, hi, bad, firstOnly, first) || left;
    }

    /** Which target column the bad row fails in, as Snowflake names it: "TABLE"["COLUMN":n]. */
    private String failingColumn(CopyPlan plan, long row) {
        for (int i = 0; i < plan.columns().size(); i++) {
            ColumnDef col = plan.columns().get(i);
            String single = "SELECT " + Names.quote(col.name()) + " FROM (" + plan.transform() + ")";
            try {
                Engine.exec(x.session, "SET VARIABLE autosync_lo = " + row, "SET VARIABLE autosync_hi = " + row,
                        "CREATE OR REPLACE TEMP TABLE copy_column_probe AS " + single);
            } catch (SQLException e) {
                return "\"" + plan.table().name() + "\"[\"" + col.name() + "\":" + (i + 1) + "]";
            } finally {
                try {
                    Engine.exec(x.session, "DROP TABLE IF EXISTS copy_column_probe");
                } catch (SQLException ignored) {
                    // best effort
                }
            }
        }
        return null;
    }

    /** Inserts a file's converted rows into the target; call inside the load's transaction. */
    long insert(CopyPlan plan, FileOutcome o) throws SQLException {
        if (o.resultTable() == null || o.loaded() == 0) {
            return 0;
        }
        String cols = plan.columns().stream().map(col -> Names.quote(col.name())).collect(java.util.stream.Collectors.joining(", "));
        return x.update("INSERT INTO " + plan.targetDuck() + " (" + cols + ") SELECT * FROM " + o.resultTable());
    }

    // ---------------------------------------------------------------- bulk COPY

    Result copyStatement() throws SQLException {
        CopyPlan plan = plan(false);
        History history = x.engine.services().history();
        List<Stages.StagedFile> files = new ArrayList<>();
        for (Stages.StagedFile f : candidates(plan)) {
            if (plan.force() || !history.loadedIntoTable(x.session, plan.table(), plan.location(), f)) {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            return Result.status(StatementKind.COPY, "Copy executed with 0 files processed.");
        }
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Stages.StagedFile f : files) {
            outcomes.add(evaluate(plan, f, scan));
        }
        x.engine.atomic(x.session, () -> {
            Streams.Change change = plan.tracked() ? x.engine.services().streams().begin(x.session, plan.table(), false) : null;
            for (FileOutcome o : outcomes) {
                insert(plan, o);
                history.record(x.session, plan, o, null, null);
            }
            if (change != null) {
                x.engine.services().streams().end(x.session, change);
            }
            return null;
        });
        if (plan.purge()) {
            for (FileOutcome o : outcomes) {
                if (!o.status().equals("LOAD_FAILED")) {
                    try {
                        Files.deleteIfExists(o.file().file());
                    } catch (IOException e) {
                        x.engine.log("PURGE could not remove " + o.file().file() + ": " + e.getMessage());
                    }
                }
            }
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
}
