package dev.autosync.sql.parse;

import dev.autosync.sql.tree.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snowflake expressions: precedence, every operator and construct, and where an expression ends. */
class ExpressionParserTest {

    static String parse(String sql) {
        SqlParser p = SqlParser.of(sql);
        Expr e = p.expression();
        assertTrue(p.tokens().atEnd(), "unparsed rest of " + sql + ": " + p.tokens().rest());
        return TreeText.of(e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "1 + 2 * 3 # (+ 1 (* 2 3))",
        "1 - 2 - 3 # (- (- 1 2) 3)",
        "a / b * c % d # (% (* (/ A B) C) D)",
        "a OR b AND NOT c = d # (OR A (AND B (NOT (= C D))))",
        "NOT a AND b # (AND (NOT A) B)",
        "'a' || 1 + 2 # (|| 'a' (+ 1 2))",
        "a = b IS NULL # (IS NULL (= A B))",
        "x BETWEEN 1 AND 2 AND y # (AND (BETWEEN X 1 2) Y)",
        "x NOT BETWEEN a + 1 AND b # (NOT BETWEEN X (+ A 1) B)",
        "a < b = c >= d # (>= (= (< A B) C) D)",
        "a != b OR a <> b # (OR (<> A B) (<> A B))",
        "1 IN (1) = TRUE # (= (IN 1 [1]) TRUE)",
        "-x::INT # (- (OPERATOR X INT))",
        "-0.0::FLOAT::BOOLEAN # (- (OPERATOR (OPERATOR 0.0 FLOAT) BOOLEAN))",
        "height * width::VARCHAR || ' m' # (|| (* HEIGHT (OPERATOR WIDTH VARCHAR)) ' m')",
        "(a + b) * c # (* (+ A B) C)",
        "- - 1 # (- (- 1))",
        "+a # (+ A)",
    })
    void followsSnowflakePrecedence(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "x IS NOT NULL # (IS NOT NULL X)",
        "x IS DISTINCT FROM y # (IS DISTINCT FROM X Y)",
        "x IS NOT DISTINCT FROM y + 1 # (IS NOT DISTINCT FROM X (+ Y 1))",
        "x NOT IN (1, 2) # (NOT IN X [1 2])",
        "x IN (SELECT 1) # (IN X {SELECT 1})",
        "(a, b) IN ((1, 2), (3, 4)) # (IN (tuple A B) [(tuple 1 2) (tuple 3 4)])",
        "x NOT LIKE 'a%' ESCAPE '!' # (NOT LIKE X 'a%' ESCAPE '!')",
        "x ILIKE ANY ('a%', 'b%') # (ILIKE ANY X 'a%' 'b%')",
        "x LIKE ALL ('a%', '%b') # (LIKE ALL X 'a%' '%b')",
        "x RLIKE '[0-9]+' # (RLIKE X '[0-9]+')",
        "x REGEXP 'a' # (RLIKE X 'a')",
        "x = ANY (SELECT 1) # (= ANY X {SELECT 1})",
        "x > ALL (SELECT 1) # (> ALL X {SELECT 1})",
        "NOT EXISTS (SELECT 1) # (NOT (EXISTS {SELECT 1}))",
        "(SELECT MAX(a) FROM t) # {SELECT (MAX A) FROM T}",
        "x COLLATE 'en-ci' = 'A' # (= (COLLATE X 'en-ci') 'A')",
    })
    void parsesPredicatesAndSubqueries(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "$1:a.b[0].\"c d\"::VARCHAR # (OPERATOR (path $1 .a .b [0] .c d) VARCHAR)",
        "v['a']['b'] # (path V ['a'] ['b'])",
        "t.$1:Case # (path T.$1 .Case)",
        "src:x::NUMBER(7,2) # (OPERATOR (path SRC .x) NUMBER[7, 2])",
        "PARSE_JSON(s):a # (path (PARSE_JSON S) .a)",
        "v[i + 1] # (path V [(+ I 1)])",
        "db.s.t.col # DB.S.T.COL",
        "\"lower\".\"x y\" # lower.x y",
        "t.$2 # T.$2",
        "? # ?",
        "$my_var # $MY_VAR",
        "[1, 'a', x] # [1 'a' X]",
        "{'a': 1, 'b': [2]} # {'a': 1 'b': [2]}",
        "DATE '2024-01-01' # (DATE '2024-01-01')",
        "TIMESTAMP_TZ '2024-01-01 10:00 +01:00' # (TIMESTAMP_TZ '2024-01-01 10:00 +01:00')",
        "INTERVAL '1 day, 2 hours' # (INTERVAL '1 day, 2 hours')",
        "NULL # NULL",
        "TRUE AND FALSE # (AND TRUE FALSE)",
        "1.5e3 # 1.5e3",
        "$$raw 'text'$$ # 'raw 'text''",
    })
    void parsesOperandsAndPaths(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END # (CASE (WHEN A 1) (WHEN B 2) (ELSE 3))",
        "CASE x WHEN 1 THEN 'one' END # (CASE X (WHEN 1 'one'))",
        "CAST(x AS NUMBER(10, 2)) # (CAST X NUMBER[10, 2])",
        "TRY_CAST(x AS DOUBLE PRECISION) # (TRY_CAST X DOUBLE)",
        "x::CHARACTER VARYING(5) # (OPERATOR X VARCHAR[5])",
        "x::TIMESTAMP WITH LOCAL TIME ZONE # (OPERATOR X TIMESTAMP WITH LOCAL TIME ZONE)",
        "EXTRACT(year FROM d) # (EXTRACT year D)",
        "EXTRACT('month' FROM d) # (EXTRACT month D)",
        "POSITION('b' IN s) # (POSITION 'b' S)",
        "POSITION('b', s, 2) # (POSITION 'b' S 2)",
        "COUNT(*) # (COUNT *)",
        "COUNT(DISTINCT a, b) # (COUNT DISTINCT A B)",
        "f() # (F)",
        "db.s.my_udf(1) # (DB.S.MY_UDF 1)",
        "\"MyFn\"(1) # (MyFn 1)",
        "FLATTEN(INPUT => v, OUTER => TRUE) # (FLATTEN INPUT=>V OUTER=>TRUE)",
        "LISTAGG(a, ',') WITHIN GROUP (ORDER BY b DESC NULLS LAST) # (LISTAGG A ',' (WITHIN GROUP B DESC NULLS LAST))",
        "LEFT(s, 2) || RIGHT(s, 1) # (|| (LEFT S 2) (RIGHT S 1))",
        "CURRENT_TIMESTAMP # (CURRENT_TIMESTAMP)",
        "CURRENT_DATE() # (CURRENT_DATE)",
        "TRANSFORM(arr, x -> x + 1) # (TRANSFORM ARR (lambda [X] (+ X 1)))",
        "REDUCE(arr, 0, (acc, x) -> acc + x) # (REDUCE ARR 0 (lambda [ACC, X] (+ ACC X)))",
    })
    void parsesCallsAndSpecialForms(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) # (ROW_NUMBER (OVER (PARTITION K) (ORDER TS DESC)))",
        "SUM(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) # (SUM X (OVER (ORDER D) (ROWS UNBOUNDED_PRECEDING CURRENT_ROW)))",
        "AVG(x) OVER (ORDER BY d RANGE BETWEEN 3 PRECEDING AND 1 FOLLOWING) # (AVG X (OVER (ORDER D) (RANGE 3 PRECEDING 1 FOLLOWING)))",
        "FIRST_VALUE(x) IGNORE NULLS OVER (ORDER BY d) # (FIRST_VALUE X IGNORE NULLS (OVER (ORDER D)))",
        "LAG(x IGNORE NULLS) OVER (ORDER BY d) # (LAG X IGNORE NULLS (OVER (ORDER D)))",
        "COUNT(*) OVER () # (COUNT * (OVER))",
    })
    void parsesWindowFunctions(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "* # *",
        "t.* # T.*",
        "* EXCLUDE (a, b) # * exclude [A, B]",
        "* EXCLUDE a # * exclude [A]",
        "* ILIKE 'a%' # * ilike 'a%'",
        "* REPLACE (a + 1 AS a) # * replace [(+ A 1) as A]",
        "t.* RENAME (a AS x, b AS y) # T.* rename [A as X, B as Y]",
        "* EXCLUDE c RENAME a AS b # * exclude [C] rename [A as B]",
    })
    void parsesStarWithItsFilters(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @Test
    void stopWordsEndAnExpressionWhereAnOperatorWordCouldContinueIt() {
        SqlParser p = SqlParser.of("0 NOT NULL COMMENT 'x'");
        assertEquals("0", TreeText.of(p.expression(Set.of("NOT", "NULL", "COMMENT"))));
        assertEquals("NOT", p.tokens().peek().upper());

        p = SqlParser.of("'x' COLLATE 'en' NOT NULL");
        assertEquals("'x'", TreeText.of(p.expression(Set.of("COLLATE"))));

        p = SqlParser.of("a = 1 AS b");
        assertEquals("(= A 1)", TreeText.of(p.expression()));
        assertEquals("AS", p.tokens().peek().upper());
    }

    @Test
    void anExpressionEndsAtTheFirstTokenThatCannotContinueIt() {
        SqlParser p = SqlParser.of("a + 1 total, b");
        assertEquals("(+ A 1)", TreeText.of(p.expression()));
        assertEquals("total", p.tokens().peek().text());

        p = SqlParser.of("x, y + 1, z)");
        assertEquals(3, p.expressionList(Set.of()).size());
        assertEquals(")", p.tokens().peek().text());
    }

    @Test
    void keepsJsonKeysAsWrittenAndNamesResolved() {
        Expr.Path path = assertInstanceOf(Expr.Path.class, SqlParser.of("Src:Customer.\"Ship To\"").expression());
        assertEquals(java.util.List.of("SRC"), ((Expr.ColumnRef) path.base()).parts());
        assertEquals("(path SRC .Customer .Ship To)", TreeText.of(path));
    }
}
