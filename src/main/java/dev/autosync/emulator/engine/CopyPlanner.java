package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.TokenType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses and checks COPY INTO a table from a stage into a {@link CopyPlan}, for bulk COPY and for
 * pipes: the target, the files, the format, ON_ERROR, and the transformation translated to read
 * one file's rows and convert each value to its column's type.
 */
final class CopyPlanner {
    private final Catalog catalog;
    private final Stages stages;
    private final Streams streams;
    private final Translation translation;

    CopyPlanner(Catalog catalog, Stages stages, Streams streams, Translation translation) {
        this.catalog = catalog;
        this.stages = stages;
        this.streams = streams;
        this.translation = translation;
    }

    /** Plans a pipe's COPY ({@code definition}), its names resolved in the schema of {@code owner}. */
    PlannedCopy planStored(Session session, String definition, ObjectRef owner) throws SQLException {
        RunningStatement statement = RunningStatement.openWithin(translation, session, definition, owner);
        try {
            return new PlannedCopy(statement, plan(statement, true));
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Parses COPY INTO at the cursor; for a pipe, refuses the options Snowflake refuses there. */
    CopyPlan plan(StatementContext st, boolean pipe) throws SQLException {
        Cursor c = st.cursor();
        int start = c.position();
        c.expect("COPY");
        c.expect("INTO");
        if (c.peek().is(TokenType.STAGE_REFERENCE)) {
            throw SnowflakeError.unsupported("COPY INTO @stage (unloading)");
        }
        SnowflakeRules.enforceCopy(c, start, pipe);
        ObjectRef ref = st.name("COPY");
        CatalogObject table = catalog.findRelation(ref).orElseThrow(() -> SnowflakeError.doesNotExist("Table", ref.display()));
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
        String rowsTable = "\"copy_rows_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        String source = source(rowsTable);
        String[] stageRef = new String[1];
        String transform;
        if (!c.accept("FROM")) {
            // "COPY INTO <table>" without FROM loads from the table's own stage ("COPY INTO <table>", Syntax)
            stageRef[0] = "@%" + ref.display();
            transform = null;
        } else if (c.peek().is(TokenType.STAGE_REFERENCE)) {
            stageRef[0] = c.next().value();
            transform = null;
        } else if (c.peek().is(TokenType.STRING)) {
            throw SnowflakeError.unsupported("COPY from a URL; create a stage for it");
        } else {
            c.expect(TokenType.LEFT_PAREN);
            transform = st.copyTranslator((reference, options) -> {
                stageRef[0] = reference;
                return new SqlContext.Relation(source, null);
            }).copyQuery();
            c.expect(TokenType.RIGHT_PAREN);
            if (stageRef[0] == null) {
                throw SnowflakeError.compilation("COPY statement only supports simple SELECT from stage statements for import.");
            }
        }
        ObjectNode options = Options.parse(c, Set.of());
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (options.has("VALIDATION_MODE")) {
            throw SnowflakeError.unsupported("VALIDATION_MODE");
        }
        Stages.Location location = stages.resolve(st, stageRef[0]);
        ObjectNode inlineFormat = options.get("FILE_FORMAT") instanceof ObjectNode o ? o : null;
        FileFormat format = StagedFiles.requireLoadable(stages.format(st, inlineFormat, null, location));
        String match = Options.text(options, "MATCH_BY_COLUMN_NAME");
        boolean byName = match != null && !match.equalsIgnoreCase("NONE");
        int width = format.isJson() ? 1 : transform == null ? columns.size() : StagedFiles.widthOf(st.text());
        st.session().exec("CREATE TEMP TABLE IF NOT EXISTS " + rowsTable + " (" + StagedFiles.columnsDdl(format, width) + ")");
        st.temporary(rowsTable);
        if (transform == null) {
            transform = format.isJson() ? plainTransform(columns, options, source) : csvTransform(columns, format, byName, source);
        }
        List<String> names = byName && !format.isJson() ? columns.stream().map(ColumnDef::name).toList() : null;
        Pattern pattern = options.hasNonNull("PATTERN") ? Pattern.compile(options.get("PATTERN").asText()) : null;
        List<String> files = Options.list(options.get("FILES"));
        boolean tracked = streams.isTracked(table);
        String typed = typedTransform(st, columns, transform);
        if (format.isJson()) {
            typed = CopySubexpressions.hoist(typed, source);
        }
        return new CopyPlan(table, tracked ? streams.baseTable(table) : ref.duckName(), tracked, columns, location, format,
                pattern, files, CopyPlan.OnError.parse(Options.text(options, "ON_ERROR"), pipe),
                Options.bool(options, "FORCE", false), Options.bool(options, "PURGE", false), rowsTable, typed, options, width,
                names, match != null && match.equalsIgnoreCase("CASE_INSENSITIVE"));
    }

    /**
     * The relation a plan's transformation reads: the current file's rows in the staged-file table, limited
     * to the row range in the session variables. Appears once in the transformation, so that a caller may
     * put another relation with the same columns in its place ({@link FileLoader#loadDirect}).
     */
    static String source(String rowsTable) {
        return "(SELECT * FROM " + rowsTable + " WHERE \"METADATA$FILE_ROW_NUMBER\" BETWEEN getvariable('autosync_lo') "
                + "AND getvariable('autosync_hi'))";
    }

    /** Without a transformation a JSON file loads into one VARIANT column, or by column name when asked. */
    private static String plainTransform(List<ColumnDef> columns, ObjectNode options, String source) {
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

    /**
     * A CSV file loads field n into column n ("COPY INTO <table>", ERROR_ON_COLUMN_COUNT_MISMATCH): a
     * record with another number of fields is that row's error unless the format allows it (then
     * missing fields are NULL and extra ones dropped). With MATCH_BY_COLUMN_NAME the reader has
     * already put each column's field, found by the header, in place.
     */
    private static String csvTransform(List<ColumnDef> columns, FileFormat format, boolean byName, String source) {
        CsvFiles.Options opt = CsvFiles.Options.of(format);
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
            items.add("\"$" + i + "\"");
        }
        if (opt.errorOnColumnCountMismatch() && !byName) {
            int n = columns.size();
            items.set(0, "(CASE WHEN " + StagedFiles.FIELD_COUNT + " <> " + n + " THEN error('[sf:100080:22000] Number of columns "
                    + "in file (' || " + StagedFiles.FIELD_COUNT + " || ') does not match that of the corresponding table (" + n
                    + "), use file format option error_on_column_count_mismatch=false to ignore this error') ELSE \"$1\" END)");
        }
        return "SELECT " + String.join(", ", items) + " FROM " + source;
    }

    /** The transformation with each value converted to its target column's type (and NOT NULL checked). */
    private static String typedTransform(StatementContext st, List<ColumnDef> columns, String transform) throws SQLException {
        List<String> types = new ArrayList<>();
        List<String> names = columnNames(st.session(), transform, types);
        int produced = (int) names.stream().filter(n -> !TzColumns.isCompanion(n)).count();
        if (produced != columns.size()) {
            throw SnowflakeError.compilation("Insert value list does not match column list expecting " + columns.size()
                    + " but got " + produced);
        }
        Translator tr = st.translator(new Cursor(""));
        List<String> aliases = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef col = columns.get(i);
            String q = "q.\"c" + i + "\"";
            aliases.add("\"c" + i + "\"");
            // text for a TIMESTAMP_TZ is read as Snowflake reads it ('2024-06-01 10:00:00 +0530': spaced offsets)
            String converted = TzColumns.isTz(col) ? Translator.tzValue(q) : tr.cast(q, SnowflakeTypes.parse(new Cursor(col.sfType())), false);
            String known = knownTypeCast(q, types.get(i), TzColumns.isTz(col), SnowflakeTypes.parse(new Cursor(col.sfType())));
            converted = known != null ? known : converted;
            if (!col.nullable()) {
                converted = "(CASE WHEN " + q + " IS NULL THEN error('NULL result in a non-nullable column') ELSE " + converted + " END)";
            }
            items.add(converted + " AS " + Names.quote(col.name()));
        }
        // each TIMESTAMP_TZ value's offset, after all columns (FileLoader writes them to the companions, TzColumns): the
        // one the transformation carries (its item's companion), else read from the value
        String zone = st.session().parameter("TIMEZONE");
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef col = columns.get(i);
            if (TzColumns.isTz(col)) {
                String carried = TzColumns.companion("#" + i);
                // a value already TIMESTAMPTZ takes the session zone's offset by arithmetic: DuckDB evaluates the text
                // reading's subexpressions for every row, even where the carried offset makes them unused
                String fromValue = TzValues.offsetOf("q.\"c" + i + "\"", TzValues.isTimestampTz(types.get(i)), zone);
                items.add((names.contains(carried) ? "coalesce(q." + Names.quote(carried) + ", " + fromValue + ")" : fromValue)
                        + " AS " + Names.quote(TzColumns.companion(col.name())));
            }
        }
        return "SELECT " + String.join(", ", items) + " FROM (" + transform + ") AS q(" + String.join(", ", aliases) + ")";
    }

