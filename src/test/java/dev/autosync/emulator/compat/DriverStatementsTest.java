package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements the driver's own tests use, through snowflake-jdbc. Pages: "RANDSTR"
 * (sql-reference/functions/randstr), "DROP SCHEMA" (sql-reference/sql/drop-schema), "GET" (sql-reference/sql/get), "SHOW OBJECTS"
 * (sql-reference/sql/show-objects), and the JDBC driver's batch and prepared-statement behaviour
 * (developer-guide/jdbc/jdbc-using: "Batch inserts", ParameterMetaData).
 */
class DriverStatementsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S", "CREATE TABLE D.S.T (ID INT, NAME STRING)",
            "CREATE VIEW D.S.V AS SELECT 1 AS C");

    @TempDir
    static Path dir;

    @Test
    @DisplayName("RANDSTR(length, gen): alphanumeric, of the length asked, the same for the same gen and different for another")
    void randstr() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT RANDSTR(100, 7), RANDSTR(100, 7), RANDSTR(100, 8), RANDSTR(5, 1)")) {
            rs.next();
            assertEquals(100, rs.getString(1).length());
            assertTrue(rs.getString(1).matches("[0-9a-zA-Z]+"));
            assertEquals(rs.getString(1), rs.getString(2));
            assertNotEquals(rs.getString(1), rs.getString(3));
            assertEquals(5, rs.getString(4).length());
        }
    }

    @Test
    @DisplayName("DROP SCHEMA of the current schema (sql-reference/sql/drop-schema, its example): PUBLIC becomes current")
    void droppingTheCurrentSchema() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA GONE");
            try (ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA()")) {
                assertTrue(rs.next());
                assertEquals("GONE", rs.getString(1), "CREATE SCHEMA makes the new schema current");
            }
            s.execute("DROP SCHEMA GONE");
            try (ResultSet rs = s.executeQuery("SELECT CURRENT_SCHEMA()")) {
                assertTrue(rs.next());
                assertEquals("PUBLIC", rs.getString(1));
            }
            s.execute("CREATE OR REPLACE TABLE AFTER_DROP (A INT)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM D.PUBLIC.AFTER_DROP")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
            s.execute("DROP TABLE D.PUBLIC.AFTER_DROP");
        }
    }

    @Test
    @DisplayName("SHOW ... IN a schema or database that does not exist fails 42S02 (sql-reference/sql/show-columns); getColumns then has no rows")
    void showInMissingScope() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SHOW COLUMNS IN SCHEMA NOPE.NADA"));
            assertEquals("42S02", e.getSQLState());
            assertEquals(2003, e.getErrorCode());
            e = assertThrows(SQLException.class, () -> s.executeQuery("SHOW TABLES IN SCHEMA D.NADA"));
            assertTrue(e.getMessage().contains("Schema 'NADA' does not exist"), e.getMessage());
            try (ResultSet rs = c.getMetaData().getColumns("NOPE", "NADA", null, null)) {
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SHOW TABLES IN SCHEMA D.S")) {
                assertTrue(rs.next(), "an existing schema still lists its tables");
            }
        }
    }

    @Test
    @DisplayName("backtick-quoted identifiers read as double-quoted ones (snowflake-jdbc's MultiStatementIT creates `test_multi`; UNVERIFIED semantics)")
    void backtickIdentifiers() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMPORARY TABLE `test_multi` (cola STRING)");
            s.execute("INSERT INTO `test_multi` VALUES ('a')");
            try (ResultSet rs = s.executeQuery("SELECT cola FROM \"test_multi\"")) {
                assertTrue(rs.next(), "the same table as the double-quoted name");
                assertEquals("a", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT '\\` backticks', '\\\\` more `backticks`'")) {
                assertTrue(rs.next());
                assertEquals("` backticks", rs.getString(1), "a backtick inside a string stays text");
            }
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM TEST_MULTI"));
            assertEquals("42S02", e.getSQLState(), "case-sensitive, as a double-quoted name");
        }
    }

    @Test
    @DisplayName("ParameterMetaData: getParameterCount counts the ? binds of a prepared statement, 0 without binds")
    void parameterCount() throws Exception {
        try (Connection c = db.fixture().connect("D", "S")) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE T SET NAME = ? WHERE ID = ?")) {
                assertEquals(2, ps.getParameterMetaData().getParameterCount());
                assertEquals("text", ps.getParameterMetaData().getParameterTypeName(1));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM T")) {
                assertEquals(0, ps.getParameterMetaData().getParameterCount());
            }
        }
    }

    @Test
    @DisplayName("A batched UPDATE answers one update count per row of the batch; a batched INSERT one per row too")
    void batchCounts() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("DELETE FROM T");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    ins.setInt(1, i % 2);
                    ins.setString(2, "n" + i);
                    ins.addBatch();
                }
                assertArrayEquals(new int[] {1, 1, 1}, ins.executeBatch());
            }
            try (PreparedStatement upd = c.prepareStatement("UPDATE T SET NAME = ? WHERE ID = ?")) {
                upd.setString(1, "odd");
                upd.setInt(2, 1);
                upd.addBatch();
                upd.setString(1, "none");
                upd.setInt(2, 5);
                upd.addBatch();
                assertArrayEquals(new int[] {2, 0}, upd.executeBatch());
            }
        }
    }

    @Test
    @DisplayName("GET @stage file:///folder works with or without a trailing slash on the folder")
    void getWithoutTrailingSlash() throws Exception {
        Path src = Files.writeString(dir.resolve("g.csv"), "1,a\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE STAGE G");
            s.execute("PUT file://" + src + " @G AUTO_COMPRESS = FALSE");
            s.execute("GET @G file://" + out);
            assertTrue(Files.exists(out.resolve("g.csv")));
        }
    }

    @Test
    @DisplayName("A query's result can be fetched by its query id from another session of the same user (createResultSet)")
    void resultByQueryIdFromAnotherSession() throws Exception {
        try (Connection first = db.fixture().connect("D", "S"); Statement s = first.createStatement();
             Connection second = db.fixture().connect("D", "S")) {
            String queryId;
            try (ResultSet rs = s.unwrap(net.snowflake.client.api.statement.SnowflakeStatement.class)
                    .executeAsyncQuery("SELECT 42 AS ANSWER")) {
                queryId = rs.unwrap(net.snowflake.client.api.resultset.SnowflakeResultSet.class).getQueryID();
            }
            try (ResultSet rs = second.unwrap(net.snowflake.client.api.connection.SnowflakeConnection.class)
                    .createResultSet(queryId)) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt("ANSWER"));
            }
        }
    }

    @Test
    @DisplayName("SHOW OBJECTS lists the tables and views of a schema with their kind; a schema that does not exist is an error")
    void showObjects() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW OBJECTS IN SCHEMA D.S")) {
                while (rs.next()) {
                    rows.add(rs.getString("name") + ":" + rs.getString("kind"));
                }
            }
            assertTrue(rows.contains("T:TABLE") && rows.contains("V:VIEW"), rows.toString());
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SHOW OBJECTS IN SCHEMA D.NOPE"));
            assertEquals(2003, e.getErrorCode());
        }
    }

    @Test
    @DisplayName("Multi-statement requests: a statement that fails while running is reported as P0000 and stops the rest; one that cannot start runs none (42000)")
    void multiStatementErrors() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            net.snowflake.client.api.statement.SnowflakeStatement sf = s.unwrap(net.snowflake.client.api.statement.SnowflakeStatement.class);
            s.execute("SET MV = 1");
            sf.setParameter("MULTI_STATEMENT_COUNT", 3);
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SET MV = 2; SELECT NOPE FROM NO_TABLE; SET MV = 3"));
            assertEquals("P0000", e.getSQLState());
            assertEquals(2003, e.getErrorCode());
            sf.setParameter("MULTI_STATEMENT_COUNT", 2);
            e = assertThrows(SQLException.class, () -> s.execute("garbage text; SET MV = 4"));
            assertEquals("42000", e.getSQLState());
            sf.setParameter("MULTI_STATEMENT_COUNT", 1);
            // the syntax error comes before the statement count's mismatch
            e = assertThrows(SQLException.class, () -> s.execute("garbage text; SET MV = 5"));
            assertEquals("42000", e.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT $MV")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
        }
    }
}
