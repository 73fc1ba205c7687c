package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import org.duckdb.DuckDBAppender;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Staged files as rows of a staged-file table, whatever their format: JSON files give one column
 * {@code $1} (JSON), CSV files {@code $1..$n} (text) and the number of fields each record had; both
 * have the METADATA$ columns. COPY and stage queries read files through here.
 */
final class StagedFiles {
    /** The column holding a CSV record's field count (ERROR_ON_COLUMN_COUNT_MISMATCH is checked on it). */
    static final String FIELD_COUNT = "\"autosync$field_count\"";

    private StagedFiles() {
    }

    /** One record of a staged file: its values ({@code $1..}), field count, row number and first line. */
    record Row(List<String> values, int fields, long rowNumber, long line) {
    }

    /** A file's rows and where reading stopped. */
    record Read(List<Row> rows, JsonFiles.ParseError error) {
        long rowsParsed() {
            return rows.size() + (error == null ? 0 : 1);
        }
    }

    /** The formats that can be read here; others are refused by name. */
    static FileFormat requireLoadable(FileFormat ff) {
        if (!ff.isJson() && !ff.type().equals("CSV")) {
            throw SnowflakeError.unsupported("loading " + ff.type() + " files (the local emulator loads JSON and CSV)");
        }
        return ff;
    }

    /** The columns of a staged-file table for {@code width} values ({@code $1..$width}). */
    static String columnsDdl(FileFormat ff, int width) {
        StringBuilder sb = new StringBuilder();
        if (ff.isJson()) {
            sb.append("\"$1\" JSON");
        } else {
            for (int i = 1; i <= width; i++) {
                sb.append(i > 1 ? ", " : "").append("\"$").append(i).append("\" VARCHAR");
            }
        }
        sb.append(", \"METADATA$FILENAME\" VARCHAR, \"METADATA$FILE_ROW_NUMBER\" BIGINT, \"METADATA$FILE_CONTENT_KEY\" VARCHAR, "
                + "\"METADATA$FILE_LAST_MODIFIED\" TIMESTAMP, \"METADATA$START_SCAN_TIME\" TIMESTAMPTZ");
        if (!ff.isJson()) {
            sb.append(", ").append(FIELD_COUNT).append(" INTEGER");
        }
        return sb.toString();
    }

    /**
     * Reads a staged file; {@code byName} (CSV with PARSE_HEADER and MATCH_BY_COLUMN_NAME) puts each
     * column's field, found by the header's names, at the column's position.
     */
    static Read read(StagedFile f, FileFormat ff, List<String> byName, boolean caseInsensitive) {
        List<Row> rows = new ArrayList<>();
        if (ff.isJson()) {
            JsonFiles.Parsed p = JsonFiles.read(f.file(), ff);
            for (JsonFiles.Row r : p.rows()) {
                List<String> v = new ArrayList<>(1);
                v.add(r.json());
                rows.add(new Row(v, 1, r.rowNumber(), r.line()));
            }
            return new Read(rows, p.error());
        }
        CsvFiles.Parsed p = CsvFiles.read(f.file(), ff);
        int[] at = null;
        if (byName != null) {
            if (p.header() == null) {
                throw SnowflakeError.compilation("MATCH_BY_COLUMN_NAME with a CSV file format needs PARSE_HEADER = TRUE.");
            }
            at = CsvFiles.byHeader(p.header(), byName, caseInsensitive);
        }
        for (CsvFiles.Record r : p.records()) {
            List<String> values = r.fields();
            if (at != null) {
                List<String> picked = new ArrayList<>(at.length);
                for (int k : at) {
                    picked.add(k >= 0 && k < values.size() ? values.get(k) : null);
                }
                values = picked;
            }
            rows.add(new Row(values, at != null ? at.length : r.fields().size(), r.rowNumber(), r.line()));
        }
        return new Read(rows, p.error());
    }

    /** Appends a file's rows to a staged-file table made by {@link #columnsDdl} with {@code width} values. */
    static void append(DuckDBAppender app, FileFormat ff, int width, StagedFile f, List<Row> rows, OffsetDateTime scan)
            throws SQLException {
        String key = f.md5();
        LocalDateTime modified = LocalDateTime.ofInstant(f.lastModified(), ZoneOffset.UTC);
        int n = ff.isJson() ? 1 : width;
        for (Row r : rows) {
            app.beginRow();
            for (int i = 0; i < n; i++) {
                String v = i < r.values().size() ? r.values().get(i) : null;
                if (v == null) {
                    app.appendNull();
                } else {
                    app.append(v);
                }
            }
            app.append(f.relative());
            app.append(r.rowNumber());
            app.append(key);
            app.append(modified);
            app.append(scan);
            if (!ff.isJson()) {
                app.append(r.fields());
            }
            app.endRow();
        }
    }

    /** How many values a statement's text refers to ({@code $n} at most), at least one. */
    static int widthOf(String statementText) {
        int max = 1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$(\\d{1,4})").matcher(statementText);
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return max;
    }
}