    /**
     * The conversion of transformation value {@code q}, of DuckDB type {@code described}, to the column's type when that
     * type alone decides it, or null: the run-time typeof CASE (Translator.tzValue / cast) then stays. Its checks are for
     * JSON values, text and numbers read as timestamps, FLOATs read exactly as NUMBERs; any other value takes the CASE's
     * plain CAST, and a value already of the column's type (a TIMESTAMP_TZ read in the transformation) is itself.
     */
    static String knownTypeCast(String q, String described, boolean tz, SnowflakeTypes type) {
        if (tz) {
            return TzValues.isTimestampTz(described) ? q : null;
        }
        String source = described.toUpperCase(java.util.Locale.ROOT).replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ");
        boolean exactDouble = type.duck().startsWith("DECIMAL") && (source.equals("DOUBLE") || source.equals("FLOAT"));
        if (type.isSemiStructured() || source.equals("JSON") || exactDouble) {
            return null;
        }
        return source.replace(" ", "").equals(type.duck().replace(" ", "")) ? q : "CAST(" + q + " AS " + type.duck() + ")";
    }

    /**
     * The columns the transformation yields (their DuckDB types added to {@code types}): DuckDB binds it without running
     * it (no probe table per plan).
     */
    private static List<String> columnNames(Session session, String transform, List<String> types) throws SQLException {
        session.exec("SET VARIABLE autosync_lo = 1", "SET VARIABLE autosync_hi = 0");
        List<String> names = new ArrayList<>();
        try (java.sql.Statement s = session.conn().createStatement(); java.sql.ResultSet rs = s.executeQuery("DESCRIBE " + transform)) {
            while (rs.next()) {
                names.add(Names.decode(rs.getString("column_name")));
                types.add(rs.getString("column_type"));
            }
        }
        return names;
    }
}
