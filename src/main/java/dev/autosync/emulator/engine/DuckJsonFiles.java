package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Translator;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Reads a staged NDJSON file into a COPY's staged-file table with DuckDB's own reader
 * ({@code read_ndjson_objects}), one statement per file and no per-row Java, for the files whose
 * rows come out exactly as {@link JsonFiles} would make them. Everything else is left to
 * {@link JsonFiles}, which reports errors with Snowflake's line and character: a file DuckDB cannot
 * read (malformed, a byte order mark, invalid UTF-8, a document over several lines, a record over
 * 16 MB), and a file with a record whose text JsonFiles writes differently from DuckDB's
 * minified form or checks more strictly: escapes, numbers with a fraction or exponent (JsonFiles
 * writes them as decimals without trailing zeros, DuckDB as doubles), nested objects (duplicate keys are refused at every
 * level; DuckDB keeps them), duplicate top-level keys, and an array record (STRIP_OUTER_ARRAY).
 * The stored text (RAW_PAYLOAD) is therefore identical on both paths.
 */
final class DuckJsonFiles {
    private static final Set<String> COMPRESSIONS = Set.of("AUTO", "AUTO_DETECT", "NONE", "GZIP");
    /** Path characters DuckDB would read as a glob. */
    private static final Pattern GLOB = Pattern.compile("[*?\\[\\]{}\\\\]");
    /**
     * A record JsonFiles reads differently (see the class comment): in its minified text ({@code m}) an
     * escape, a number with a fraction or exponent, a nested object, an array record, NaN or Infinity
     * (DuckDB accepts them; JSON has no such values), or a duplicate top-level key; in its text as
     * written ({@code raw}) a trailing comma, which DuckDB accepts and drops. The top-level keys ({@code k}) are
     * read once per record; a key whose first position is not its own is a duplicate (cheaper than list_unique,
     * which builds a hash set per row); a record that is not an object has none.
     */
    private static final String NEEDS_JAVA = "regexp_matches(m, '\\\\|[0-9][.eE]|.\\{|^\\[|(^|[:,\\[])-?(?i:nan|inf)') "
            + "OR regexp_matches(raw, ',\\s*[}\\]]') "
            + "OR (len(k) > 1 AND list_bool_or(list_transform(k, lambda x, i: list_position(k, x) <> i)))";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    private DuckJsonFiles() {
    }

    /** Whether files of this format can be tried here at all. */
    static boolean serves(FileFormat ff) {
        String compression = ff.option("COMPRESSION") == null ? "AUTO" : ff.option("COMPRESSION").toUpperCase();
        return ff.isJson() && COMPRESSIONS.contains(compression) && !ff.flag("STRIP_NULL_VALUES")
                && !ff.flag("REPLACE_INVALID_CHARACTERS") && !ff.flag("IGNORE_UTF8_ERRORS");
    }

    /**
     * Fills {@code plan}'s staged-file table (emptied first) with the file's records, numbered from 1
     * in file order; returns how many, or -1 with the table empty when {@link JsonFiles} must read it.
     */
    static long fill(Session session, CopyPlan plan, StagedFile f, OffsetDateTime scan) throws SQLException {
        session.exec("DELETE FROM " + plan.rowsTable());
        String rows = rows(plan, f, scan);
        if (rows == null) {
            return -1;
        }
        String insert = "INSERT INTO " + plan.rowsTable() + " (\"$1\", \"METADATA$FILENAME\", \"METADATA$FILE_ROW_NUMBER\", "
                + "\"METADATA$FILE_CONTENT_KEY\", \"METADATA$FILE_LAST_MODIFIED\", \"METADATA$START_SCAN_TIME\") SELECT * FROM " + rows;
        try (Statement s = session.conn().createStatement()) {
            return s.executeUpdate(insert);
        } catch (SQLException e) {
            session.exec("DELETE FROM " + plan.rowsTable());
            return -1;
        }
    }

