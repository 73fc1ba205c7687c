package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SELECT constructs and SQL UDFs as docs.snowflake.com shows them, through snowflake-jdbc: PIVOT
 * (sql-reference/constructs/pivot), UNPIVOT (constructs/unpivot), ASOF JOIN (constructs/asof-join), SELECT *
 * with ILIKE / EXCLUDE / REPLACE / RENAME (sql-reference/sql/select) and CREATE FUNCTION with an SQL body
 * (sql-reference/identifier-literal, sql-reference/sql/create-function).
 */
class SelectConstructsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("SELC",
            "CREATE TABLE quarterly_sales (empid INT, amount INT, quarter TEXT) AS SELECT * FROM VALUES "
                    + "(1, 10000, '2023_Q1'), (1, 400, '2023_Q1'), (2, 4500, '2023_Q1'), (1, 5000, '2023_Q2'), (3, 2700, '2023_Q3')",
            "CREATE TABLE monthly_sales (empid INT, dept TEXT, jan INT, feb INT)",
            "INSERT INTO monthly_sales VALUES (1, 'electronics', 100, 200), (4, 'appliances', 100, NULL)");

    private static List<String> labels(String sql) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData m = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                out.add(m.getColumnLabel(i) + ":" + m.getColumnTypeName(i));
            }
            return out;
        }
    }

    @Test
    void pivotOnListedValuesNamesColumnsByTheValuesAsWritten() throws SQLException {
        // pivot page: a string value's column is labelled with its quotes; NULL where an employee has no sale
        String sql = "SELECT * FROM quarterly_sales PIVOT(SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2')) ORDER BY empid";
        assertEquals(List.of("EMPID:NUMBER", "'2023_Q1':NUMBER", "'2023_Q2':NUMBER"), labels(sql));
        assertEquals(List.of("1|10400|5000", "2|4500|null", "3|null|null"), db.rows(sql));
        // value aliases replace the labels; DEFAULT ON NULL replaces the NULLs
        assertEquals(List.of("1|10400|5000", "2|4500|0", "3|0|0"), db.rows("SELECT * FROM quarterly_sales "
                + "PIVOT(SUM(amount) FOR quarter IN ('2023_Q1' AS q1, '2023_Q2' AS q2) DEFAULT ON NULL (0)) ORDER BY empid"));
        assertEquals(List.of("EMPID:NUMBER", "Q1:NUMBER", "Q2:NUMBER"), labels("SELECT * FROM quarterly_sales "
                + "PIVOT(SUM(amount) FOR quarter IN ('2023_Q1' AS q1, '2023_Q2' AS q2))"));
    }

    @Test
    void dynamicPivotReadsTheDistinctValuesInOrder() throws SQLException {
        // pivot page: ANY ORDER BY pivots on every distinct value; an aggregate alias is appended inside the quotes
        assertEquals(List.of("EMPID:NUMBER", "'2023_Q3_TOTAL':NUMBER", "'2023_Q2_TOTAL':NUMBER", "'2023_Q1_TOTAL':NUMBER"),
                labels("SELECT * FROM quarterly_sales PIVOT(SUM(amount) AS total FOR quarter IN (ANY ORDER BY quarter DESC))"));
        // AVG keeps Snowflake's scale; COUNT of no rows is 0
        assertEquals(List.of("1|5200.000000|5000.000000|null", "2|4500.000000|null|null", "3|null|null|2700.000000"),
                db.rows("SELECT * FROM quarterly_sales PIVOT(AVG(amount) FOR quarter IN (ANY ORDER BY quarter)) ORDER BY empid"));
        assertEquals(List.of("1|2|1|0"), db.rows("SELECT * FROM quarterly_sales "
                + "PIVOT(COUNT(amount) FOR quarter IN (SELECT DISTINCT quarter FROM quarterly_sales ORDER BY quarter)) WHERE empid = 1"));
    }

    @Test
    void unpivotMakesOneRowPerColumnAndLeavesOutNullsUnlessIncluded() throws SQLException {
        // unpivot page: the name column holds the column names (or their aliases) in upper case
        assertEquals(List.of("1|electronics|JAN|100", "1|electronics|FEB|200", "4|appliances|JAN|100"),
                db.rows("SELECT * FROM monthly_sales UNPIVOT (sales FOR month IN (jan, feb)) ORDER BY empid, sales"));
        assertEquals(List.of("EMPID:NUMBER", "DEPT:VARCHAR", "MONTH:VARCHAR", "SALES:NUMBER"),
                labels("SELECT * FROM monthly_sales UNPIVOT (sales FOR month IN (jan, feb))"));
        assertEquals(List.of("appliances|JANUARY|100", "appliances|FEBRUARY|null"), db.rows("SELECT dept, month, sales "
                + "FROM monthly_sales UNPIVOT INCLUDE NULLS (sales FOR month IN (jan AS january, feb AS february)) u "
                + "WHERE u.empid = 4 ORDER BY month DESC"));
    }

    @Test
    void asofJoinTakesTheClosestEarlierRowAndPadsWithNulls() throws SQLException {
        // asof-join page: each left row gets the right row with the closest c3 not after its own, within the ON groups
        EmulatorFixture.execute(db.connection(), "CREATE TABLE lt (c1 VARCHAR(1), c3 TIME)", "CREATE TABLE rt (c1 VARCHAR(1), c3 TIME, v INT)",
                "INSERT INTO lt VALUES ('A', '09:15:00'), ('A', '09:13:00'), ('B', '09:17:00')",
                "INSERT INTO rt VALUES ('A', '09:14:00', 1), ('A', '09:10:00', 2), ('C', '09:16:00', 3)");
        assertEquals(List.of("A|09:13:00|2", "A|09:15:00|1", "B|09:17:00|null"), db.rows(
                "SELECT l.c1, l.c3, r.v FROM lt l ASOF JOIN rt r MATCH_CONDITION(l.c3 >= r.c3) ON l.c1 = r.c1 ORDER BY l.c1, l.c3"));
        assertEquals(List.of("B|3"), db.rows(
                "SELECT l.c1, r.v FROM lt l ASOF JOIN rt r MATCH_CONDITION(l.c3 >= r.c3) WHERE l.c1 = 'B'"));
    }

    @Test
    void starFiltersCombineAsTheSelectPageOrdersThem() throws SQLException {
        // select page: ILIKE then REPLACE / RENAME, and REPLACE then RENAME of the same column
        assertEquals(List.of("EMPID:NUMBER", "QUARTER:VARCHAR"), labels("SELECT * ILIKE '%e%' RENAME empid AS empid FROM quarterly_sales"));
        assertEquals(List.of("ID:NUMBER", "QUARTER:VARCHAR"), labels("SELECT * ILIKE '%e%' RENAME empid AS id FROM quarterly_sales"));
        assertEquals(List.of("E-1|2023_Q2"), db.rows("SELECT * ILIKE '%e%' REPLACE ('E-' || empid AS empid) FROM quarterly_sales WHERE amount = 5000"));
        assertEquals(List.of("EMPID:NUMBER", "AMOUNT:VARCHAR", "Q:VARCHAR"),
                labels("SELECT * REPLACE ('$' || amount AS amount) RENAME quarter AS q FROM quarterly_sales"));
        assertEquals(List.of("1|$5000|2023_Q2"), db.rows("SELECT * REPLACE ('$' || amount AS amount) RENAME (amount AS a, quarter AS q) "
                + "FROM quarterly_sales WHERE amount = 5000"));
    }

    @Test
    void sqlUdfsAreCalledLikeBuiltInFunctions() throws SQLException {
        // identifier-literal page: a function without arguments, called directly and through IDENTIFIER($var)
        EmulatorFixture.execute(db.connection(), "CREATE FUNCTION speed_of_light() RETURNS INTEGER AS $$ 299792458 $$");
        assertEquals(List.of("299792458"), db.rows("SELECT speed_of_light()"));
        assertEquals(List.of("SPEED_OF_LIGHT():NUMBER"), labels("SELECT speed_of_light()"));
        EmulatorFixture.execute(db.connection(), "SET my_function_name = 'speed_of_light'");
        assertEquals(List.of("299792458"), db.rows("SELECT IDENTIFIER($my_function_name)()"));
        // create-function page: arguments, the declared return type, a scalar query body, qualified calls
        EmulatorFixture.execute(db.connection(),
                "CREATE OR REPLACE FUNCTION add_tax(price NUMBER(10, 2), rate FLOAT) RETURNS NUMBER(10, 2) AS 'price * (1 + rate)'",
                "CREATE FUNCTION total_amount() RETURNS NUMBER AS $$ SELECT SUM(amount) FROM quarterly_sales $$");
        assertEquals(List.of("110.00|22600"), db.rows("SELECT add_tax(100, 0.1), selc.public.total_amount()"));
        assertEquals(List.of("ADD_TAX(1, 0.5):NUMBER"), labels("SELECT add_tax(1, 0.5)"));
        // a second CREATE of the same name without OR REPLACE fails; OR REPLACE changes the body
        SQLException again = assertThrows(SQLException.class,
                () -> EmulatorFixture.execute(db.connection(), "CREATE FUNCTION speed_of_light() RETURNS INTEGER AS $$ 1 $$"));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE FUNCTION speed_of_light() RETURNS INTEGER AS $$ 1 $$");
        assertEquals(List.of("1"), db.rows("SELECT speed_of_light()"));
    }

    @Test
    void sampleKeepsAShareOrACountOfTheRows() throws SQLException {
        // sample page: SAMPLE (p) keeps each row with probability p%, SAMPLE (n ROWS) exactly n rows; after an alias too
        EmulatorFixture.execute(db.connection(), "CREATE TABLE hundred AS SELECT SEQ4() AS n FROM TABLE(GENERATOR(ROWCOUNT => 100))");
        assertEquals(List.of("100"), db.rows("SELECT COUNT(*) FROM hundred SAMPLE (100)"));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM hundred TABLESAMPLE BERNOULLI (0)"));
        assertEquals(List.of("7"), db.rows("SELECT COUNT(*) FROM hundred AS h SAMPLE (7 ROWS) WHERE h.n >= 0"));
        assertEquals(db.rows("SELECT n FROM hundred SAMPLE ROW (30) SEED (42) ORDER BY n"),
                db.rows("SELECT n FROM hundred SAMPLE ROW (30) REPEATABLE (42) ORDER BY n"));
        // uniform page: UNIFORM over integers gives integers within the bounds
        assertEquals(List.of("TRUE"), db.rows("SELECT MIN(UNIFORM(1, 3, RANDOM())) >= 1 AND MAX(UNIFORM(1, 3, RANDOM())) <= 3 FROM hundred"));
    }

    @Test
    void setOperationsKeepTheLargerScaleOfANumberColumn() throws SQLException {
        // pivot page (AVG ... UNION ... MAX prints 5200.000000): DuckDB alone would unite NUMBER(38,6) and NUMBER(38,0)
        // as NUMBER(38,0) and round 1.5 to 2
        assertEquals(List.of("1.500000", "2.000000"),
                db.rows("SELECT AVG(column1) FROM VALUES (1), (2) UNION SELECT MAX(column1) FROM VALUES (1), (2) ORDER BY 1"));
        assertEquals(List.of("1.500000", "2.000000"),
                db.rows("SELECT MAX(column1) AS m FROM VALUES (1), (2) UNION ALL SELECT AVG(column1) FROM VALUES (1), (2) ORDER BY m"));
    }
}
