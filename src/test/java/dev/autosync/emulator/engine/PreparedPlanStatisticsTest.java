package dev.autosync.emulator.engine;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Why {@link PreparedQueries} keeps no statement that reads a table, at DuckDB's own level: duckdb_jdbc 1.5.6.0 runs
 * a prepared statement again on the table statistics of the moment it was prepared, after another connection
 * changed the rows (DuckDB issues 23704 and 24182), where Snowflake's statement sees every row committed before it
 * began (sql-reference/transactions, isolation level). When this fails, the DuckDB in use plans such statements
 * anew and {@link PreparedQueries#keepable} could keep table reads again (PreparedQueriesTest guards the emulator).
 * The strings stay within 12 bytes: a longer one crashed the JVM in a DuckDB worker's memcpy.
 */
class PreparedPlanStatisticsTest {
    @Test
    @DisplayName("DuckDB 1.5.6: a prepared table read runs on the statistics of its prepare after another connection's INSERT")
    void aPreparedTableReadRunsOnItsPrepareTimeStatistics() throws SQLException {
        try (DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Connection writer = root.duplicate(); Connection reader = root.duplicate();
             Statement w = writer.createStatement()) {
            w.execute("CREATE TABLE t (k INTEGER, s VARCHAR)");
            w.execute("INSERT INTO t VALUES (0, 'ab'), (1, 'abc')");
            String far = "SELECT count(*) FROM t WHERE k = 200";
            try (PreparedStatement kept = reader.prepareStatement(far);
                 PreparedStatement rows = reader.prepareStatement("SELECT s FROM t ORDER BY k")) {
                assertEquals(List.of("0"), read(kept));
                assertEquals(List.of("ab", "abc"), read(rows));
                w.execute("INSERT INTO t VALUES (200, 'aaaéaaa')");
                assertEquals(List.of("0"), read(kept), "k = 200 lies beyond the value range the plan was made for");
                assertNotEquals("aaaéaaa", read(rows).get(2), "longer than the longest string the plan was made for");
                try (PreparedStatement fresh = reader.prepareStatement(far)) {
                    assertEquals(List.of("1"), read(fresh), "prepared after the INSERT");
                }
            }
        }
    }

    private static List<String> read(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
