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

/**
 * Functions the emulator lacked entirely (bitwise, boolean, WIDTH_BUCKET, hashes to BINARY and numbers,
 * DECODE with NULL, GREATEST/LEAST with NULL, LIKE ANY/ALL, COLLATE, ARRAY_SORT/MAX/MIN, ARRAYS_ZIP, statistical
 * aggregates, RATIO_TO_REPORT, CONDITIONAL_TRUE_EVENT) and FLOAT text, each as its page under
 * docs.snowflake.com/en/sql-reference/functions/ documents it, through snowflake-jdbc.
 */
class BitwiseAggregateWindowFunctionsTest {
    // JSON results: the values are Snowflake's own text (with ARROW the driver renders a FLOAT itself)
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.namedJson("BAWF",
            "CREATE TABLE table1 (province VARCHAR, o_col INTEGER)",
            "INSERT INTO table1 VALUES ('Alberta', 0), ('Alberta', 0), ('Alberta', 13), ('Alberta', 13), ('Alberta', 14),"
                    + " ('Alberta', 15), ('Alberta', NULL), ('Manitoba', 30)",
            "CREATE TABLE flags (k INTEGER, b BOOLEAN, n INTEGER, s VARCHAR)",
            "INSERT INTO flags VALUES (1, TRUE, 3, 'a'), (1, FALSE, 5, 'b'), (1, NULL, 3, 'a'), (2, NULL, NULL, NULL),"
                    + " (2, TRUE, 6, 'a')");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', nullValues = "NULL", value = {
        "bitand            # BITAND(16, 24) # 16",
        "bitor             # BITOR(16, 24) # 24",
        "bitxor            # BITXOR(16, 24) # 8",
        "bitnot            # BITNOT(12) # -13",
        "bitshiftleft      # BITSHIFTLEFT(1, 4) # 16",
        "bitshiftright     # BITSHIFTRIGHT(16, 2) # 4",
        "getbit            # GETBIT(11, 3) # 1",
        "getbit            # GETBIT(11, 2) # 0",
        "booland           # BOOLAND(1, -2) # TRUE",
        "booland           # BOOLAND(0, NULL) # FALSE",
        "booland           # BOOLAND(NULL, 3) # NULL",
        "booland           # BOOLAND(2, 0.3) # FALSE",
        "boolor            # BOOLOR(NULL, 3) # TRUE",
        "boolxor           # BOOLXOR(2, 0) # TRUE",
        "boolnot           # BOOLNOT(0) # TRUE",
        "width_bucket      # WIDTH_BUCKET(399999.99, 200000, 600000, 4) # 2",
        "width_bucket      # WIDTH_BUCKET(400000, 200000, 600000, 4) # 3",
        "width_bucket      # WIDTH_BUCKET(100, 200000, 600000, 4) # 0",
        "width_bucket      # WIDTH_BUCKET(600000, 200000, 600000, 4) # 5",
        "decode            # DECODE(NULL, 1, 'one', NULL, 'null', 'other') # null",
        "decode            # DECODE(2, 1, 'one') # NULL",
        "decode            # DECODE(2, 1, 'one', 'other') # other",
        "greatest          # GREATEST(1, NULL, 3) # NULL",
        "least             # LEAST(4, 2, 3) # 2",
        "like_any          # 'John_down' LIKE ANY ('%J%h%^_do%', 'T%^%e') ESCAPE '^' # TRUE",
        "like_all          # 'abc' LIKE ALL ('a%', '%x') # FALSE",
        "ilike_any         # 'abc' ILIKE ANY ('A%') # TRUE",
        "collate           # COLLATE('m', 'upper') = 'M' # TRUE",
        "md5_binary        # HEX_ENCODE(MD5_BINARY('Snowflake')) # EDF1439075A83A447FB8B630DDC9C8DE",
        "md5_number_lower64 # MD5_NUMBER_LOWER64('Snowflake') # 9203306159527282910",
        "md5_number_upper64 # MD5_NUMBER_UPPER64('Snowflake') # 17145559544104499780",
        "rtrimmed_length   # RTRIMMED_LENGTH(' ABCD ') # 5",
        "jarowinkler_similarity # JAROWINKLER_SIMILARITY('Snowflake', 'Oracle') # 61",
        "array_sort        # ARRAY_SORT([20, PARSE_JSON('null'), 0, NULL, 10]) # `[\n  0,\n  10,\n  20,\n  null,\n  undefined\n]`",
        "array_sort        # ARRAY_SORT([20, PARSE_JSON('null'), 0, NULL, 10], TRUE, TRUE) # `[\n  undefined,\n  0,\n  10,\n  20,\n  null\n]`",
        "array_max         # ARRAY_MAX([20, 0, NULL, 10, NULL]) # 20",
        "array_max         # ARRAY_MAX([]) # NULL",
        "array_min         # ARRAY_MIN([20, 0, NULL, 10, NULL]) # 0",
        "arrays_zip        # ARRAYS_ZIP([1, 2], ['one']) # `[\n  {\n    \"$1\": 1,\n    \"$2\": \"one\"\n  },\n  {\n    \"$1\": 2,\n    \"$2\": null\n  }\n]`",
        "arrays_zip        # ARRAYS_ZIP([1], NULL) # NULL",
        "try_parse_json    # TRY_PARSE_JSON('[-1, 12, FALSE,]') # `[\n  -1,\n  12,\n  false,\n  undefined\n]`",
        "is_array (parse_json: an empty element is undefined) # PARSE_JSON('[, 1]') # `[\n  undefined,\n  1\n]`",
        "data-types-numeric (FLOAT as the JSON result carries it) # SQRT(2) # 1.414213562",
        "data-types-numeric # EXP(10) # 22026.46579",
        "data-types-numeric # 1e20::FLOAT # 1e+20",
        "data-types-numeric # 'inf'::FLOAT # inf",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        String want = expected == null ? "null" : expected.replace("\\n", "\n");
        assertEquals(want, String.valueOf(EmulatorFixture.selectOne(db.connection(), expression)), page + ": " + expression);
    }

    @Test
    void booleanBitwiseAndStatisticalAggregates() throws SQLException {
        // booland_agg, boolor_agg, boolxor_agg, bitand_agg, bitor_agg, bitxor_agg, variance_pop, array_unique_agg pages
        assertEquals(List.of("1|FALSE|TRUE|TRUE|1|7|5|0.888889|[\n  \"a\",\n  \"b\"\n]", "2|TRUE|TRUE|TRUE|6|6|6|0.000000|[\n  \"a\"\n]"),
                db.rows("SELECT k, BOOLAND_AGG(b), BOOLOR_AGG(b), BOOLXOR_AGG(b), BITAND_AGG(n), BITOR_AGG(n), BITXOR_AGG(n),"
                        + " TO_CHAR(VARIANCE_POP(n), 'FM0.000000'), ARRAY_SORT(ARRAY_UNIQUE_AGG(s)) FROM flags GROUP BY k ORDER BY k"));
    }

    @Test
    void arrayAggLeavesOutNulls() throws SQLException {
        // array_agg page: NULL values are omitted from the output
        assertEquals(List.of("[\n  \"a\",\n  \"a\",\n  \"a\"\n]"), db.rows("SELECT ARRAY_AGG(s) WITHIN GROUP (ORDER BY s) FROM flags WHERE k = 2 OR n = 3"));
    }

    @Test
    void conditionalTrueEventCountsRowByRow() throws SQLException {
        // conditional_true_event page, first example: ties are numbered one row at a time, NULL is not TRUE
        assertEquals(List.of("Alberta|0|0", "Alberta|0|0", "Alberta|13|1", "Alberta|13|2", "Alberta|14|3", "Alberta|15|4",
                "Alberta|null|4", "Manitoba|30|1"), db.rows("SELECT province, o_col, CONDITIONAL_TRUE_EVENT(o_col)"
                + " OVER (PARTITION BY province ORDER BY o_col) AS true_event FROM table1 ORDER BY province, o_col"));
    }

    @Test
    void ratioToReportDividesByThePartitionSum() throws SQLException {
        // ratio_to_report page: NULL for a NULL value; the ratio of a NUMBER is a quotient of scale s + 6 (100 * ratio of
        // NUMBER(11,2) prints 30.00000000 there)
        assertEquals(List.of("1|3|0.375000", "1|5|0.625000", "2|6|1.000000", "2|null|null"), db.rows("SELECT DISTINCT k, n,"
                + " RATIO_TO_REPORT(n) OVER (PARTITION BY k) FROM (SELECT DISTINCT k, n FROM flags) ORDER BY k, n"));
    }

    @Test
    void firstValueWithoutAFrameSeesTheWholePartition() throws SQLException {
        // first_value page: IGNORE NULLS finds the first non-NULL value even after the current row
        assertEquals(List.of("3|1.5", "4|1.5", "5|1.5"), db.rows("SELECT price, FIRST_VALUE(cost) IGNORE NULLS OVER (ORDER BY price)"
                + " FROM VALUES (NULL, 3), (NULL, 4), (1.5, 5) AS t(cost, price) ORDER BY price"));
    }

    @Test
    void countOfSeveralColumnsAndOfAStarSkipsRowsWithANull() throws SQLException {
        // count page: COUNT(alias.*) and COUNT(* EXCLUDE ...) count rows without NULLs; COUNT(DISTINCT a, b) combinations
        assertEquals(List.of("5|3|3|4"), db.rows("SELECT COUNT(*), COUNT(f.*), COUNT(DISTINCT k, n), COUNT(* EXCLUDE (b, s))"
                + " FROM flags AS f"));
        // a JSON null is not counted
        assertEquals(List.of("1"), db.rows("SELECT COUNT(v:a) FROM (SELECT PARSE_JSON('{\"a\": null}') v UNION ALL"
                + " SELECT PARSE_JSON('{\"a\": 1}'))"));
    }

    @Test
    void listaggOrdersWithinGroupAndMedianAddsThreeDigitsOfScale() throws SQLException {
        // listagg page: WITHIN GROUP (ORDER BY ...); median page: DECIMAL(10,2) values give 20.00000
        assertEquals(List.of("b, a, a"), db.rows("SELECT LISTAGG(s, ', ') WITHIN GROUP (ORDER BY s DESC) FROM flags WHERE k = 1"));
        assertEquals(List.of("20.00000"), db.rows("SELECT MEDIAN(v) FROM (SELECT 10::DECIMAL(10,2) v UNION ALL"
                + " SELECT 20 UNION ALL SELECT 21)"));
    }
}
