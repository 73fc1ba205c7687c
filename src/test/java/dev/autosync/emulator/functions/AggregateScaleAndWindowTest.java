package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aggregates whose result type follows their argument's type (AVG's scale, SUM/AVG over text, KURTOSIS,
 * PERCENTILE_CONT, RATIO_TO_REPORT, the scale of a quotient of columns) and CONDITIONAL_CHANGE_EVENT, as the pages
 * under docs.snowflake.com/en/sql-reference/functions/ document them, through snowflake-jdbc.
 */
class AggregateScaleAndWindowTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.namedJson("AGGS",
            "CREATE TABLE avg_example (int_col INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))",
            "INSERT INTO avg_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.4, '2.4', 'two'),"
                    + " (2, NULL, NULL, 'NULL'), (3, NULL, NULL, 'NULL'), (NULL, 9.9, '9.9', 'nine')",
            "CREATE TABLE table1 (province VARCHAR, o_col INTEGER)",
            "INSERT INTO table1 VALUES ('Alberta', 0), ('Alberta', 0), ('Alberta', 13), ('Alberta', 13), ('Alberta', 14),"
                    + " ('Alberta', 15), ('Alberta', NULL), ('Manitoba', 30)");

    @Test
    void avgOfANumberIsAnExactQuotientWithSixMoreDigits() throws SQLException {
        // avg page: AVG(INT) 1.800000, AVG(DECIMAL(10,5)) 5.85000000000; text is cast to FLOAT
        assertEquals(List.of("1.800000|5.85000000000"), db.rows("SELECT AVG(int_col), AVG(d) FROM avg_example"));
        assertEquals(List.of("1|5.55000000000|5.55", "2|2.40000000000|2.4"),
                db.rows("SELECT int_col, AVG(d), AVG(s1) FROM avg_example WHERE int_col < 3 GROUP BY int_col ORDER BY int_col"));
        // the same through a CTE and with DISTINCT
        assertEquals(List.of("1.500000"), db.rows("WITH t AS (SELECT int_col FROM avg_example WHERE int_col < 3)"
                + " SELECT AVG(DISTINCT int_col) FROM t"));
    }

    @Test
    void sumOverTextIsAFloatAndFailsOnANonNumber() throws SQLException {
        // sum page: SUM(s1) over VARCHAR is a FLOAT; SUM(s2) holding 'one' fails as Snowflake's 100038
        assertEquals(List.of("23.40000|23.4"), db.rows("SELECT SUM(d), SUM(s1) FROM avg_example"));
        SQLException e = assertThrows(SQLException.class, () -> db.rows("SELECT SUM(s2) FROM avg_example"));
        assertTrue(e.getMessage().contains("Numeric value"), e.getMessage());
        assertEquals("22018", e.getSQLState());
    }

    @Test
    void windowAvgOfIntegersHasThreeDigitsAndQuotientsOfColumnsTheirScale() throws SQLException {
        // sum page (cumulative window): AVG(i) OVER (... ROWS ...) of integers is 10.000
        assertEquals(List.of("13|13.000", "14|13.500", "15|14.000"), db.rows("SELECT o_col, AVG(o_col) OVER (ORDER BY o_col"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM (SELECT DISTINCT o_col FROM table1) WHERE o_col"
                + " BETWEEN 13 AND 15 ORDER BY 1"));
        // functions-window-syntax page: over an explicit frame s + 3 digits, cut; with the default frame the quotient
        assertEquals(List.of("13|13.500|13.000000", "14|13.500|13.500000"), db.rows("SELECT o_col,"
                + " AVG(o_col) OVER (ORDER BY o_col ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING),"
                + " AVG(o_col) OVER (ORDER BY o_col) FROM (SELECT DISTINCT o_col FROM table1 WHERE o_col BETWEEN 13 AND 14)"
                + " ORDER BY 1"));
        // arithmetic operators page: a quotient of NUMBER(10,5) has scale 11; of integers scale 6
        assertEquals(List.of("0.55000000000|0.500000"), db.rows("SELECT d / 2, int_col / 2 FROM avg_example WHERE d = 1.1"));
        // div0null page: DIV0NULL(1, NULL) is 0.000000
        assertEquals(List.of("0.000000"), db.rows("SELECT DIV0NULL(1, NULL)"));
    }

    @Test
    void kurtosisPercentileContAndRatioToReportOfNumbers() throws SQLException {
        // kurtosis page: NUMBER(38,12) for a NUMBER argument
        assertEquals(List.of("-2.324218750000"), db.rows("SELECT KURTOSIS(v) FROM (SELECT column1::DECIMAL(10,2) v"
                + " FROM VALUES (10), (20), (25), (30), (10))"));
        // percentile_cont page: three more digits of scale, interpolated
        assertEquals(List.of("17.50000|26.25000"), db.rows("SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v),"
                + " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v DESC) FROM (SELECT column1::DECIMAL(10,2) v"
                + " FROM VALUES (10), (20), (25), (30))"));
        // ratio_to_report page: 100 * RATIO_TO_REPORT(NUMBER(11,2)) is 30.00000000
        assertEquals(List.of("30.00000000", "70.00000000"), db.rows("SELECT 100 * RATIO_TO_REPORT(v) OVER () FROM"
                + " (SELECT column1::NUMBER(11,2) v FROM VALUES (300), (700)) ORDER BY 1"));
    }

    @Test
    void conditionalChangeEventCountsChangesOfValue() throws SQLException {
        // conditional_change_event page: NULL is no change; each partition starts at 0
        assertEquals(List.of("Alberta|0|0", "Alberta|0|0", "Alberta|13|1", "Alberta|13|1", "Alberta|14|2", "Alberta|15|3",
                "Alberta|null|3", "Manitoba|30|0"), db.rows("SELECT province, o_col, CONDITIONAL_CHANGE_EVENT(o_col)"
                + " OVER (PARTITION BY province ORDER BY o_col) FROM table1 ORDER BY province, o_col"));
        SQLException e = assertThrows(SQLException.class, () -> db.rows("SELECT CONDITIONAL_CHANGE_EVENT(o_col) FROM table1"));
        assertTrue(e.getMessage().contains("requires an OVER clause"), e.getMessage());
    }

    @Test
    void varianceOfANumberIsANumber() throws SQLException {
        // var_samp page: VAR_SAMP of NUMBER(10,2) is 72.9166666667; of a FLOAT (and of text) a FLOAT
        assertEquals(List.of("72.9166666667|0.125"), db.rows("SELECT VAR_SAMP(v), VARIANCE(f) FROM (SELECT column1::DECIMAL(10,2) v,"
                + " column2 f FROM VALUES (10, '2.5'), (20, '3'), (25, NULL), (30, NULL))"));
        assertEquals(List.of("0.666667"), db.rows("SELECT VAR_POP(column1) FROM VALUES (1), (2), (3)"));
    }

    @Test
    void nextAndPreviousDayAndDatediffOverText() throws SQLException {
        // next_day / previous_day pages: the nearest given weekday strictly after / before, named by two letters
        assertEquals(List.of("2025-05-09|2025-05-16|2025-05-05|2025-05-02"), db.rows("SELECT NEXT_DAY('2025-05-06'::DATE, 'Friday'),"
                + " NEXT_DAY('2025-05-09'::DATE, 'fr'), PREVIOUS_DAY('2025-05-06'::DATE, 'mo'),"
                + " PREVIOUS_DAY('2025-05-09 10:00:00'::TIMESTAMP, ' FRIDAY')"));
        // datediff page: text columns are read as timestamps
        assertEquals(List.of("9"), db.rows("SELECT DATEDIFF(day, column1, column2) FROM VALUES ('2025-01-01', '2025-01-10')"));
    }

    @Test
    void anAggregateOnlySelectIgnoresItsOrderBy() throws SQLException {
        // array_agg page: ARRAY_AGG(DISTINCT ...) without GROUP BY, ORDER BY a column outside the select list
        assertEquals(List.of("[\n  \"Alberta\",\n  \"Manitoba\"\n]|8"), db.rows("SELECT ARRAY_AGG(DISTINCT province) WITHIN GROUP"
                + " (ORDER BY province ASC), COUNT(*) FROM table1 ORDER BY province ASC"));
    }
}
