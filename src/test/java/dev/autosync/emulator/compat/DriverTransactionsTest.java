package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactions under the driver's autocommit setting and session parameters echoed to the driver,
 * through snowflake-jdbc. Pages: "Transactions" (sql-reference/transactions, AUTOCOMMIT) and
 * "Parameters" (sql-reference/parameters: AUTOCOMMIT, JDBC_TREAT_DECIMAL_AS_INT,
 * CLIENT_RESULT_COLUMN_CASE_INSENSITIVE).
 */
class DriverTransactionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S", "CREATE TABLE D.S.T (N INT)");

    private static long count(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("Transactions: with setAutoCommit(false) a rollback() undoes the DML since the last commit, commit() keeps it")
    void rollbackUndoesUnderAutocommitOff() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM T");
            c.setAutoCommit(false);
            assertFalse(c.getAutoCommit());
            s.executeUpdate("INSERT INTO T VALUES (1), (2)");
            c.rollback();
            assertEquals(0, count(s));
            s.executeUpdate("INSERT INTO T VALUES (3)");
            c.commit();
            s.executeUpdate("INSERT INTO T VALUES (4)");
            c.rollback();
            assertEquals(1, count(s));
            c.setAutoCommit(true);
        }
    }

    @Test
    @DisplayName("Transactions: uncommitted rows are not seen by another session, and ALTER SESSION SET AUTOCOMMIT commits them")
    void alterAutocommitCommits() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM T");
            s.execute("ALTER SESSION SET AUTOCOMMIT = FALSE");
            assertFalse(c.getAutoCommit(), "the driver follows the AUTOCOMMIT the server echoes");
            s.executeUpdate("INSERT INTO T VALUES (5)");
            s.execute("ALTER SESSION SET AUTOCOMMIT = TRUE");
            assertTrue(c.getAutoCommit());
            try (Connection other = db.fixture().connect("D", "S"); Statement o = other.createStatement()) {
                assertEquals(1, count(o));
            }
        }
    }

    @Test
    @DisplayName("Transactions: a session that ends with an open implicit transaction rolls it back")
    void sessionEndRollsBack() throws Exception {
        db.fixture().run("USE SCHEMA D.S", "DELETE FROM D.S.T");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO T VALUES (6)");
        }
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            assertEquals(0, count(s));
        }
    }

    @Test
    @DisplayName("Parameters: JDBC_USE_SESSION_TIMEZONE is TRUE by default, so getTimestamp of a TIMESTAMP_LTZ shows the session's wall clock")
    void useSessionTimezoneByDefault() throws Exception {
        String zone = java.util.TimeZone.getDefault().getID().equals("Asia/Tokyo") ? "Europe/Paris" : "Asia/Tokyo";
        java.time.Instant instant = java.time.LocalDateTime.of(2021, 12, 22, 9, 43, 44).atZone(java.time.ZoneId.of(zone)).toInstant();
        for (String format : new String[] {"JSON", "ARROW"}) {
            try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
                s.execute("ALTER SESSION SET JDBC_QUERY_RESULT_FORMAT = '" + format + "'");
                s.execute("ALTER SESSION SET TIMEZONE = '" + zone + "'");
                String sql = "SELECT '2021-12-22 09:43:44'::TIMESTAMP_LTZ";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    assertEquals("2021-12-22 09:43:44.0", rs.getTimestamp(1).toString(), format);
                    assertEquals(instant.toEpochMilli(), rs.getTimestamp(1).getTime(), format);
                }
                s.execute("ALTER SESSION SET JDBC_USE_SESSION_TIMEZONE = FALSE");
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    assertEquals(java.sql.Timestamp.from(instant).toString(), rs.getTimestamp(1).toString(), format + ", the JVM's zone");
                }
            }
        }
    }

    @Test
    @DisplayName("Parameters: JDBC_TREAT_DECIMAL_AS_INT = FALSE set by ALTER SESSION makes getObject return BigDecimal for NUMBER(38,0)")
    void treatDecimalAsInt() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            // JSON results: with ARROW the driver also needs its connection property JDBC_ARROW_TREAT_DECIMAL_AS_INT = false
            // (it treats a decimal as an int when either says so), as against Snowflake
            s.execute("ALTER SESSION SET JDBC_QUERY_RESULT_FORMAT = 'JSON'");
            try (ResultSet rs = s.executeQuery("SELECT 1::NUMBER(38,0)")) {
                rs.next();
                assertInstanceOf(Long.class, rs.getObject(1));
            }
            s.execute("ALTER SESSION SET JDBC_TREAT_DECIMAL_AS_INT = FALSE");
            try (ResultSet rs = s.executeQuery("SELECT 1::NUMBER(38,0)")) {
                rs.next();
                assertInstanceOf(BigDecimal.class, rs.getObject(1));
            }
            s.execute("ALTER SESSION UNSET JDBC_TREAT_DECIMAL_AS_INT");
            try (ResultSet rs = s.executeQuery("SELECT 1::NUMBER(38,0)")) {
                rs.next();
                assertInstanceOf(Long.class, rs.getObject(1), "UNSET echoes the default back");
            }
        }
    }

    @Test
    @DisplayName("Parameters: CLIENT_RESULT_COLUMN_CASE_INSENSITIVE = TRUE lets findColumn match any case")
    void caseInsensitiveColumns() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("ALTER SESSION SET CLIENT_RESULT_COLUMN_CASE_INSENSITIVE = TRUE");
            try (ResultSet rs = s.executeQuery("SELECT 1 AS \"MixedCase\"")) {
                rs.next();
                assertEquals(1, rs.getInt("mixedcase"));
            }
        }
    }
}
