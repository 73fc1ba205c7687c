package dev.autosync.sql.parse;

import dev.autosync.sql.tree.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snowflake queries: WITH, SELECT clauses, FROM items and joins, set operators, ORDER BY and row limits. */
class QueryParserTest {

    static String parse(String sql) {
        SqlParser p = SqlParser.of(sql);
        Query q = p.query();
        assertTrue(p.tokens().atEnd(), "unparsed rest of " + sql + ": " + p.tokens().rest());
        return TreeText.of(q);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT 1 # {SELECT 1}",
        "SELECT DISTINCT TOP 5 a, b AS x, c y, d \"Q\" FROM t # {SELECT DISTINCT TOP 5 A, B AS X, C AS Y, D AS Q FROM T}",
        "SELECT a AS 'label' FROM t # {SELECT A AS label FROM T}",
        "SELECT ALL a FROM t WHERE a > 1 # {SELECT A FROM T WHERE (> A 1)}",
        "SELECT k, COUNT(*) FROM t GROUP BY k HAVING COUNT(*) > 1 # {SELECT K, (COUNT *) FROM T GROUP BY K HAVING (> (COUNT *) 1)}",
        "SELECT k FROM t QUALIFY ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) = 1 # {SELECT K FROM T QUALIFY (= (ROW_NUMBER (OVER (PARTITION K) (ORDER TS DESC))) 1)}",
        "SELECT a FROM t GROUP BY ALL # {SELECT A FROM T GROUP BY ALL}",
        "SELECT a FROM t GROUP BY ROLLUP (a, b), CUBE (c) # {SELECT A FROM T GROUP BY (ROLLUP A B) (CUBE C)}",
        "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), c, ()) # {SELECT A FROM T GROUP BY (GROUPING_SETS (tuple A B) C (tuple ))}",
        "SELECT a INTO :x FROM t # {SELECT A INTO [X] FROM T}",
        "SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5 # {SELECT A FROM T ORDER BY A DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5}",
        "SELECT a FROM t OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY # {SELECT A FROM T LIMIT 10 OFFSET 5}",
        "SELECT a FROM t FETCH FIRST 1 ROW ONLY # {SELECT A FROM T LIMIT 1}",
    })
    void parsesSelectBlocks(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "WITH a AS (SELECT 1) SELECT * FROM a # {WITH A AS {SELECT 1} SELECT * FROM A}",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r # {WITH RECURSIVE R[N] AS {(UNION ALL SELECT 1 SELECT (+ N 1) FROM R WHERE (< N 3))} SELECT N FROM R}",
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 # {(UNION SELECT 1 (INTERSECT SELECT 2 SELECT 3))}",
        "SELECT 1 MINUS SELECT 2 EXCEPT SELECT 3 # {(EXCEPT (EXCEPT SELECT 1 SELECT 2) SELECT 3)}",
        "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 2 # {(INTERSECT {(UNION SELECT 1 SELECT 2)} SELECT 2)}",
        "SELECT a FROM t UNION ALL BY NAME SELECT a FROM u ORDER BY a # {(UNION ALL BY NAME SELECT A FROM T SELECT A FROM U) ORDER BY A}",
        "SELECT 1 UNION DISTINCT SELECT 2 # {(UNION SELECT 1 SELECT 2)}",
        "VALUES (1, 'a'), (2, 'b') # {VALUES (1 'a') (2 'b')}",
    })
    void parsesWithAndSetOperators(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "SELECT * FROM db.s.t AS x # {SELECT * FROM DB.S.T AS X}",
        "SELECT * FROM t x (a, b) # {SELECT * FROM T AS X[A, B]}",
        "SELECT $1, METADATA$FILENAME FROM @s/path/ (FILE_FORMAT => 'f', PATTERN => '.*[.]json') x # {SELECT $1, METADATA$FILENAME FROM @s/path/{FILE_FORMAT=f, PATTERN=.*[.]json} AS X}",
        "SELECT * FROM @~/dir # {SELECT * FROM @~/dir}",
        "SELECT * FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => 'T', START_TIME => DATEADD(hours, -1, CURRENT_TIMESTAMP()))) h # {SELECT * FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY TABLE_NAME=>'T' START_TIME=>(DATEADD HOURS (- 1) (CURRENT_TIMESTAMP))) AS H}",
        "SELECT f.value FROM t, LATERAL FLATTEN(INPUT => t.v) f # {SELECT F.VALUE FROM T, (LATERAL (FLATTEN INPUT=>T.V) AS F)}",
        "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[1]'))) # {SELECT * FROM TABLE(FLATTEN INPUT=>(PARSE_JSON '[1]'))}",
        "SELECT * FROM (SELECT 1 a) s # {SELECT * FROM {SELECT 1 AS A} AS S}",
        "SELECT * FROM (VALUES (1, 2)) v (a, b) # {SELECT * FROM {VALUES (1 2)} AS V[A, B]}",
        "SELECT column1 FROM VALUES (1), (2) AS v # {SELECT COLUMN1 FROM (VALUES (1) (2)) AS V}",
        "SELECT * FROM a JOIN b ON a.k = b.k LEFT OUTER JOIN c USING (k) # {SELECT * FROM (LEFT JOIN (INNER JOIN A B ON (= A.K B.K)) C USING [K])}",
        "SELECT * FROM a NATURAL FULL JOIN b CROSS JOIN c # {SELECT * FROM (CROSS JOIN (NATURAL FULL JOIN A B) C)}",
        "SELECT * FROM (a JOIN b ON a.k = b.k) j # {SELECT * FROM [(INNER JOIN A B ON (= A.K B.K))] AS J}",
        "SELECT * FROM a, LATERAL (SELECT a.x) l # {SELECT * FROM A, (LATERAL {SELECT A.X} AS L)}",
        "SELECT * FROM t AT(OFFSET => -60) # {SELECT * FROM T AT}",
        "SELECT * FROM t CHANGES(INFORMATION => DEFAULT) AT(TIMESTAMP => x) # {SELECT * FROM T CHANGES AT}",
        "SELECT * FROM t SAMPLE BERNOULLI (10) SEED (1) s # {SELECT * FROM T SAMPLE AS S}",
        "SELECT * FROM t AS s TABLESAMPLE (5 ROWS) # {SELECT * FROM T TABLESAMPLE AS S}",
    })
    void parsesFromItemsAndJoins(String sql, String tree) {
        assertEquals(tree, parse(sql));
    }
}
