package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * COPY INTO &lt;location&gt; ("COPY INTO &lt;location&gt;", sql-reference/sql/copy-into-location): unloads a table's or a
 * query's rows into one file in a stage (internal, user, table or external), as CSV (the default) or JSON (one
 * VARIANT column, a value per line), gzip-compressed unless COMPRESSION = NONE. The file is {@code <path>data_0_0_0
 * .csv.gz} (or the path's own prefix, as in {@code @%t/result/data_}), or just the path with SINGLE = TRUE
 * ({@code data} when the path names a folder). Answers one row: rows_unloaded, input_bytes, output_bytes. Values are
 * written as DuckDB prints them as text (UNVERIFIED for dates, times and floats: Snowflake uses its output formats).
 * PARTITION BY, PARQUET, VALIDATION_MODE, DETAILED_OUTPUT and INCLUDE_QUERY_ID fail as unsupported.
 */
final class UnloadCommand {
    private static final Set<String> COPY_OPTIONS = Set.of("FILE_FORMAT", "HEADER", "OVERWRITE", "SINGLE", "MAX_FILE_SIZE",
            "INCLUDE_QUERY_ID", "DETAILED_OUTPUT", "VALIDATION_MODE");
    private final Stages stages;

    UnloadCommand(Stages stages) {
        this.stages = stages;
    }

    Result run(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        c.expect("COPY");
        c.expect("INTO");
        String target = c.next().value();
        c.expect("FROM");
        String query;
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            query = st.translator().query(false);
            c.expect(TokenType.RIGHT_PAREN);
        } else {
            query = "SELECT * FROM " + st.name("COPY").duckName();
        }
        if (c.isWord("PARTITION")) {
            throw SnowflakeError.unsupported("COPY INTO <location> ... PARTITION BY");
        }
        ObjectNode options = Options.parse(c, Set.of());
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        for (var it = options.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!COPY_OPTIONS.contains(name)) {
                throw SnowflakeError.compilation("invalid parameter '" + name + "' for COPY INTO <location>");
            }
        }
        if (options.has("VALIDATION_MODE")) {
            throw SnowflakeError.unsupported("COPY INTO <location> ... VALIDATION_MODE");
        }
        if (Options.bool(options, "DETAILED_OUTPUT", false) || Options.bool(options, "INCLUDE_QUERY_ID", false)) {
            throw SnowflakeError.unsupported("COPY INTO <location> with DETAILED_OUTPUT or INCLUDE_QUERY_ID");
        }
        Stages.Location location = stages.resolve(st, target);
        ObjectNode inline = options.get("FILE_FORMAT") instanceof ObjectNode o ? o : null;
        FileFormat format = stages.format(st, inline, null, location);
        if (!format.type().equals("CSV") && !format.type().equals("JSON")) {
            throw SnowflakeError.unsupported("COPY INTO <location> as " + format.type() + " (CSV and JSON are supported)");
        }
        String compression = format.options().hasNonNull("COMPRESSION")
                ? format.options().get("COMPRESSION").asText().toUpperCase(Locale.ROOT) : "AUTO";
        boolean gzip = compression.equals("AUTO") || compression.equals("GZIP");
        if (!gzip && !compression.equals("NONE")) {
            throw SnowflakeError.unsupported("COPY INTO <location> with COMPRESSION = " + compression + " (AUTO, GZIP and NONE are supported)");
        }

        Result columns = st.query(StatementKind.SELECT, "SELECT * FROM (" + query + ") LIMIT 0");
        List<ResultColumn> cols = columns.columns();
        columns.close();
        if (format.isJson() && (cols.size() != 1 || !cols.get(0).type().wireName().matches("variant|object|array"))) {
            throw SnowflakeError.compilation("JSON file format can only unload one column of type variant, object or array; "
                    + "use TO_VARIANT or OBJECT_CONSTRUCT in the query.");
        }
        Path file = location.root().resolve(fileName(location.path(), format, gzip, Options.bool(options, "SINGLE", false)));
        if (!file.normalize().startsWith(location.root().normalize())) {
            throw SnowflakeError.compilation("The unload path " + location.path() + " leaves the stage.");
        }
        if (Files.exists(file) && !Options.bool(options, "OVERWRITE", false)) {
            throw new SnowflakeError("001030", "22000", "Files already existing at the unload destination: "
                    + location.displayName() + "/" + location.root().relativize(file).toString().replace('\\', '/')
                    + ". Use overwrite option to force unloading.");
        }

        // every value as text, in DuckDB (UNVERIFIED formats for non-text types, see the class comment)
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            items.append(i == 0 ? "" : ", ").append("CAST(q.\"c").append(i).append("\" AS VARCHAR)");
        }
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            aliases.append(i == 0 ? "" : ", ").append("\"c").append(i).append('"');
        }
        Writer w = new Writer(format, cols, gzip, Options.bool(options, "HEADER", false), file);
        try (w; Result rows = st.query(StatementKind.SELECT, "SELECT " + items + " FROM (" + query + ") AS q(" + aliases + ")")) {
            for (Object[] row : rows.head()) {
                w.row(row);
            }
            RowSource rest = rows.rest();
            if (rest != null) {
                Object[] row = new Object[cols.size()];
                while (rest.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rest.value(i);
                    }
                    w.row(row);
                }
            }
            w.finish();
        }
        return new Result(StatementKind.UNLOAD, List.of(ResultColumn.number("rows_unloaded"), ResultColumn.number("input_bytes"),
                ResultColumn.number("output_bytes")), List.<Object[]>of(new Object[] {w.rows, w.input, w.output}));
    }

    /** The file's path in the stage: a folder gets data_0_0_0 and the format's extension; a prefix gets 0_0_0 after it. */
    static String fileName(String path, FileFormat format, boolean gzip, boolean single) {
        boolean folder = path.isEmpty() || path.endsWith("/");
        if (single) {
            // "If SINGLE = TRUE, then COPY ignores the FILE_EXTENSION file format option and outputs a file simply named data"
            return folder ? path + "data" : path;
        }
        JsonNode ext = format.options().get("FILE_EXTENSION");
        String extension = ext != null && !ext.isNull() && !ext.asText().equalsIgnoreCase("NONE")
                ? (ext.asText().startsWith(".") ? ext.asText() : "." + ext.asText())
                : (format.isJson() ? ".json" : ".csv") + (gzip ? ".gz" : "");
        return (folder ? path + "data_" : path) + "0_0_0" + extension;
    }

    /**
     * Writes the rows to the file as they come, compressed, through a temporary name (a listing never sees half a
     * file; a failure leaves none). "If the source table contains 0 rows, then the COPY operation does not unload a
     * data file": the file is opened with the first row.
     */
    private static final class Writer implements AutoCloseable {
        private final FileFormat format;
        private final List<ResultColumn> cols;
        private final boolean gzip;
        private final boolean header;
        private final Path file;
        private final Path tmp;
        private final CsvFiles.Options csv;
        private final String nullText;
        private OutputStream out;
        private boolean done;
        long rows;
        long input;
        long output;

        Writer(FileFormat format, List<ResultColumn> cols, boolean gzip, boolean header, Path file) {
            this.format = format;
            this.cols = cols;
            this.gzip = gzip;
            this.header = header;
            this.file = file;
            this.tmp = file.resolveSibling(file.getFileName() + ".autosync-tmp");
            this.csv = format.isJson() ? null : CsvFiles.Options.of(format);
            JsonNode n = format.options().get("NULL_IF");
            // "NULL_IF: Snowflake converts SQL NULL values to the first value in the list"; () writes empty fields; default \N
            this.nullText = n == null || n.isNull() ? "\\N" : n.isArray() ? (n.size() == 0 ? "" : n.get(0).asText()) : n.asText();
        }

        private String delimiter() {
            return csv.fieldDelimiter() == null ? "" : csv.fieldDelimiter();
        }

        private String recordDelimiter() {
            return csv.recordDelimiter() == null ? "" : csv.recordDelimiter();
        }

        void row(Object[] row) {
            if (out == null) {
                open();
            }
            rows++;
            if (csv == null) {
                // JSON: one value per line (UNVERIFIED: a NULL row writes no line)
                if (row[0] != null) {
                    write(row[0] + "\n");
                }
                return;
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols.size(); i++) {
                b.append(i == 0 ? "" : delimiter());
                Object v = row[i];
                b.append(v == null ? nullText : field(v.toString(), cols.get(i).type().wireName().equals("text")));
            }
            write(b.append(recordDelimiter()).toString());
        }

        private void open() {
            try {
                Files.createDirectories(file.getParent());
                out = gzip ? new GZIPOutputStream(Files.newOutputStream(tmp), 64 * 1024) : new java.io.BufferedOutputStream(Files.newOutputStream(tmp));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (header && csv != null) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < cols.size(); i++) {
                    b.append(i == 0 ? "" : delimiter()).append(field(cols.get(i).name(), true));
                }
                write(b.append(recordDelimiter()).toString());
            }
        }

        /**
         * A value: text enclosed (FIELD_OPTIONALLY_ENCLOSED_BY, the enclosure doubled inside: {@code A ""B"" C}), else
         * delimiters and the escape itself escaped with ESCAPE_UNENCLOSED_FIELD (as in {@code pending\, silent}).
         */
        private String field(String v, boolean text) {
            char enc = csv.enclosure();
            if (enc != 0 && text) {
                String e = String.valueOf(enc);
                return e + v.replace(e, e + e) + e;
            }
            char esc = csv.escapeUnenclosed();
            if (esc == 0) {
                return v;
            }
            String e = String.valueOf(esc);
            String escaped = v.replace(e, e + e);
            if (!delimiter().isEmpty()) {
                escaped = escaped.replace(delimiter(), e + delimiter());
            }
            if (!recordDelimiter().isEmpty()) {
                escaped = escaped.replace(recordDelimiter(), e + recordDelimiter());
            }
            return escaped;
        }

        private void write(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            input += b.length;
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Called once every row was written: the file takes its name. */
        void finish() {
            if (out == null) {
                return;
            }
            try {
                out.close();
                out = null;
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                output = Files.size(file);
                done = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Without {@link #finish()} (a failure), the half-written file is removed. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary name is never listed
            }
        }
    }
}
