package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.execute;
import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BINARY operands of string and bitwise functions, collation specifications, PARSE_IP, COMPRESS and number format
 * models, as their Snowflake pages document them (named per test), through snowflake-jdbc.
 */
class StringBinaryCollationTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        try (Connection c = fx.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE SBC");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Connection connect(String format) throws SQLException {
        return format.equals("JSON") ? fx.connectJson("SBC", "PUBLIC") : fx.connect("SBC", "PUBLIC");
    }

    /** bitand / bitnot / bitshiftleft / bitshiftright pages: BINARY operands work byte for byte and stay BINARY. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void bitwiseFunctionsOnBinaryValues(String format) throws SQLException {
        try (Connection c = connect(format)) {
            String t = "bits_" + format;
            execute(c, "CREATE OR REPLACE TABLE " + t + " (id INT, bit1 BINARY(2), bit3 BINARY(4))",
                    "INSERT INTO " + t + " VALUES (3, x'BCBC', x'ABCDABCD')");
            assertEquals(List.of("0000A88C|ABCDBFFD|A88C0000|4343|7978|00BC"), rows(c, "SELECT BITAND(bit1, bit3, 'LEFT'), "
                    + "BITOR(bit1, bit3, 'LEFT'), BITAND(bit1, bit3, 'RIGHT'), BITNOT(bit1), BITSHIFTLEFT(bit1, 1), "
                    + "BITSHIFTRIGHT(bit1, 8) FROM " + t));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT BITXOR(bit1, x'EEFF') FROM " + t)) {
                rs.next();
                assertEquals("BINARY", rs.getMetaData().getColumnTypeName(1));
                assertArrayEquals(new byte[] {0x52, 0x43}, rs.getBytes(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT BITAND(bit1, bit3) FROM " + t));
            assertEquals(100544, e.getErrorCode());
            assertTrue(e.getMessage().contains("first length 2, second length 4"), e.getMessage());
            // integers are unchanged
            assertEquals(List.of("16|24|8|-17|32"), rows(c, "SELECT BITAND(16, 24), BITOR(16, 24), BITXOR(16, 24), BITNOT(16), "
                    + "BITSHIFTLEFT(16, 1)"));
        }
    }

    /** length, octet_length, bit_length, charindex, lpad / rpad pages: a BINARY counts and pads in bytes. */
    @Test
    void lengthsPositionsAndPaddingOfBinaryValues() throws SQLException {
        try (Connection c = connect("ARROW")) {
            assertEquals(List.of("2|2|16|3|0|4"), rows(c, "SELECT LENGTH(X'A1B2'), OCTET_LENGTH(X'A1B2'), BIT_LENGTH(X'A1B2'), "
                    + "CHARINDEX(X'EF', X'ABCDEF'), CHARINDEX(X'BC', X'ABCD'), OCTET_LENGTH('\\u0394\\u0394')"));
            assertEquals(List.of("FFFFFF4869|4869FFFFFF|48"), rows(c, "SELECT LPAD(X'4869', 5, X'FF'), RPAD(X'4869', 5, X'FF'), "
                    + "LPAD(X'4869', 1, X'FF')"));
            // lpad page: text selected into a BINARY column is read as hex (BINARY_INPUT_FORMAT)
            execute(c, "CREATE OR REPLACE TABLE pad_bin (v VARCHAR, b BINARY)",
                    "INSERT INTO pad_bin (v, b) SELECT '-123.00', HEX_ENCODE('-123.00')");
            assertEquals(List.of("-123.00|2D3132332E3030"), rows(c, "SELECT v, b FROM pad_bin"));
        }
    }

    /** collation page: ci / upper / lower / locale specifications decide comparisons, order, MAX and COUNT(DISTINCT). */
    @Test
    void collationSpecificationsCompareAsDocumented() throws SQLException {
        try (Connection c = connect("ARROW")) {
            assertEquals(List.of("TRUE|FALSE|TRUE|FALSE|TRUE"), rows(c, "SELECT 'Abc' = 'abc' COLLATE 'en-ci', "
                    + "'Abc' = 'abc' COLLATE 'en', 'E' = 'É' COLLATE 'fr-ai', '+' < '-' COLLATE 'en-ci', '+' < '-' COLLATE 'upper'"));
            assertEquals(List.of("TRUE|FALSE|TRUE|FALSE"), rows(c, "SELECT '  ABC ' = 'ABC' COLLATE 'en-trim', "
                    + "'  ABC ' = 'ABC' COLLATE 'en-rtrim', 'A-B-C' = 'ABC' COLLATE 'en-pi', 'A-B-C' = 'ABC' COLLATE 'en-ps'"));
            execute(c, "CREATE OR REPLACE TABLE widths (cp STRING)", "INSERT INTO widths VALUES ('a'), ('A'), ('ａ'), ('Ａ')");
            assertEquals(List.of("4|1|2"), rows(c, "SELECT COUNT(DISTINCT cp), COUNT(DISTINCT cp COLLATE 'en-ci'), "
                    + "COUNT(DISTINCT cp COLLATE 'upper') FROM widths"));
            execute(c, "CREATE OR REPLACE TABLE phrases (p VARCHAR)",
                    "INSERT INTO phrases VALUES ('piña colada'), ('Pinatubo (Mount)'), ('pint'), ('Pinta'), ('piñata')");
            assertEquals(List.of("Pinatubo (Mount)", "pint", "Pinta", "piña colada", "piñata"),
                    rows(c, "SELECT p FROM phrases ORDER BY p COLLATE 'es'"));
            assertEquals(List.of("Pinatubo (Mount)", "Pinta", "pint", "piña colada", "piñata"),
                    rows(c, "SELECT p FROM phrases ORDER BY COLLATE(p, 'utf8')"));
            // MAX under a collation: 'Pinta' sorts after 'pint' in Spanish, before it by code point
            assertEquals(List.of("Pinta|pint"), rows(c, "SELECT MAX(p COLLATE 'es'), MAX(p) FROM phrases WHERE p IN ('pint', 'Pinta')"));
            // contains / endswith pages: ñ is an accented n in English, a letter of its own in Spanish
            assertEquals(List.of("TRUE|FALSE|TRUE|FALSE"), rows(c, "SELECT CONTAINS(COLLATE('ñ', 'en-ci-ai'), 'n'), "
                    + "CONTAINS(COLLATE('ñ', 'es-ci-ai'), 'n'), ENDSWITH(COLLATE('nñ', 'en-ci-ai'), 'n'), "
                    + "STARTSWITH(COLLATE('ñn', 'es-ci-ai'), 'n')"));
            // collate / lower pages: COLLATION of a collated value, locale case rules
            assertEquals(List.of("es-ci|ı|İ"), rows(c, "SELECT COLLATION(COLLATE('x', 'es-ci')), LOWER('I' COLLATE 'tr'), "
                    + "UPPER('i' COLLATE 'tr')"));
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT 'a' = 'b' COLLATE 'en-nonsense'"));
            assertTrue(e.getMessage().contains("Invalid collation specification"), e.getMessage());
        }
    }

    /**
     * collation page (character weights, combining sequences): upper / lower convert with full Unicode case mapping, an ICU
     * collation matches whole characters in CONTAINS, and REPLACE ignores a pattern the collation ignores entirely.
     */
    @Test
    void caseConversionCombiningSequencesAndReplaceUnderCollations() throws SQLException {
        try (Connection c = connect("ARROW")) {
            // upper of U+0390 is U+0399 U+0308 U+0301, the upper of the decomposed sequence; U+0390 is its own lower
            assertEquals(List.of("TRUE|FALSE|FALSE"), rows(c, "SELECT '\\u03b9\\u0308\\u0301' = '\\u0390' COLLATE 'upper', "
                    + "'\\u03b9\\u0308\\u0301' = '\\u0390' COLLATE 'lower', '\\u03b9\\u0308\\u0301' = '\\u0390'"));
            // en-ci does not find a base letter or a lone combining mark inside U+03B9 U+0308; upper compares code points
            assertEquals(List.of("FALSE|FALSE|TRUE|TRUE|TRUE"), rows(c, "SELECT CONTAINS('\\u03b9\\u0308', '\\u03b9' COLLATE 'en-ci'), "
                    + "CONTAINS('\\u03b9\\u0308', '\\u0308' COLLATE 'en-ci'), CONTAINS('\\u03b9\\u0308', '\\u03b9' COLLATE 'upper'), "
                    + "STARTSWITH('\\u03b9\\u0308x' COLLATE 'en-ci', '\\u03b9\\u0308'), ENDSWITH('x\\u03b9\\u0308' COLLATE 'en-ci', "
                    + "'\\u03b9\\u0308')"));
            // U+0001 is ignorable under en-ci: REPLACE leaves it; upper removes it; ci replaces in any case
            assertEquals(List.of("4|3|xYzx|aXa|aXa"), rows(c, "SELECT LEN(REPLACE('abc\\u0001' COLLATE 'en-ci', '\\u0001')), "
                    + "LEN(REPLACE('abc\\u0001' COLLATE 'upper', '\\u0001')), REPLACE('aYza' COLLATE 'en-ci', 'A', 'x'), "
                    + "REPLACE('aBa' COLLATE 'upper', 'b', 'X'), REPLACE('aBa' COLLATE 'utf8', 'B', 'X')"));
        }
    }

    /** collation page: a column's COLLATE clause shows in DESC TABLE and orders the column; COLLATE 'utf8' sets it aside. */
    @Test
    void columnCollationsOrderAndDescribe() throws SQLException {
        try (Connection c = connect("ARROW")) {
            execute(c, "CREATE OR REPLACE TABLE coll_demo (p VARCHAR COLLATE 'es', u VARCHAR COLLATE 'upper', n VARCHAR)",
                    "INSERT INTO coll_demo VALUES ('pint', 'b', 'pint'), ('Pinta', 'A', 'Pinta')");
            assertEquals(List.of("pint", "Pinta"), rows(c, "SELECT p FROM coll_demo ORDER BY p"));
            assertEquals(List.of("Pinta", "pint"), rows(c, "SELECT p FROM coll_demo ORDER BY p COLLATE 'utf8'"));
            assertEquals(List.of("A", "b"), rows(c, "SELECT u FROM coll_demo ORDER BY u"));
            assertEquals(List.of("P|VARCHAR(16777216) COLLATE 'es'", "U|VARCHAR(16777216) COLLATE 'upper'", "N|VARCHAR(16777216)"),
                    describe(c));
        }
    }

    /**
     * collation page (COLLATION of a column declared with COLLATE is its specification), collation-support page
     * (accent-insensitive: under 'es-ai' ñ is a letter of its own, so 'piñata' and 'pinata' differ, while an accent on a
     * vowel is ignored); a column declared without COLLATE has none.
     */
    @Test
    void declaredColumnCollationsAreReadAndCompared() throws SQLException {
        try (Connection c = connect("ARROW")) {
            execute(c, "CREATE OR REPLACE TABLE declared (s VARCHAR COLLATE 'es-ai', t VARCHAR)",
                    "INSERT INTO declared VALUES ('piñata', 'pinata')");
            assertEquals(List.of("es-ai|null|FALSE|TRUE|FALSE|TRUE"), rows(c, "SELECT COLLATION(s), COLLATION(t), s = t,"
                    + " d.s = 'piñatá', s = 'PIÑATA', t = 'pinata' FROM declared d"));
            assertEquals(List.of("es-ai|1"), rows(c, "SELECT COLLATION(x.s), (SELECT COUNT(*) FROM declared y WHERE y.s = 'piñatà')"
                    + " FROM declared x WHERE x.s <> x.t"));
        }
    }

    private static List<String> describe(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("DESC TABLE coll_demo")) {
            while (rs.next()) {
                out.add(rs.getString("name") + "|" + rs.getString("type"));
            }
        }
        return out;
    }

    /** parse_ip page: the components of an IPv4 and an IPv6 address with a netmask. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void parseIpGivesTheDocumentedComponents(String format) throws SQLException {
        try (Connection c = connect(format)) {
            assertEquals(List.of("4|3232297660|3232297472|3232297727|24"), rows(c, "SELECT v:family, v:ipv4, v:ipv4_range_start, "
                    + "v:ipv4_range_end, v:netmask_prefix_length FROM (SELECT PARSE_IP('192.168.242.188/24', 'INET') AS v)"));
            assertEquals(List.of("\"FE80000000000000020C29FFFE2C0429\"|[4269801472,0,34351615,4264297513]"),
                    rows(c, "SELECT v:hex_ipv6, TO_JSON(v:ip_fields) FROM (SELECT PARSE_IP('fe80::20c:29ff:fe2c:429/64', 'INET') AS v)"));
            assertEquals(List.of("TRUE"), rows(c, "SELECT PARSE_IP('not an ip', 'INET', 1):error IS NOT NULL"));
            assertThrows(SQLException.class, () -> rows(c, "SELECT PARSE_IP('300.1.1.1', 'INET')"));
        }
    }

    /** compress / decompress_binary / decompress_string / soundex_p123 / try_hex_decode_string pages. */
    @Test
    void compressionSoundexAndTryDecoding() throws SQLException {
        try (Connection c = connect("ARROW")) {
            assertEquals(List.of("0920536E6F77666C616B65|Snowflake|536E6F77666C616B65"), rows(c, "SELECT COMPRESS('Snowflake', "
                    + "'SNAPPY'), DECOMPRESS_STRING(COMPRESS('Snowflake', 'snappy'), 'SNAPPY'), "
                    + "DECOMPRESS_BINARY(TO_BINARY('0920536E6F77666C616B65', 'HEX'), 'SNAPPY')"));
            assertEquals(List.of("P236|P123|L430"), rows(c, "SELECT SOUNDEX('Pfister'), SOUNDEX_P123('Pfister'), "
                    + "SOUNDEX_P123('Lloyd')"));
            assertEquals(List.of("AaBb|null|HELLO|null"), rows(c, "SELECT TRY_HEX_DECODE_STRING('41614262'), "
                    + "TRY_HEX_DECODE_STRING('127'), TRY_BASE64_DECODE_STRING('SEVMTE8='), TRY_BASE64_DECODE_STRING('127')"));
            assertEquals(List.of("0"), rows(c, "SELECT HASH_AGG(NULL) WHERE 0 = 1"));
            assertThrows(SQLException.class, () -> rows(c, "SELECT COMPRESS('x', 'LZ4')"));
        }
    }

    /** sql-format-models page: fill mode blanks trailing fraction zeros at 9 positions, groups, exponents. */
    @Test
    void numberFormatModels() throws SQLException {
        try (Connection c = connect("ARROW")) {
            assertEquals(List.of("       1.2  |+000,123.456|1.2|1.234E3|  +1,234.56 "), rows(c, "SELECT "
                    + "TO_VARCHAR(1.2::FLOAT, '999,999.999'), TO_VARCHAR(123.456::FLOAT, 'S000,000.000'), "
                    + "TO_VARCHAR(1.2::FLOAT, 'FM999,999.999'), TO_CHAR(1234, '9d999EE'), TO_VARCHAR(1234.56, 'S999,999.999')"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COT(0)")) {
                rs.next();
                assertEquals(Double.POSITIVE_INFINITY, rs.getDouble(1)); // cot page: inf
            }
        }
    }
}