    /**
     * The file's rows as a relation with the columns of {@code plan}'s staged-file table ({@code $1} and
     * the METADATA$ columns), or null when the file is not for this reader at all; running it fails
     * for a file that {@link JsonFiles} must read.
     */
    static String rows(CopyPlan plan, StagedFile f, OffsetDateTime scan) {
        return rows(plan.format(), f, scan);
    }

    /** {@link #rows(CopyPlan, StagedFile, OffsetDateTime)} for files of format {@code ff}. */
    static String rows(FileFormat ff, StagedFile f, OffsetDateTime scan) {
        String path = f.file().toAbsolutePath().toString();
        if (!serves(ff) || GLOB.matcher(path).find()) {
            return null;
        }
        boolean gzip = gzip(ff, f);
        return "(SELECT CAST(record AS JSON) AS \"$1\", CAST(" + Translator.literal(f.relative()) + " AS VARCHAR) AS \"METADATA$FILENAME\", "
                + "CAST(row_number AS BIGINT) AS \"METADATA$FILE_ROW_NUMBER\", CAST(" + literalOrNull(f.md5())
                + " AS VARCHAR) AS \"METADATA$FILE_CONTENT_KEY\", " + modified(f) + " AS \"METADATA$FILE_LAST_MODIFIED\", "
                + scanTime(scan) + " AS \"METADATA$START_SCAN_TIME\" FROM "
                + records(read(List.of(path), gzip, false), !gzip && f.verbatimLines(), false) + ")";
    }

    /**
     * Several files' rows as one relation, the rows {@link #rows} gives for each, read by one
     * {@code read_ndjson_objects} over the list of files: about a quarter less work than a UNION ALL of
     * one read per file. The reader numbers the records of the list in order, so a file's row numbers are
     * that numbering less the records of the files before it ({@code counts}, from {@link #counts}); a row
     * numbered outside its own file's range fails the statement, so rows of files read out of order
     * cannot get wrong numbers. Null when a file is not for this reader or the files differ in compression.
     */
    static String groupRows(FileFormat ff, List<StagedFile> files, long[] counts, OffsetDateTime scan) {
        if (!serves(ff)) {
            return null;
        }
        boolean gzip = gzip(ff, files.get(0));
        List<String> paths = new ArrayList<>();
        StringBuilder meta = new StringBuilder();
        long offset = 0;
        boolean verbatim = !gzip;
        for (int i = 0; i < files.size(); i++) {
            StagedFile f = files.get(i);
            String path = f.file().toAbsolutePath().toString();
            if (GLOB.matcher(path).find() || gzip(ff, f) != gzip) {
                return null;
            }
            paths.add(path);
            verbatim = verbatim && f.verbatimLines();
            meta.append(i == 0 ? "" : ", ").append("(").append(Translator.literal(path)).append(", ")
                    .append(Translator.literal(f.relative())).append(", ").append(offset).append(", ").append(counts[i]).append(", ")
                    .append(literalOrNull(f.md5())).append(", ").append(modified(f)).append(")");
            offset += counts[i];
        }
        return "(SELECT CAST(x.record AS JSON) AS \"$1\", CAST(m.relative AS VARCHAR) AS \"METADATA$FILENAME\", "
                + "CAST(CASE WHEN x.row_number <= m.first OR x.row_number > m.first + m.count "
                + "THEN error('a file of the group was read out of order') ELSE x.row_number - m.first END AS BIGINT) "
                + "AS \"METADATA$FILE_ROW_NUMBER\", CAST(m.content_key AS VARCHAR) AS \"METADATA$FILE_CONTENT_KEY\", "
                + "m.modified AS \"METADATA$FILE_LAST_MODIFIED\", " + scanTime(scan) + " AS \"METADATA$START_SCAN_TIME\" FROM "
                + records(read(paths, gzip, true), verbatim, true) + " AS x JOIN (VALUES " + meta
                + ") AS m(path, relative, first, count, content_key, modified) ON x.filename = m.path)";
    }

