package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass check that lets a file's records skip the per-record decision of {@link DuckJsonFiles}: a line it
 * accepts is stored as written, so the line must be what JsonFiles (Snowflake's "Preparing to load data: JSON"
 * rules, user-guide/data-load-prepare) and DuckDB's minified text both make of it, and a record the per-record
 * decision reads (never one it refuses).
 */
class VerbatimJsonLinesTest {
    private static final FileFormat JSON = FileFormat.of(JsonNodeFactory.instance.objectNode().put("TYPE", "JSON"));

    private static Path write(String content) {
        try {
            Path f = Files.createTempFile("verbatim", ".json");
            Files.write(f, content.getBytes(StandardCharsets.UTF_8));
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean line(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return VerbatimJsonLines.line(b, 0, b.length);
    }

    /** DuckDB's minified text of the record, and whether the per-record decision refuses it; null when DuckDB cannot read it. */
    private static String[] duck(String record) {
        Path f = write(record + "\n");
        String sql = "SELECT CAST(json(r.j) AS VARCHAR), " + decision() + " FROM read_ndjson_objects('" + f
                + "', compression = 'uncompressed') AS r(j)";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        } catch (SQLException e) {
            return null;
        }
    }

    /** DuckJsonFiles' per-record decision, as a boolean over r.j (the text after its first CASE WHEN). */
    private static String decision() {
        String records = DuckJsonFiles.records("/nonexistent/x.json", false);
        String cond = records.substring("(SELECT CASE WHEN ".length(), records.indexOf(" THEN error("));
        return "(SELECT " + cond + " FROM (SELECT CAST(json(r.j) AS VARCHAR) AS m, CAST(r.j AS VARCHAR) AS raw, json_keys(r.j) AS k))";
    }

    @Property(tries = 500)
    void anAcceptedLineIsStoredAsWrittenByBothReadersAndNotRefused(@ForAll("lines") String record) {
        boolean accepted = line(record);
        Statistics.collect(accepted);
        // the property says something only if a good share of the generated lines take the fast path
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 5));
        if (!accepted) {
            return;
        }
        String shown = shown(record);
        JsonFiles.Parsed parsed = JsonFiles.read(write(record + "\n"), JSON);
        assertEquals(null, parsed.error(), shown);
        assertEquals(List.of(shown), parsed.rows().stream().map(r -> shown(r.json())).toList(), shown);
        String[] duck = duck(record);
        assertEquals(shown, shown(duck[0]), shown);
        assertEquals("false", duck[1], shown);
    }

    /** The text with each character outside printable ASCII as a Java escape, for readable failures. */
    private static String shown(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    @Test
    void typicalRecordsAreAcceptedAndEveryRuleRefusesItsCase() {
        for (String ok : List.of("{}", "{\"event_id\":\"e0\",\"student_id\":\"S0\",\"attendance_date\":\"2026-09-01\","
                        + "\"event_timestamp\":\"2026-09-01T08:00:00Z\"}", "{\"a\":-12,\"b\":[1,[2,true],null],\"c\":false}",
                "{\"name\":\"Zoë Ñúñez 北京 😀\",\"ab\":1,\"a\":2}", "{\"a\":\"x, y\",\"b\":\"i n f\",\"c\":\"}\"}")) {
            assertTrue(line(ok), ok);
        }
        for (String refused : List.of("", "[1]", "5", "\"s\"", "{\"a\":1} ", " {\"a\":1}", "{\"a\": 1}", "{\"a\":1}\r",
                "{\"a\":1,\"a\":2}", "{\"o\":{\"a\":1}}", "{\"a\":[{\"b\":1}]}", "{\"a\":\"{\"}", "{\"a\":\"x\\\"\"}",
                "{\"a\":1.5}", "{\"a\":1e5}", "{\"a\":\"v1.2\"}", "{\"a\":\"2E\"}", "{\"a\":-0}", "{\"a\":007}",
                "{\"a\":1234567890123456789}", "{\"a\":NaN}", "{\"a\":\"x:inf\"}", "{\"a\":\"[-NaN\"}", "{\"a\":\"a,]\"}",
                "{\"a\":1,}", "{\"a\":[1,]}", "{\"a\":tru}", "{\"a\":\"\t\"}", "{\"a\":1", "{\"a\"}", "{\"a\":1}{\"b\":2}",
                "{\"a\":\"\u0000\"}")) {
            assertFalse(line(refused), refused);
        }
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'};
        assertFalse(VerbatimJsonLines.line(invalidUtf8, 0, invalidUtf8.length));
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
        assertFalse(VerbatimJsonLines.line(surrogate, 0, surrogate.length));
    }

    @Test
    void aFileIsVerbatimOnlyWhenEveryLineIs() {
        String rec = "{\"event_id\":\"e1\",\"n\":1}";
        assertTrue(VerbatimJsonLines.verbatim(write(rec + "\n" + rec + "\n")));
        assertTrue(VerbatimJsonLines.verbatim(write(rec + "\n" + rec)), "the last line without a newline");
        assertFalse(VerbatimJsonLines.verbatim(write(rec + "\n\n" + rec + "\n")), "a blank line");
        assertFalse(VerbatimJsonLines.verbatim(write(rec + "\r\n")), "CR LF");
        assertFalse(VerbatimJsonLines.verbatim(write("\uFEFF" + rec + "\n")), "a byte order mark");
        assertFalse(VerbatimJsonLines.verbatim(write(rec + "\n{\"a\":1.5}\n")), "one line refused");
        assertFalse(VerbatimJsonLines.verbatim(write("")), "no record");
        assertFalse(VerbatimJsonLines.verbatim(Path.of("/nonexistent/file.json")));
        String wide = "{\"id\":\"" + "x".repeat(200_000) + "\"}";
        assertTrue(VerbatimJsonLines.verbatim(write((rec + "\n").repeat(5000) + wide + "\n" + rec + "\n")),
                "lines across buffer boundaries and a line longer than the buffer");
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> key = Arbitraries.of("a", "b", "id", "é", "x y", "a", "北");
        Arbitrary<String> text = Arbitraries.strings().withChars("abc019.eE,:[]{}-nNaAiIfF \u00e9\u2028/").ofMaxLength(6)
                .map(s -> "\"" + s + "\"");
        Arbitrary<String> scalar = Arbitraries.oneOf(text, Arbitraries.of("1", "-0", "0", "-7", "123456789012345678",
                "1234567890123456789", "1.50", "1e5", "true", "false", "null", "NaN", "01", "\"😀 北\""));
        Arbitrary<String> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(v -> "[" + String.join(",", v) + "]"),
                Arbitraries.of("{}", "{\"c\":1}", "[[1],[]]"));
        Arbitrary<String> member = Combinators.combine(key, value, Arbitraries.of(":", ":", " :")).as((k, v, c) -> "\"" + k + "\"" + c + v);
        return Combinators.combine(member.list().ofMaxSize(4), Arbitraries.of("", "", ",", " "))
                .as((ms, tail) -> "{" + String.join(",", ms) + tail + "}");
    }
}
