package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DuckDB's bulk reader against the Java reader it stands in for (Snowflake's "Preparing to load
 * data: JSON" rules are implemented by {@link JsonFiles}): for any file, the bulk reader either
 * refuses it (and JsonFiles reads it) or yields exactly JsonFiles' rows, the same text (what
 * RAW_PAYLOAD stores) and row numbers. Never a different value, never a row JsonFiles would refuse.
 */
class DuckJsonFilesTest {
    private static final FileFormat JSON = FileFormat.of(jsonFormat());

    private static ObjectNode jsonFormat() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TYPE", "JSON");
        o.put("STRIP_OUTER_ARRAY", "TRUE");
        return o;
    }

    /** The bulk reader's rows ("text|row number"), or null when it refuses the file. */
    private static List<String> bulk(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT record, row_number FROM " + DuckJsonFiles.records(file.toString(), false)
                     + " ORDER BY row_number")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            return null;
        }
    }

    /** JsonFiles' rows, or null when it reports an error. */
    private static List<String> java(Path file) {
        JsonFiles.Parsed p = JsonFiles.read(file, JSON);
        if (p.error() != null) {
            return null;
        }
        return p.rows().stream().map(r -> r.json() + "|" + r.rowNumber()).toList();
    }

    private static Path write(String content) {
        try {
            Path f = Files.createTempFile("duck-json", ".json");
            Files.write(f, content.getBytes(StandardCharsets.UTF_8));
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void theBulkReaderRefusesAFileOrReadsItExactlyAsJsonFiles(@ForAll("files") String content) {
        Path f = write(content);
        List<String> bulk = bulk(f);
        if (bulk != null) {
            assertEquals(java(f), bulk, content);
        }
    }

    @Test
    void plainRecordsWithCrlfAndBlankLinesAreReadInBulkWithTheirRowNumbers() {
        Path f = write("{\"id\": \"a\", \"n\": 12}\r\n\r\n  \n{\"id\":\"b\",\"ok\":true,\"none\":null,\"list\":[1,2]}\r\n{\"id\":\"é\"}");
        assertEquals(List.of("{\"id\":\"a\",\"n\":12}|1", "{\"id\":\"b\",\"ok\":true,\"none\":null,\"list\":[1,2]}|2",
                "{\"id\":\"é\"}|3"), bulk(f));
        assertEquals(java(f), bulk(f));
    }

    @Test
    void whatDuckDbReadsLeniantlyOrWritesDifferentlyIsLeftToJsonFiles() {
        for (String content : List.of(
                "{\"a\":1,}\n",                       // trailing comma: DuckDB drops it, Snowflake refuses
                "{\"a\":[1,2,]}\n",
                "{\"a\":NaN}\n", "{\"a\":-Infinity}\n", "{\"a\":inf}\n",
                "{\"a\":1,\"a\":2}\n",                // duplicate key: DuckDB keeps both
                "{\"o\":{\"a\":1,\"a\":2}}\n",        // nested: not checked by DuckDB
                "{\"a\":1.50}\n", "{\"a\":1e5}\n",    // JsonFiles keeps the number as written
                "{\"a\":\"x\\u0041\\n\"}\n",          // escapes
                "\uFEFF{\"a\":1}\n",                  // byte order mark
                "[{\"a\":1},{\"a\":2}]\n",            // STRIP_OUTER_ARRAY
                "{\"a\":1}{\"b\":2}\n",               // two documents on a line
                "{\n\"a\":1}\n",                      // a document over two lines
                "{\"a\":1}\n{\"b\":\n")) {            // truncated
            assertNull(bulk(write(content)), content);
        }
    }

    /**
     * The records DuckDB reads that JsonFiles reads differently, as decided at 4348e96 (two json_keys and
     * list_distinct per record); the decision may get cheaper but must not change.
     */
    private static final String DECISION_AT_4348E96 = "SELECT count(*) FILTER (WHERE regexp_matches(m, "
            + "'\\\\|[0-9][.eE]|.\\{|^\\[|(^|[:,\\[])-?(?i:nan|inf)') OR regexp_matches(raw, ',\\s*[}\\]]') "
            + "OR (starts_with(m, '{') AND len(json_keys(m)) <> len(list_distinct(json_keys(m))))) FROM (SELECT CAST(json(r.j) "
            + "AS VARCHAR) AS m, CAST(r.j AS VARCHAR) AS raw FROM read_ndjson_objects('@PATH@', compression = 'uncompressed') AS r(j))";

    /** Whether the 4348e96 decision sends a record of {@code file} to JsonFiles; null when DuckDB cannot read the file. */
    private static Boolean refusedAt4348e96(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(DECISION_AT_4348E96.replace("@PATH@", file.toString()))) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            return null;
        }
    }

    @Property(tries = 400)
    void theBulkReaderRefusesExactlyTheRecordsItRefusedBefore(@ForAll("records") String record) {
        Path f = write(record + "\n");
        Boolean before = refusedAt4348e96(f);
        if (before != null) {
            assertEquals(before, bulk(f) == null, record);
        }
    }

    @Test
    void everyKindOfRecordJsonFilesReadsDifferentlyIsStillRefusedAndOthersAreNot() {
        List<String> refused = List.of("{\"a\":\"x\\\"y\"}", "{\"a\":2.0}", "{\"a\":1E5}", "{\"a\":[1e-2]}",
                "{\"o\":{\"a\":1}}", "{\"a\":[{\"b\":1}]}", "[1,2]", "[]", "{\"a\":[NaN]}", "{\"a\":-Infinity}", "{\"a\":-inf}",
                "{\"b\":1,\"a\":2,\"b\":3}", "{\"a\":1 , }", "{\"a\":[1,\t]}", "{\"a\":\"S1.5\"}", "{\"a\":\"x,nan\"}");
        for (String r : refused) {
            Path f = write(r + "\n");
            assertEquals(Boolean.TRUE, refusedAt4348e96(f), r);
            assertNull(bulk(f), r);
        }
        for (String r : List.of("{\"a\":\"banana\",\"b\":\"info\"}", "{\"a\":1,\"b\":[1,2],\"c\":null}", "{}", "{\"a\":-12}",
                "{\"ab\":1,\"a\":2,\"b\":3}",
                "{\"a\\u0062\":1}")) {                      // DuckDB's minified text has no escape left here
            Path f = write(r + "\n");
            assertEquals(Boolean.FALSE, refusedAt4348e96(f), r);
            assertEquals(java(f), bulk(f), r);
        }
    }

    @Test
    void aHugeRecordIsReadWhole() {
        String big = "{\"id\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}\n";
        Path f = write("{\"id\":\"small\"}\n" + big);
        List<String> bulk = bulk(f);
        assertEquals(2, bulk.size());
        assertTrue(bulk.get(1).endsWith("|2"));
        assertTrue(java(f).equals(bulk), "the same rows as JsonFiles'");
    }

    /** One-line records of every kind the decision distinguishes, and near misses. */
    @Provide
    Arbitrary<String> records() {
        Arbitrary<String> key = Arbitraries.of("a", "b", "a", "\\u0061", "x1", "n");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("1", "-0", "12", "2.5", "1e3", "1E-3", "-1.0", "NaN", "-Infinity", "inf", "nan", "true", "null",
                        "[]", "[1,2]", "[1 ,]", "[NaN]", "{}", "{\"c\":1}", "[{\"c\":1}]"),
                Arbitraries.strings().withChars("ab19.eEnNiI,:[{}\\\" ").ofMaxLength(6)
                        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        Arbitrary<String> member = Combinators.combine(key, value, Arbitraries.of(":", " : "))
                .as((k, v, colon) -> "\"" + k + "\"" + colon + v);
        Arbitrary<String> object = Combinators.combine(member.list().ofMaxSize(4), Arbitraries.of("", ",", " , ", ",\t"))
                .as((ms, end) -> "{" + String.join(",", ms) + (ms.isEmpty() ? "" : end) + "}");
        Arbitrary<String> array = value.list().ofMaxSize(3).map(vs -> "[" + String.join(",", vs) + "]");
        return Arbitraries.oneOf(object, object, object, array, value);
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> key = Arbitraries.of("a", "b", "id", "é", "x y", "a");
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.of("1", "-0", "0", "12345678901234567890123", "1.50", "1e5", "-2.5E-3", "true", "false", "null",
                        "NaN", "Infinity"),
                Arbitraries.strings().withChars("abcé\"\\/\u00e9\u2028{}[],: ").ofMaxLength(6)
                        .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of("\"\\u0041\"", "\"tab\\t\"", "\"{\"", "\"[1,]\""));
        Arbitrary<String> member = Combinators.combine(key, scalar, Arbitraries.of(":", " : ", ":"))
                .as((k, v, colon) -> "\"" + k + "\"" + colon + v);
        Arbitrary<String> object = member.list().ofMaxSize(4).map(ms -> "{" + String.join(",", ms) + "}");
        Arbitrary<String> nested = object.map(o -> "{\"n\":" + o + "}");
        Arbitrary<String> array = scalar.list().ofMaxSize(3).map(vs -> "[" + String.join(",", vs) + "]");
        Arbitrary<String> record = Arbitraries.oneOf(object, object, object, nested, array,
                Arbitraries.of("{\"a\":1,}", "{\"a\":1", "", "  ", "{\"a\":1}{\"b\":2}"));
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\n\n");
        return Combinators.combine(record, eol).as((r, e) -> r + e).list().ofMinSize(0).ofMaxSize(5)
                .map(lines -> String.join("", lines));
    }
}
