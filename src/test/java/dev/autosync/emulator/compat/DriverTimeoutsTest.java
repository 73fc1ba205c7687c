package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query timeouts and cancels through snowflake-jdbc. Pages: "SYSTEM$WAIT" (sql-reference/functions/system_wait:
 * waits, checks periodically for cancellation), "GENERATOR" (ROWCOUNT / TIMELIMIT), "Parameters"
 * (STATEMENT_TIMEOUT_IN_SECONDS), and the JDBC driver's Statement.setQueryTimeout / cancel (the driver
 * sends an abort-request; with IMPLICIT_SERVER_SIDE_QUERY_TIMEOUT it leaves the timeout to the server).
 * The bounds on elapsed time only tell "stopped early" from "ran to the end" (100 s waits).
 */
class DriverTimeoutsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S");

    private static Connection connect(Properties extra) throws SQLException {
        Properties p = db.fixture().emulator().connectionProperties("tester", "secret", "D", "S");
        p.putAll(extra);
        return DriverManager.getConnection(db.fixture().emulator().jdbcUrl(), p);
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    @DisplayName("SYSTEM$WAIT answers 'waited <amount> <unit>'; GENERATOR stops at ROWCOUNT or TIMELIMIT, whichever comes first")
    void waitAndGenerator() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            assertEquals("waited 1 seconds", one(s, "SELECT SYSTEM$WAIT(1)"));
            assertEquals("waited 20 milliseconds", one(s, "SELECT SYSTEM$WAIT(20, 'MILLISECONDS')"));
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT SYSTEM$WAIT(1, 'WEEKS')"));
            assertTrue(e.getMessage().contains("invalid time unit"), e.getMessage());
            assertEquals("10", one(s, "SELECT COUNT(*) FROM TABLE(GENERATOR(ROWCOUNT => 10, TIMELIMIT => 30))"));
            long t0 = System.nanoTime();
            long rows = Long.parseLong(one(s, "SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 1))"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(rows > 0, "rows generated within the time limit: " + rows);
            assertTrue(millis >= 900 && millis < 30_000, "took " + millis + " ms");
        }
    }

    @Test
    @DisplayName("setQueryTimeout: the driver's abort-request cancels the waiting statement: 57014 'SQL execution canceled'")
    void clientSideTimeoutCancels() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long t0 = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT SYSTEM$WAIT(100)"));
            assertEquals("57014", e.getSQLState());
            assertEquals("SQL execution canceled", e.getMessage());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 30);
        }
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 100))"));
            assertEquals("57014", e.getSQLState());
        }
    }

    @Test
    @DisplayName("IMPLICIT_SERVER_SIDE_QUERY_TIMEOUT and STATEMENT_TIMEOUT_IN_SECONDS: the server stops the statement, 000630 naming the limit")
    void serverSideTimeout() throws Exception {
        Properties p = new Properties();
        p.put("IMPLICIT_SERVER_SIDE_QUERY_TIMEOUT", "true");
        try (Connection c = connect(p); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT SYSTEM$WAIT(100)"));
            assertEquals("57014", e.getSQLState());
            assertEquals(630, e.getErrorCode());
            assertTrue(e.getMessage().contains("Statement reached its statement or warehouse timeout of 1 second(s) and was canceled"),
                    e.getMessage());
        }
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = 1");
            long t0 = System.nanoTime();
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 100))"));
            assertEquals(630, e.getErrorCode());
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 30);
            s.execute("ALTER SESSION UNSET STATEMENT_TIMEOUT_IN_SECONDS");
            assertEquals("waited 1 seconds", one(s, "SELECT SYSTEM$WAIT(1)"));
        }
    }

    @Test
    @DisplayName("Statement.cancel() from another thread stops a running statement; the connection goes on working")
    void cancelFromAnotherThread() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery("SELECT SYSTEM$WAIT(100)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(1500);
            s.cancel();
            SQLException e = running.get(30, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
            try (Statement next = c.createStatement()) {
                assertEquals("1", one(next, "SELECT 1"));
            }
        }
    }
}
