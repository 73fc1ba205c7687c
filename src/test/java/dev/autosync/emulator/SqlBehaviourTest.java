package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snowflake SQL behaviour the emulator reproduces on DuckDB, checked through snowflake-jdbc. */
class SqlBehaviourTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE SQLB", "CREATE SCHEMA SQLB.S");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    private static SQLException fails(String sql) {
        return assertThrows(SQLException.class, () -> exec(sql));
    }

    @Test
    void updateFromAndDeleteUsingJoinAnotherTable() throws Exception {
        exec("CREATE TABLE join_target (id NUMBER, v VARCHAR)", "CREATE TABLE join_source (id NUMBER, v VARCHAR)",
                "INSERT INTO join_target VALUES (1, 'a'), (2, 'b'), (3, 'c')", "INSERT INTO join_source VALUES (1, 'A'), (3, 'C')");
        try (Statement s = c.createStatement()) {
            assertEquals(2, s.executeUpdate("UPDATE join_target t SET v = s.v FROM join_source s WHERE t.id = s.id"));
            assertEquals(List.of("1|A", "2|b", "3|C"), rows(c, "SELECT id, v FROM join_target ORDER BY id"));
            assertEquals(2, s.executeUpdate("DELETE FROM join_target t USING join_source s WHERE t.id = s.id"));
        }
        assertEquals(List.of("2|b"), rows(c, "SELECT id, v FROM join_target ORDER BY id"));
    }

    @Test
    void fixedPointDivisionIsExactAndFloatDivisionStaysFloat() throws Exception {
        exec("CREATE TABLE div_t (score NUMBER(6,2), max_score NUMBER(6,2), f FLOAT)",
                "INSERT INTO div_t VALUES (0.29, 200, 1.0)");
        // DuckDB alone divides decimals as DOUBLE: 0.29 / 200 * 100 = 0.14499..., which rounds to 0.14.
        assertEquals(List.of("0.15"), rows(c, "SELECT ROUND(score / max_score * 100, 2) FROM div_t"));
        assertEquals(List.of("0.15"), rows(c, "SELECT ROUND(1 + 0.29 / 200 * 100 - 1, 2)"));
        // Quotients keep a fixed scale (Snowflake: up to 12 digits), so compare values, not text.
        assertEquals(List.of("TRUE"), rows(c, "SELECT 12 / 3 / 2 = 2"));
        assertEquals(List.of("TRUE"), rows(c, "SELECT -1 / 2 = -0.5"));
        assertEquals(List.of("TRUE"), rows(c, "SELECT 7 / -2::NUMBER = -3.5"));
        // Snowflake rounds a quotient at max(s1, min(s1 + 6, 12)): six places for integers, eight for 2-decimal values.
        assertEquals(List.of("TRUE"), rows(c, "SELECT 1 / 3 = 0.333333"));
        assertEquals(List.of("TRUE"), rows(c, "SELECT 0.01 / 3 = 0.00333333"));
        assertEquals(List.of("TRUE"), rows(c, "SELECT 2 / 3 = 0.666667"));
        assertEquals(List.of("TRUE"), rows(c, "SELECT 1 / NULL IS NULL"));
        assertEquals(List.of("0.5"), rows(c, "SELECT f / 2::FLOAT FROM div_t"));
        SQLException e = fails("SELECT score / 0 FROM div_t");
        assertEquals(100051, e.getErrorCode(), e.getMessage());
    }

    @Test
    void unquotedNamesAreUpperCasedAndQuotedNamesAreExact() throws Exception {
        exec("CREATE TABLE lower_t (a INT)", "CREATE TABLE \"lower_t\" (\"a\" INT)", "INSERT INTO LOWER_T VALUES (1)",
                "INSERT INTO \"lower_t\" VALUES (2)");
        assertEquals(List.of("1"), rows(c, "SELECT A FROM lower_t"));
        assertEquals(List.of("2"), rows(c, "SELECT \"a\" FROM \"lower_t\""));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"a\", \"a\" AS \"MiXed\" FROM \"lower_t\"")) {
            assertEquals("a", rs.getMetaData().getColumnName(1));
            assertEquals("MiXed", rs.getMetaData().getColumnName(2));
        }
        SQLException e = fails("SELECT a FROM \"lower_t\"");
        assertEquals(904, e.getErrorCode());
        assertTrue(e.getMessage().contains("invalid identifier 'A'"), e.getMessage());
    }

    @Test
    void missingObjectsAre002003WithSqlState42S02() {
        SQLException e = fails("SELECT * FROM SQLB.S.NOPE");
        assertEquals(2003, e.getErrorCode());
        assertEquals("42S02", e.getSQLState());
        assertTrue(e.getMessage().contains("Object 'SQLB.S.NOPE' does not exist or not authorized."), e.getMessage());
    }

    @Test
    void createOfAnExistingObjectIs002002AndIfNotExistsSucceeds() throws Exception {
        exec("CREATE TABLE DUP (A INT)");
        SQLException e = fails("CREATE TABLE DUP (A INT)");
        assertEquals(2002, e.getErrorCode());
        assertEquals("42710", e.getSQLState());
        assertEquals(List.of("DUP already exists, statement succeeded."), rows(c, "CREATE TABLE IF NOT EXISTS DUP (B INT)"));
        exec("INSERT INTO DUP VALUES (5)", "CREATE OR REPLACE TABLE DUP (B INT)");
        assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM DUP"));
        assertTrue(fails("CREATE OR REPLACE TABLE IF NOT EXISTS DUP (B INT)").getMessage()
                .contains("OR REPLACE and IF NOT EXISTS are incompatible"));
    }

    @Test
    void syntaxErrorsAre001003() {
        SQLException e = fails("SELEC 1");
        assertEquals(1003, e.getErrorCode());
        assertEquals("42000", e.getSQLState());
    }

    @Test
    void pathAccessKeepsJsonNullApartFromMissingKeys() throws Exception {
        exec("CREATE OR REPLACE TABLE J (V VARIANT)",
                "INSERT INTO J SELECT PARSE_JSON('{\"a\": {\"b\": [10, {\"c\": \"x\"}]}, \"Case\": 1, \"case\": 2, "
                        + "\"n\": null, \"sp ace\": \"s\", \"num\": \"12.345\"}')");
        assertEquals(List.of("10|x|x|1|2|s"), rows(c, "SELECT V:a.b[0], V:a.b[1].c::VARCHAR, V['a']['b'][1]['c']::STRING, "
                + "V:\"Case\", V:case, V:\"sp ace\"::VARCHAR FROM J"));
        assertEquals(List.of("FALSE|TRUE|TRUE|TRUE"), rows(c, "SELECT V:n IS NULL, V:missing IS NULL, V:n::VARCHAR IS NULL, "
                + "IS_NULL_VALUE(V:n) FROM J"));
        assertEquals(List.of("NULL_VALUE|OBJECT|INTEGER"), rows(c, "SELECT TYPEOF(V:n), TYPEOF(V:a), TYPEOF(V:Case) FROM J"));
        assertEquals(List.of("en|x"), rows(c, "SELECT IFNULL(V:n::VARCHAR, 'en'), IFNULL(V:missing::VARCHAR, 'x') FROM J"));
        assertEquals(List.of("12.35|12.35"), rows(c, "SELECT V:num::NUMBER(7,2), TRY_TO_DECIMAL(V:num::VARCHAR, 7, 2) FROM J"));
    }

    @Test
    void castsRoundHalfAwayFromZeroAndTryFunctionsReturnNull() throws Exception {
        assertEquals(List.of("95.56|-95.56|null|null|123|null|TRUE|null"), rows(c, "SELECT '95.555'::NUMBER(7,2), "
                + "TRY_TO_DECIMAL('-95.555', 7, 2), TRY_TO_DECIMAL('abc', 7, 2), TRY_TO_NUMBER('123456789', 7, 2), "
                + "TRY_TO_NUMBER('123'), TRY_CAST('x' AS INT), TRY_TO_BOOLEAN('yes'), TRY_TO_BOOLEAN('perhaps')"));
        assertEquals(List.of("2024-09-03|null|2024-09-03"), rows(c, "SELECT TRY_TO_DATE('2024-09-03', 'YYYY-MM-DD'), "
                + "TRY_TO_DATE('09/03/2024', 'YYYY-MM-DD'), TO_DATE('03.09.2024', 'DD.MM.YYYY')"));
        SQLException e = fails("SELECT 'abc'::NUMBER");
        assertEquals(100038, e.getErrorCode());
        assertEquals("22018", e.getSQLState());
        assertTrue(e.getMessage().contains("Numeric value 'abc' is not recognized"), e.getMessage());
    }

    @Test
    void conditionalFunctionsAndDates() throws Exception {
        assertEquals(List.of("yes|b|b|c"), rows(c, "SELECT IFF(1 < 2, 'yes', 'no'), NVL(NULL, 'b'), IFNULL(NULL, 'b'), "
                + "COALESCE(NULL, NULL, 'c')"));
        assertEquals(List.of("2024-01-08|TRUE|2"), rows(c, "SELECT DATEADD(DAY, 7, '2024-01-01'::DATE)::DATE, "
                + "DATEADD(HOUR, -1, CURRENT_TIMESTAMP()) < CURRENT_TIMESTAMP(), DATEDIFF(day, '2024-01-01'::DATE, '2024-01-03'::DATE)"));
    }

    @Test
    void qualifyAndWindowFunctions() throws Exception {
        exec("CREATE OR REPLACE TABLE W (K VARCHAR, TS INT, V VARCHAR)",
                "INSERT INTO W VALUES ('a', 1, 'old'), ('a', 2, 'new'), ('b', 5, 'only')");
        assertEquals(List.of("a|new", "b|only"), rows(c, "SELECT K, V FROM W QUALIFY ROW_NUMBER() OVER (PARTITION BY K "
                + "ORDER BY TS DESC) = 1 ORDER BY K"));
    }

    @Test
    void mergeWithSeveralSourceRowsUpdatingOneTargetRowIs100090() throws Exception {
        exec("CREATE OR REPLACE TABLE MT (K INT, V VARCHAR)", "INSERT INTO MT VALUES (1, 'a')");
        SQLException e = fails("MERGE INTO MT USING (SELECT 1 AS K, 'x' AS V UNION ALL SELECT 1, 'y') S ON MT.K = S.K "
                + "WHEN MATCHED THEN UPDATE SET V = S.V WHEN NOT MATCHED THEN INSERT (K, V) VALUES (S.K, S.V)");
        assertEquals(100090, e.getErrorCode());
        assertEquals("42P18", e.getSQLState());
        assertEquals(List.of("1|a"), rows(c, "SELECT * FROM MT"), "nothing changed");
        // only one duplicate satisfies the UPDATE clause: deterministic, allowed
        exec("MERGE INTO MT USING (SELECT 1 AS K, 'x' AS V UNION ALL SELECT 1, 'y') S ON MT.K = S.K "
                + "WHEN MATCHED AND S.V = 'y' THEN UPDATE SET V = S.V");
        assertEquals(List.of("1|y"), rows(c, "SELECT * FROM MT"));
        // duplicates that only delete are deterministic too
        exec("MERGE INTO MT USING (SELECT 1 AS K UNION ALL SELECT 1) S ON MT.K = S.K WHEN MATCHED THEN DELETE");
        assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM MT"));
        // merge page (Duplicate join behavior): the error is about one target row joined with several source rows;
        // into an empty target nothing joins, so duplicates are not matched and each one inserts
        exec("MERGE INTO MT USING (SELECT 1 AS K, 'x' AS V UNION ALL SELECT 1, 'y') S ON MT.K = S.K "
                + "WHEN MATCHED THEN UPDATE SET V = S.V WHEN NOT MATCHED THEN INSERT (K, V) VALUES (S.K, S.V)");
        assertEquals(List.of("1|x", "1|y"), rows(c, "SELECT * FROM MT ORDER BY V"));
        // and once the target holds the key, the same MERGE is refused again
        SQLException again = fails("MERGE INTO MT USING (SELECT 1 AS K, 'x' AS V UNION ALL SELECT 1, 'y') S ON MT.K = S.K "
                + "WHEN MATCHED THEN UPDATE SET V = S.V WHEN NOT MATCHED THEN INSERT (K, V) VALUES (S.K, S.V)");
        assertEquals(100090, again.getErrorCode());
    }

    @Test
    void multiTableInsertAllAndFirst() throws Exception {
        // insert-multi-table page: ALL inserts into every INTO whose WHEN holds, FIRST only the first WHEN's, ELSE the rest
        exec("CREATE OR REPLACE TABLE MSRC (N1 INT)", "INSERT INTO MSRC VALUES (1), (11), (101)",
                "CREATE OR REPLACE TABLE MT1 (N1 INT)", "CREATE OR REPLACE TABLE MT2 (N1 INT, N2 INT)");
        exec("INSERT ALL WHEN n1 > 100 THEN INTO mt1 WHEN n1 > 10 THEN INTO mt1 INTO mt2 (n1) ELSE INTO mt2 (n1) SELECT n1 FROM msrc");
        assertEquals(List.of("11", "101", "101"), rows(c, "SELECT * FROM MT1 ORDER BY 1"));
        assertEquals(List.of("1|null", "11|null", "101|null"), rows(c, "SELECT * FROM MT2 ORDER BY 1"));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("INSERT OVERWRITE FIRST WHEN n1 > 100 THEN INTO mt1"
                + " WHEN n1 > 10 THEN INTO mt1 INTO mt2 VALUES (n1, n1 * 2) ELSE INTO mt2 (n1) SELECT n1 FROM msrc")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt("number of rows inserted into MT1"));
            assertEquals(2, rs.getInt("number of rows inserted into MT2"));
        }
        assertEquals(List.of("11", "101"), rows(c, "SELECT * FROM MT1 ORDER BY 1"));
        assertEquals(List.of("1|null", "11|22"), rows(c, "SELECT * FROM MT2 ORDER BY 1"));
    }

    @Test
    void mergeReportsOnlyTheKindsOfClauseItHasAndMatchesAllByName() throws Exception {
        // merge page: an update-only MERGE returns "number of rows updated" alone; UPDATE / INSERT ALL BY NAME pair
        // the target's columns with the source's columns of the same name, whatever their order
        exec("CREATE OR REPLACE TABLE MN (ID INT, X INT, Y VARCHAR)", "CREATE OR REPLACE TABLE MNS (ID INT, Y VARCHAR, X INT)",
                "INSERT INTO MN VALUES (1, 10, 'Skiing'), (2, 20, 'Snowboarding')",
                "INSERT INTO MNS VALUES (1, 'Skiing', 10), (2, 'Snowboarding', 25), (3, 'Skating', 30)");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("MERGE INTO MN USING MNS ON MN.ID = MNS.ID"
                + " WHEN MATCHED THEN UPDATE ALL BY NAME WHEN NOT MATCHED THEN INSERT ALL BY NAME")) {
            assertEquals(2, rs.getMetaData().getColumnCount());
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("number of rows inserted"));
            assertEquals(2, rs.getInt("number of rows updated"));
        }
        assertEquals(List.of("1|10|Skiing", "2|25|Snowboarding", "3|30|Skating"), rows(c, "SELECT * FROM MN ORDER BY ID"));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("MERGE INTO MN USING MNS ON MN.ID = MNS.ID"
                + " WHEN MATCHED THEN UPDATE SET MN.X = 0")) {
            assertEquals(1, rs.getMetaData().getColumnCount());
            assertEquals("number of rows updated", rs.getMetaData().getColumnName(1));
        }
    }

    @Test
    void mergeReportsRowsInsertedAndUpdated() throws Exception {
        exec("CREATE OR REPLACE TABLE MR (K INT, V VARCHAR)", "INSERT INTO MR VALUES (1, 'a'), (2, 'b')");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("MERGE INTO MR T USING (SELECT 1 AS K, 'x' AS V "
                + "UNION ALL SELECT 3, 'z') S ON T.K = S.K WHEN MATCHED THEN UPDATE SET V = S.V WHEN NOT MATCHED THEN "
                + "INSERT (K, V) VALUES (S.K, S.V)")) {
            assertEquals("number of rows inserted", rs.getMetaData().getColumnName(1));
            assertEquals("number of rows updated", rs.getMetaData().getColumnName(2));
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
        try (Statement s = c.createStatement()) {
            assertEquals(2, s.executeUpdate("UPDATE MR SET V = 'u' WHERE K >= 2"));
            assertEquals(1, s.executeUpdate("DELETE FROM MR WHERE K = 3"));
        }
        assertEquals(List.of("1|x", "2|u"), rows(c, "SELECT * FROM MR ORDER BY K"));
    }

    @Test
    void viewsResolveTheirNamesInTheirOwnSchema() throws Exception {
        exec("CREATE OR REPLACE TABLE VT (A INT)", "INSERT INTO VT VALUES (1), (2)",
                "CREATE OR REPLACE VIEW VV COMMENT = 'two rows' AS SELECT A * 10 AS TEN FROM VT");
        exec("USE SCHEMA SQLB.PUBLIC");
        try {
            assertEquals(List.of("10", "20"), rows(c, "SELECT TEN FROM SQLB.S.VV ORDER BY TEN"));
        } finally {
            exec("USE SCHEMA SQLB.S");
        }
        assertEquals(List.of("VV|two rows"), rows(c, "SHOW VIEWS LIKE 'vv'").stream()
                .map(r -> r.split("\\|")[1] + "|" + r.split("\\|")[6]).toList());
        assertEquals(List.of("TEN|NUMBER(38,0)"), rows(c, "DESC VIEW VV").stream()
                .map(r -> r.split("\\|")[0] + "|" + r.split("\\|")[1]).toList());
    }

    @Test
    void transactionsCommitOrRollBackTogether() throws Exception {
        exec("CREATE OR REPLACE TABLE TX (A INT)");
        exec("BEGIN", "INSERT INTO TX VALUES (1)", "ROLLBACK");
        assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM TX"));
        exec("BEGIN TRANSACTION", "INSERT INTO TX VALUES (1)", "INSERT INTO TX VALUES (2)", "COMMIT");
        assertEquals(List.of("2"), rows(c, "SELECT COUNT(*) FROM TX"));
    }

    @Test
    void useChangesTheSessionAndRefusesMissingObjects() throws Exception {
        SQLException e = fails("USE DATABASE NOPE_DB");
        assertEquals(2043, e.getErrorCode());
        exec("USE DATABASE SQLB");
        assertEquals(List.of("SQLB|PUBLIC"), rows(c, "SELECT CURRENT_DATABASE(), CURRENT_SCHEMA()"));
        exec("USE SCHEMA S");
        assertEquals(List.of("SQLB|S"), rows(c, "SELECT CURRENT_DATABASE(), CURRENT_SCHEMA()"));
    }

    @Test
    void unsupportedConstructsFailNamingThem() {
        String python = "CREATE PROCEDURE PY() RETURNS INT LANGUAGE PYTHON RUNTIME_VERSION = '3.11' PACKAGES = ('snowflake-snowpark-python')"
                + " HANDLER = 'run' AS 'def run(session): return 1'";
        for (String sql : List.of(python,
                "CREATE MATERIALIZED VIEW MV AS SELECT 1", "SELECT * FROM VT AT(OFFSET => -60)")) {
            SQLException e = fails(sql);
            assertTrue(e.getMessage().contains("Unsupported feature") || e.getErrorCode() == 1003, sql + ": " + e.getMessage());
        }
        SQLException e = fails(python);
        assertTrue(e.getMessage().contains("LANGUAGE PYTHON"), e.getMessage());
        assertEquals("0A000", e.getSQLState());
    }

    @Test
    void unknownFunctionsAreNamed() {
        SQLException e = fails("SELECT NO_SUCH_FUNCTION(1)");
        assertEquals(2140, e.getErrorCode());
        assertTrue(e.getMessage().contains("Unknown function NO_SUCH_FUNCTION"), e.getMessage());
    }

    @Test
    void stringLiteralsFollowSnowflakeEscapes() throws Exception {
        assertEquals(List.of("it's|back\\slash|tab\there|x"), rows(c, "SELECT 'it''s', 'back\\\\slash', 'tab\\there', '\\x78'"));
        assertEquals(List.of("raw \\n $$"), rows(c, "SELECT $$raw \\n $$ || '$$'"));
    }

    @Test
    void showAndDescribeTables() throws Exception {
        exec("CREATE OR REPLACE TABLE SD (ID NUMBER(10,0) NOT NULL COMMENT 'the id', NAME VARCHAR(20) DEFAULT 'x')");
        assertEquals(List.of("ID|NUMBER(10,0)|N|the id", "NAME|VARCHAR(20)|Y|null"), rows(c, "DESC TABLE SD").stream()
                .map(r -> {
                    String[] p = r.split("\\|");
                    return p[0] + "|" + p[1] + "|" + p[3] + "|" + p[9];
                }).toList());
        List<String> tables = rows(c, "SHOW TABLES LIKE 'S%' IN SCHEMA SQLB.S");
        assertFalse(tables.isEmpty());
        assertTrue(tables.stream().allMatch(r -> r.split("\\|")[1].startsWith("S")), tables.toString());
    }
}
