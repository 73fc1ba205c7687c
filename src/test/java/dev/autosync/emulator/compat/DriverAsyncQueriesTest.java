package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import net.snowflake.client.api.resultset.QueryStatus;
import net.snowflake.client.api.resultset.SnowflakeAsyncResultSet;
import net.snowflake.client.api.statement.SnowflakeStatement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asynchronous queries through snowflake-jdbc (executeAsyncQuery): the query runs on while the client
 * goes on, its status comes from the monitoring endpoint, its rows from RESULT_SCAN, and its error
 * reaches the client at the first fetch. Pages: the JDBC driver's "Submitting an asynchronous query"
 * (developer-guide/jdbc/jdbc-using), "RESULT_SCAN", "SYSTEM$WAIT", "Parameters" (STATEMENT_TIMEOUT_IN_SECONDS).
 */
class DriverAsyncQueriesTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S");

    private static QueryStatus.Status awaitEnd(SnowflakeAsyncResultSet rs) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        QueryStatus.Status status;
        do {
            status = rs.getStatus().getStatus();
            if (status != QueryStatus.Status.RUNNING) {
                return status;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        return status;
    }

    @Test
    @DisplayName("executeAsyncQuery returns before the query ends; the status goes RUNNING -> SUCCESS and the rows follow")
    void runsOnWhileTheClientGoesOn() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            try (ResultSet rs = s.unwrap(SnowflakeStatement.class).executeAsyncQuery("SELECT SYSTEM$WAIT(2) AS W")) {
                assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 1500, "submitting did not wait for the query");
                SnowflakeAsyncResultSet async = rs.unwrap(SnowflakeAsyncResultSet.class);
                assertEquals(QueryStatus.Status.RUNNING, async.getStatus().getStatus());
                assertEquals(QueryStatus.Status.SUCCESS, awaitEnd(async));
                assertTrue(rs.next());
                assertEquals("waited 2 seconds", rs.getString("W"));
            }
        }
    }

    @Test
    @DisplayName("An async query's error is reported by its status and at the first fetch, not when it is submitted")
    void errorAtFirstFetch() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.unwrap(SnowflakeStatement.class).executeAsyncQuery("SELECT * FROM NO_SUCH_TABLE")) {
                SnowflakeAsyncResultSet async = rs.unwrap(SnowflakeAsyncResultSet.class);
                assertEquals(QueryStatus.Status.FAILED_WITH_ERROR, awaitEnd(async));
                assertEquals(2003, async.getStatus().getErrorCode());
                SQLException e = assertThrows(SQLException.class, rs::next);
                assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
            }
        }
    }

    @Test
    @DisplayName("setAsyncQueryTimeout: the server stops the async query at its timeout, FAILED_WITH_ERROR naming the limit")
    void asyncTimeout() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            SnowflakeStatement sf = s.unwrap(SnowflakeStatement.class);
            sf.setAsyncQueryTimeout(1);
            try (ResultSet rs = sf.executeAsyncQuery("SELECT SYSTEM$WAIT(100)")) {
                SnowflakeAsyncResultSet async = rs.unwrap(SnowflakeAsyncResultSet.class);
                assertEquals(QueryStatus.Status.FAILED_WITH_ERROR, awaitEnd(async));
                assertTrue(async.getStatus().getErrorMessage().contains(
                        "Statement reached its statement or warehouse timeout of 1 second(s) and was canceled"),
                        async.getStatus().getErrorMessage());
            }
        }
    }
}