    /**
     * Each file's record count, in one query over the list (DuckDB reads only the record boundaries for a
     * count); the files as {@link #groupRows} reads them.
     */
    static long[] counts(java.sql.Connection conn, FileFormat ff, List<StagedFile> files) throws SQLException {
        List<String> paths = files.stream().map(f -> f.file().toAbsolutePath().toString()).toList();
        java.util.Map<String, Long> byPath = new java.util.HashMap<>();
        try (Statement s = conn.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT filename, count(*) FROM "
                + read(paths, gzip(ff, files.get(0)), true) + " GROUP BY filename")) {
            while (rs.next()) {
                byPath.put(rs.getString(1), rs.getLong(2));
            }
        }
        return paths.stream().mapToLong(p -> byPath.getOrDefault(p, 0L)).toArray();
    }

    /**
     * The file's records as a relation (record VARCHAR: the text JsonFiles would keep, row_number
     * BIGINT: from 1 in file order); running it fails for a file that is not for this reader.
     */
    static String records(String path, boolean gzip) {
        return records(read(List.of(path), gzip, false), !gzip && VerbatimJsonLines.verbatim(Path.of(path)), false);
    }

    /**
     * The records {@code read} yields, as {@link #records(String, boolean)} describes; {@code verbatim} when every line
     * is already the text the decision would keep (see {@link VerbatimJsonLines}), {@code withFile} to keep the
     * reader's filename column (read with {@code filename = true}).
     */
    private static String records(String read, boolean verbatim, boolean withFile) {
        String alias = withFile ? " WITH ORDINALITY AS r(j, filename, o)" : " WITH ORDINALITY AS r(j, o)";
        String file = withFile ? ", r.filename AS filename" : "";
        if (verbatim) {
            // every record's text is already what the decision below would keep, and none would be refused
            return "(SELECT r.j AS record, r.o AS row_number" + file + " FROM " + read + alias + ")";
        }
        return "(SELECT CASE WHEN " + NEEDS_JAVA + " THEN error('read by JsonFiles') ELSE m END AS record, o AS row_number"
                + (withFile ? ", filename" : "") + " FROM (SELECT CAST(json(r.j) AS VARCHAR) AS m, CAST(r.j AS VARCHAR) AS raw, "
                + "json_keys(r.j) AS k, r.o AS o" + file + " FROM " + read + alias + "))";
    }

    private static String read(List<String> paths, boolean gzip, boolean withFile) {
        String files = paths.size() == 1 ? Translator.literal(paths.get(0))
                : paths.stream().map(Translator::literal).collect(Collectors.joining(", ", "[", "]"));
        return "read_ndjson_objects(" + files + ", compression = '" + (gzip ? "gzip" : "uncompressed") + "'"
                + (withFile ? ", filename = true" : "") + ")";
    }

    /** Whether the file is read as gzip: the format says so, or leaves it to detection and the file starts with gzip's magic. */
    static boolean gzip(FileFormat ff, StagedFile f) {
        String compression = ff.option("COMPRESSION") == null ? "AUTO" : ff.option("COMPRESSION").toUpperCase();
        return compression.equals("GZIP") || (!compression.equals("NONE") && f.gzipMagic());
    }

    private static String modified(StagedFile f) {
        return "CAST('" + MICROS.format(LocalDateTime.ofInstant(f.lastModified(), ZoneOffset.UTC)) + "' AS TIMESTAMP)";
    }

    private static String scanTime(OffsetDateTime scan) {
        return "CAST('" + MICROS.format(scan.withOffsetSameInstant(ZoneOffset.UTC)) + "+00' AS TIMESTAMPTZ)";
    }

    private static String literalOrNull(String s) {
        return s == null ? "NULL" : Translator.literal(s);
    }
}
