package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DuckDB SQL the translator generates from the tree, with a recording {@link SqlContext}
 * (tables become {@code T_<name>}); what runs is covered through snowflake-jdbc in the emulator tests.
 */
class TranslatorTest {
    private final List<String> calls = new ArrayList<>();

    private final SqlContext ctx = new SqlContext() {
        @Override
        public Relation relation(List<String> parts) {
            calls.add("relation " + parts);
            return new Relation("T_" + String.join("_", parts), parts.get(0).equals("STREAM") ? "STREAM" : null);
        }

        @Override
        public Relation stage(String reference, Map<String, String> options) {
            calls.add("stage " + reference + " " + options);
            return new Relation("staged", null);
        }

        @Override
        public Relation tableFunction(List<String> nameParts, Map<String, String> named, List<String> positional) {
            calls.add("table function " + nameParts + " " + named + " " + positional);
            return new Relation("(fn)", "FN");
        }

        @Override
        public String systemFunction(String name, List<String> arguments, List<String> literals) {
            calls.add("system " + name + " " + arguments + " " + literals);
            return "'sys'";
        }

        @Override
        public String sessionValue(String function) {
            return function.equals("CURRENT_DATABASE") ? "DB" : null;
        }
    };

    private String query(String sql) {
        return query(sql, true);
    }

    private String query(String sql, boolean top) {
        Cursor c = new Cursor(sql);
        String out = new Translator(c, ctx).query(top);
        assertTrue(c.atEnd(), "left " + c.rest());
        return out;
    }

