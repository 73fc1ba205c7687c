package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Semi-structured, string and table functions of Snowflake's SQL reference (page named beside each example,
 * under docs.snowflake.com/en/sql-reference/functions/) that the docs-examples corpus showed wrong or missing:
 * a DOUBLE or timestamp inside a VARIANT, PARSE_JSON's exponent numbers, CHECK_JSON's messages, PARSE_URL,
 * STRTOK_SPLIT_TO_TABLE and the SEQ of a lateral table function, a VARIANT compared with a string.
 */
class SemiStructuredPagesTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("SEMIPAGES");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "array_construct_compact # ARRAY_CONSTRUCT_COMPACT(null,'hello',3::double,4,5) # `[\n  \"hello\",\n  3.000000000000000e+00,\n  4,\n  5\n]`",
        "is_double-real    # PARSE_JSON('1.912e2') # 1.912000000000000e+02",
        "is_double-real    # TYPEOF(PARSE_JSON('1.912e2')) # DOUBLE",
        "is_integer        # TYPEOF(TO_VARIANT(3.21::DOUBLE)) # DOUBLE",
        "is_integer        # TYPEOF(TO_VARIANT(1.23::DECIMAL(6, 3))) # DECIMAL",
        "typeof            # TYPEOF('2024-01-17 19:00:00'::TIMESTAMP::VARIANT) # TIMESTAMP_NTZ",
        "typeof            # TYPEOF(TO_VARIANT(NULL::TIMESTAMP)) # NULL",
        "typeof            # TYPEOF('check in'::VARIANT) # VARCHAR",
        "array_repeat      # ARRAY_REPEAT('hello', 2) # `[\n  \"hello\",\n  \"hello\"\n]`",
        "array_repeat      # ARRAY_REPEAT('x', 0) # []",
        "array_repeat      # ARRAY_REPEAT('hi', NULL) # NULL",
        "array_repeat      # ARRAY_REPEAT(1, -2) # []",
        "array_min         # ARRAY_MIN(['2023-12-09 22:09:26.000000000'::TIMESTAMP, '1999-01-01'::DATE::TIMESTAMP]) # `\"1999-01-01 00:00:00.000\"`",
        "array_flatten     # ARRAY_FLATTEN([[1, 2, 3], NULL, [5, 6]]) # NULL",
        "array_flatten     # ARRAY_FLATTEN([[1, 2, 3], [NULL], [5, 6]]) # `[\n  1,\n  2,\n  3,\n  undefined,\n  5,\n  6\n]`",
        "check_json        # CHECK_JSON('{\"Malformed -- Missing value\": }') # `misplaced }, pos 32`",
        "check_json        # CHECK_JSON('{\"ValidKey1\": \"ValidValue1\"}') # NULL",
        "check_json        # CHECK_JSON('{\"Malformed -- Missing value\": }'::VARIANT) # `misplaced }, pos 32`",
        "parse_url         # PARSE_URL('http://USER:PASS@EXAMPLE.INT:4345/HELLO.PHP?USER=1'):port # `\"4345\"`",
        "parse_url         # PARSE_URL('http://USER:PASS@EXAMPLE.INT:4345/HELLO.PHP?USER=1'):host # `\"USER:PASS@EXAMPLE.INT\"`",
        "parse_url         # PARSE_URL('mailto:abc@xyz.com'):path # `\"abc@xyz.com\"`",
        "parse_url         # PARSE_URL('https://www.snowflake.com/'):host = 'www.snowflake.com' # TRUE",
        "object_construct  # {* EXCLUDE b} FROM (SELECT 1 AS a, 2 AS b) # `{\n  \"A\": 1\n}`",
        "reverse           # REVERSE('2019-05-22'::DATE) # 22-50-9102",
        "rlike             # RLIKE('San Jose', 'san.*', 'i') # TRUE",
        "filter            # FILTER([1, NULL, 3, 5, NULL], a -> a IS NOT NULL) # `[\n  1,\n  3,\n  5\n]`",
        "filter            # FILTER([{'name':'Pat', 'value': 50}, {'name':'Dana', 'value': 25}], a -> a:value >= 50) # `[\n  {\n    \"name\": \"Pat\",\n    \"value\": 50\n  }\n]`",
        "transform         # TRANSFORM([1, 2, 3], a INT -> a * 2) # `[\n  2,\n  4,\n  6\n]`",
        "transform         # TRANSFORM([1, 2], a INT -> a + NULL) # `[\n  undefined,\n  undefined\n]`",
        "transform         # TRANSFORM([{'subtotal': 1500, 'quantity': 3}], i -> OBJECT_INSERT(i, 'unit_price', (i:subtotal / i:quantity)::NUMERIC(10,2))) # `[\n  {\n    \"quantity\": 3,\n    \"subtotal\": 1500,\n    \"unit_price\": 500\n  }\n]`",
        "transform         # PARSE_JSON('{\"a\": 6}'):a * 2 = 12 # TRUE",
        "unicode           # UNICODE('') # 0",
        "unicode           # UNICODE('\u2744') # 10052",
    })
    void documentedValues(String page, String expression, String expected) throws SQLException {
        assertEquals("NULL".equals(expected) ? "null" : expected, db.one(expression));
    }

    @Test
    void chrOutsideUnicodeFails() {
        // chr page: Invalid character code -1 in the CHR input
        SQLException e = assertThrows(SQLException.class, () -> db.one("CHR(-1)"));
        assertEquals(true, e.getMessage().contains("Invalid character code -1 in the CHR input"), e.getMessage());
    }

    @Test
    void arrayFlattenOfANonArrayElementIsError100107() {
        // array_flatten page: 100107 (22000): Not an array: 'Input argument to ARRAY_FLATTEN is not an array of arrays'
        SQLException e = assertThrows(SQLException.class, () -> db.one("ARRAY_FLATTEN([[1, 2, 3], 4, [5, 6]])"));
        assertEquals(100107, e.getErrorCode());
        assertEquals("22000", e.getSQLState());
    }

    @Test
    void arraysToObjectRefusesNonStringKeysAndUnequalLengths() {
        // arrays_to_object page, usage notes: 215002 (22000) for a key that is not a string, 215001 (22000) for unequal lengths
        SQLException key = assertThrows(SQLException.class, () -> db.one("ARRAYS_TO_OBJECT([1, 'b'], [1, 2])"));
        assertEquals(215002, key.getErrorCode());
        assertEquals("22000", key.getSQLState());
        assertEquals(true, key.getMessage().contains("Key supplied for ARRAYS_TO_OBJECT does not have string type"), key.getMessage());
        SQLException sizes = assertThrows(SQLException.class, () -> db.one("ARRAYS_TO_OBJECT(['a', 'b'], [1])"));
        assertEquals(215001, sizes.getErrorCode());
        assertEquals(true, sizes.getMessage().contains("Key array and value array had unequal lengths in ARRAYS_TO_OBJECT"),
                sizes.getMessage());
    }

    @Test
    void parseUrlWithoutSchemeIsError100139() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> db.one("PARSE_URL('example.int/hello.php?user=12#nofragment', 0)"));
        assertEquals(100139, e.getErrorCode());
        assertEquals("{\n  \"error\": \"scheme not specified\"\n}", db.one("PARSE_URL('example.int/hello.php?user=12#nofragment', 1)"));
    }

    @Test
    void parseJsonDuplicateKeyNamesItsPosition() {
        // parse_json page: Error parsing JSON: duplicate object attribute "a", pos 31
        SQLException e = assertThrows(SQLException.class,
                () -> db.one("PARSE_JSON('{ \"a\" : \"123\", \"b\" : \"456\", \"a\": \"789\"} ')"));
        assertEquals(100069, e.getErrorCode());
        assertEquals(true, e.getMessage().contains("duplicate object attribute \"a\", pos 31"), e.getMessage());
    }

    @Test
    void strtokSplitToTableNumbersInputRowsAndLeavesOutEmptyOnes() throws SQLException {
        // strtok_split_to_table page: SEQ numbers the input rows; '' gives no row, even in a LEFT JOIN LATERAL
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE splittable_strtok (v VARCHAR)",
                "INSERT INTO splittable_strtok (v) VALUES ('a b'), ('cde'), ('f|g'), ('')");
        assertEquals(List.of("a b|1|1|a", "a b|1|2|b", "cde|2|1|cde", "f|g|3|1|f", "f|g|3|2|g"),
                db.rows("SELECT v, seq, index, value FROM splittable_strtok, LATERAL STRTOK_SPLIT_TO_TABLE(splittable_strtok.v, ' |') "
                        + "ORDER BY SEQ, INDEX"));
        assertEquals(List.of("1|a", "1|b", "2|cde", "3|f|g"),
                db.rows("SELECT SEQ, VALUE FROM splittable_strtok s LEFT JOIN LATERAL STRTOK_SPLIT_TO_TABLE(s.v, ' ') x "
                        + "ORDER BY SEQ, INDEX"));
    }

    @Test
    void splitToTableSeqFollowsTheInputRows() throws SQLException {
        // split_to_table page: SEQ 1 for the first input row, 2 for the second
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE splittable (v VARCHAR)",
                "INSERT INTO splittable (v) VALUES ('a.b.c'), ('d'), ('')");
        assertEquals(List.of("1|a.b.c|a", "1|a.b.c|b", "1|a.b.c|c", "2|d|d", "3||"),
                db.rows("SELECT SEQ, v, value FROM splittable, LATERAL SPLIT_TO_TABLE(splittable.v, '.') ORDER BY SEQ, INDEX"));
    }

    @Test
    void parenthesisedValuesWithItsOwnAliasAndEmptyLimit() throws SQLException {
        // array_min page: FROM (VALUES (...), (...) AS t(date1, timestamp1)); limit page: LIMIT '' is no limit
        assertEquals(List.of("1|x", "2|y"),
                db.rows("SELECT a, b FROM (VALUES (1, 'x'), (2, 'y') AS t(a, b)) ORDER BY a LIMIT '' OFFSET ''"));
    }
}