    private String expression(String sql) {
        Cursor c = new Cursor(sql);
        String out = new Translator(c, ctx).expression(Set.of(), true);
        assertTrue(c.atEnd(), "left " + c.rest());
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "a / b                 # sf_div(\"A\", \"B\", typeof(\"A\"))",
        "a * b / c             # sf_div(\"A\" * \"B\", \"C\", typeof(\"A\" * \"B\"))",
        "a / b * c             # sf_div(\"A\", \"B\", typeof(\"A\")) * \"C\"",
        "a - b / c             # \"A\" - sf_div(\"B\", \"C\", typeof(\"B\"))",
        "(a + b) / 2           # sf_div(\"A\" + \"B\", 2, typeof(\"A\" + \"B\"))",
        "(a + b) * c           # (\"A\" + \"B\") * \"C\"",
        "a - (b - c)           # \"A\" - (\"B\" - \"C\")",
        "-(a + 1)              # - (\"A\" + 1)",
        "NOT (a OR b) AND c    # NOT (\"A\" OR \"B\") AND \"C\"",
        "(a = b) = c           # (\"A\" = \"B\") = \"C\"",
        "'it''s' || x          # 'it''s' || \"X\"",
        "x NOT IN (1, 2)       # \"X\" NOT IN (1, 2)",
        "x IS NOT DISTINCT FROM y # \"X\" IS NOT DISTINCT FROM \"Y\"",
        "\"lower\".\"b c\"     # \"~006c~006f~0077~0065~0072\".\"~0062~0020~0063\"",
        "t.$1                  # \"T\".\"$1\"",
        "DATE '2024-01-02'     # CAST('2024-01-02' AS DATE)",
        "CASE WHEN a THEN 1 ELSE 2 END # CASE WHEN \"A\" THEN 1 ELSE 2 END",
        "EXTRACT(dd FROM d)    # date_part('day', \"D\")",
        "POSITION('b' IN s)    # position('b' IN \"S\")",
    })
    void generatesOperatorsWithDuckDbPrecedenceAndSnowflakeDivision(String sql, String duck) {
        assertEquals(duck, expression(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "'95.555'::NUMBER(7,2)  # CAST('95.555' AS DECIMAL(7,2))",
        "1::FLOAT               # CAST(1 AS DOUBLE)",
        "TRY_CAST(? AS INT)     # TRY_CAST(? AS DECIMAL(38,0))",
        // a VARIANT keeps its text, a timestamp its milliseconds, a DOUBLE its type (array_min, array_construct_compact pages)
        "x::VARIANT             # (CASE WHEN typeof(\"X\") = 'JSON' THEN CAST(CAST(\"X\" AS VARCHAR) AS JSON) WHEN typeof(\"X\") IN ('TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP_NS', 'TIMESTAMP_MS', 'TIMESTAMP_S') THEN to_json(sf_variant_timestamp(CAST(\"X\" AS VARCHAR))) WHEN typeof(\"X\") IN ('DOUBLE', 'FLOAT') THEN CAST(sf_double_json(TRY_CAST(\"X\" AS DOUBLE)) AS JSON) WHEN typeof(\"X\") LIKE 'DECIMAL%' THEN CAST(regexp_replace(regexp_replace(CAST(\"X\" AS VARCHAR), '(\\.[0-9]*[1-9])0+$', '\\1'), '\\.0+$', '') AS JSON) ELSE to_json(\"X\") END)",
        "x::VARCHAR             # (CASE WHEN typeof(\"X\") = 'BLOB' THEN hex(CAST(CAST(\"X\" AS VARCHAR) AS BLOB)) ELSE (CASE WHEN typeof(\"X\") = 'JSON' THEN CAST(json_extract_string(CAST(\"X\" AS VARCHAR), '$') AS VARCHAR) ELSE CAST(\"X\" AS VARCHAR) END) END)",
        "X'4a'::BINARY          # unhex(sf_hex_checked('4a', false))",
        "'4a'::BINARY           # unhex(sf_hex_checked('4a', false))",
        "$1:a.b[0]              # json_extract(\"$1\", '/a/b/0')",
        "v['x/y']['~']          # json_extract(\"V\", '/x~1y/~0')",
        "v:Case.\"sp ace\"      # json_extract(\"V\", '/Case/sp ace')",
    })
    void castsUnwrapVariantsAndPathsBecomeJsonPointers(String sql, String duck) {
        assertEquals(duck, expression(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "IFF(a, 1, 2)                        # (CASE WHEN \"A\" THEN 1 ELSE 2 END)",
        "NVL(a, 'x')                         # COALESCE(\"A\", 'x')",
        "DATEADD(quarter, 1, d)              # sf_dateadd('QUARTER', CAST(1 AS BIGINT), \"D\", 'UTC')",
        "DATEDIFF('hours', a, b)             # date_diff('hour', \"A\", \"B\")",
        "TO_DATE(s, 'DD.MM.YYYY')            # CAST(strptime((CASE WHEN typeof(\"S\") = 'JSON' THEN CAST(json_extract_string(CAST(\"S\" AS VARCHAR), '$') AS VARCHAR) ELSE CAST(\"S\" AS VARCHAR) END), '%d.%m.%Y') AS DATE)",
        "TRY_TO_DECIMAL('1.5', 7, 2)         # TRY_CAST('1.5' AS DECIMAL(7,2))",
        "GET(v, 'a')                         # json_extract(\"V\", '/a')",
        "GET(v, 2)                           # json_extract(\"V\", '/2')",
        "GET_PATH(v, 'a.b[1]')               # json_extract(\"V\", '/a/b/1')",
        "ARRAY_AGG(DISTINCT x)               # `to_json(COALESCE(list(DISTINCT \"X\") FILTER (WHERE \"X\" IS NOT NULL) , []))`",
        "COUNT(DISTINCT x)                   # count(DISTINCT \"X\")",
        "LISTAGG(x, ',') WITHIN GROUP (ORDER BY y DESC) # string_agg(\"X\", ',' ORDER BY \"Y\" DESC NULLS FIRST)",
        "LAG(x) IGNORE NULLS OVER (PARTITION BY k ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) # lag(\"X\" IGNORE NULLS) OVER (PARTITION BY \"K\" ORDER BY \"T\" ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
        "CURRENT_DATABASE()                  # 'DB'",
        "CURRENT_ROLE()                      # CAST(NULL AS VARCHAR)",
        "CURRENT_TIMESTAMP                   # CURRENT_TIMESTAMP",
        "POSITION('b', s)                    # instr((CASE WHEN typeof(\"S\") = 'JSON' THEN CAST(json_extract_string(CAST(\"S\" AS VARCHAR), '$') AS VARCHAR) ELSE CAST(\"S\" AS VARCHAR) END), 'b')",
        "REGEXP_SUBSTR('abc', 'b', 2)        # sf_regexp_substr('abc', 'b', 2, 1, 'c')",
        "CONCAT('a', 'b')                    # ('a' || 'b')",
    })
    void translatesFunctionsByTheirTable(String sql, String duck) {
        assertEquals(duck, expression(sql));
    }

    @Test
    void systemFunctionsGoToTheEngineWithTheirLiterals() {
        assertEquals("'sys'", expression("SYSTEM$PIPE_STATUS('db.s.\"p\"', x)"));
        assertEquals(List.of("system SYSTEM$PIPE_STATUS ['db.s.\"p\"', \"X\"] [db.s.\"p\", null]"), calls);
    }

    @Test
    void theOutermostSelectListGetsSnowflakeLabels() {
        assertEquals("SELECT \"A\", \"T\".*, count(*) AS \"COUNT~0028~002a~0029\", \"B\" + 1 AS \"X\" FROM T_T AS \"T\" "
                + "WHERE \"A\" IN (SELECT \"B\" + 1 FROM T_U)", query("select a, t.*, count(*), b + 1 x from t as t "
                + "where a in (select b + 1 from u)"));
    }

    @Test
    void topBecomesLimitOfItsOwnSelectAndSetOperationsKeepTheirGrouping() {
        assertEquals("SELECT \"A\" FROM T_T ORDER BY \"A\" LIMIT 3", query("SELECT TOP 3 a FROM t ORDER BY a"));
        assertEquals("SELECT 1 UNION ALL (SELECT 2 LIMIT 1)", query("SELECT 1 UNION ALL SELECT TOP 1 2", false));
        assertEquals("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4",
                query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 MINUS SELECT 4", false));
        assertEquals("SELECT 1 EXCEPT (SELECT 2 UNION SELECT 3)", query("SELECT 1 EXCEPT (SELECT 2 UNION SELECT 3)", false));
        assertEquals("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", query("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", false));
    }

    @Test
    void relationsResolveThroughTheContextAndCtesByName() {
        assertEquals("WITH \"C\" AS (SELECT 1 AS \"N\") SELECT \"N\" FROM \"C\" JOIN T_STREAM AS \"STREAM\" ON TRUE "
                + "LEFT JOIN (fn) AS \"H\" USING (\"N\")", query("WITH c AS (SELECT 1 AS n) SELECT n FROM c JOIN stream ON TRUE "
                + "LEFT OUTER JOIN TABLE(INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => 'T', START_TIME => x)) h USING (n)"));
        assertEquals(List.of("relation [STREAM]", "table function [INFORMATION_SCHEMA, COPY_HISTORY] {TABLE_NAME='T', "
                + "START_TIME=\"X\"} []"), calls);
        assertEquals("SELECT \"$1\" FROM staged AS \"S\"", query("SELECT $1 FROM @st/p (FILE_FORMAT => 'f') s"));
        assertEquals("stage st/p {FILE_FORMAT=f}", calls.get(2));
    }

    @Test
    void theCursorIsLeftAfterWhatWasTranslated() {
        Cursor c = new Cursor("UPDATE t SET a = b + 1, c = 2 WHERE d");
        c.reset(5);
        Translator tr = new Translator(c, ctx);
        assertEquals("\"B\" + 1", tr.expression(Set.of("FROM", "WHERE"), true));
        assertEquals(",", c.peek().text());
        c.reset(13);
        assertEquals(List.of("\"D\""), List.of(tr.expression(Set.of(), false)));

        c = new Cursor("x DEFAULT 0 NOT NULL COMMENT 'c'");
        c.reset(2);
        assertEquals("0", new Translator(c, ctx).expression(Set.of("NOT", "NULL", "COMMENT"), true));
        assertEquals("NOT", c.peek().text());
    }

    @Test
    void castOfAnEngineExpressionUnwrapsVariants() {
        assertEquals("(CASE WHEN typeof(q.\"c0\") = 'JSON' THEN TRY_CAST(json_extract_string(CAST(q.\"c0\" AS VARCHAR), '$') AS "
                + "DATE) ELSE TRY_CAST(q.\"c0\" AS DATE) END)", new Translator(new Cursor(""), ctx)
                .cast("q.\"c0\"", SnowflakeTypes.of("DATE", null, null), true));
        assertEquals(List.of("DB", "S", "T"), new Translator(new Cursor("db.s.t"), ctx).nameParts());
        assertEquals("SQL compilation error:\ninvalid object name 'A.B.C.D'",
                assertThrows(SnowflakeError.class, () -> new Translator(new Cursor("a.b.c.d"), ctx).nameParts()).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT * FROM t AT(OFFSET => -60)              # AT in FROM",
        "SELECT * FROM t BEFORE(STATEMENT => 'q')       # BEFORE in FROM",
        "SELECT a INTO :x FROM t                        # SELECT ... INTO",
        "SELECT db.s.fn(1)                              # user-defined function DB.S.FN",
        "SELECT f(a => 1)                               # named arguments (=>) outside TABLE(...)",
        "SELECT FLATTEN(v) FROM t                       # function FLATTEN",
        "SELECT IFF(DISTINCT a, 1, 2)                   # IFF(DISTINCT ...)",
    })
    void refusesWhatItCannotRunNamingTheConstruct(String sql, String construct) {
        SnowflakeError e = assertThrows(SnowflakeError.class, () -> query(sql));
        assertEquals("0A000", e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + construct + "'"), e.getMessage());
    }

    @Test
    void syntaxErrorsAreSnowflakes001003WithAZeroBasedPosition() {
        SnowflakeError e = assertThrows(SnowflakeError.class, () -> query("SELECT a,\nFROM t"));
        assertEquals("001003", e.code());
        assertEquals("SQL compilation error:\nsyntax error line 2 at position 0 unexpected 'FROM'.", e.getMessage());
    }
}
