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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata through snowflake-jdbc. Pages: "SHOW PARAMETERS" (sql-reference/sql/show-parameters),
 * "Parameters" (CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY), "DESCRIBE DATABASE",
 * "Snowflake Information Schema" (DATABASES, SCHEMATA, TABLES, COLUMNS), and the JDBC driver's
 * connection parameter validateDefaultParameters (developer-guide/jdbc/jdbc-parameters).
 */
class DriverMetadataTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S", "CREATE TABLE D.S.T (ID INT NOT NULL, NAME VARCHAR(20))",
            "CREATE WAREHOUSE W");

    private static Connection connect(Properties extra) throws SQLException {
        Properties p = db.fixture().emulator().connectionProperties("tester", "secret", "D", "S");
        p.putAll(extra);
        return DriverManager.getConnection(db.fixture().emulator().jdbcUrl(), p);
    }

    private static List<String> column(Statement s, String sql, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    @Test
    @DisplayName("SHOW PARAMETERS: the session's values, set by ALTER SESSION or the connection, with their level; the heartbeat frequency is kept within 900..3600")
    void showParameters() throws Exception {
        Properties p = new Properties();
        p.put("CLIENT_PREFETCH_THREADS", "6");
        p.put("CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY", "4000");
        try (Connection c = connect(p); Statement s = c.createStatement()) {
            assertEquals(List.of("true"), column(s, "SHOW PARAMETERS LIKE 'autocommit'", "value"));
            s.execute("ALTER SESSION SET AUTOCOMMIT = FALSE");
            assertEquals(List.of("false"), column(s, "SHOW PARAMETERS LIKE 'AUTOCOMMIT' IN SESSION", "value"));
            assertEquals(List.of("SESSION"), column(s, "SHOW PARAMETERS LIKE 'AUTOCOMMIT'", "level"));
            assertEquals(List.of("6"), column(s, "SHOW PARAMETERS LIKE 'CLIENT_PREFETCH_THREADS'", "value"));
            assertEquals(List.of("3600"), column(s, "SHOW PARAMETERS LIKE 'CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY'", "value"));
            assertTrue(column(s, "SHOW PARAMETERS", "key").contains("TIMESTAMP_NTZ_OUTPUT_FORMAT"));
        }
    }

    @Test
    @DisplayName("validateDefaultParameters=true: a database, schema or warehouse that does not exist fails the login (390201), a role 390189; without it only the role is refused")
    void validateDefaultParameters() throws Exception {
        for (String[] wrong : new String[][] {{"db", "NOPE", "390201"}, {"schema", "NOPE", "390201"},
                {"warehouse", "NOPE", "390201"}, {"role", "NOPE", "390189"}}) {
            Properties p = new Properties();
            p.put("validateDefaultParameters", "true");
            p.put("warehouse", "W");
            p.put(wrong[0], wrong[1]);
            SQLException e = assertThrows(SQLException.class, () -> connect(p).close(), wrong[0]);
            assertEquals(Integer.parseInt(wrong[2]), e.getErrorCode(), wrong[0] + ": " + e.getMessage());
        }
        Properties ok = new Properties();
        ok.put("validateDefaultParameters", "true");
        ok.put("warehouse", "W");
        ok.put("role", "SYSADMIN");
        connect(ok).close();
        Properties lax = new Properties();
        lax.put("db", "NOPE");
        connect(lax).close();
        // a role that does not exist is refused even without validation ("the role decides what the session may do")
        Properties noRole = new Properties();
        noRole.put("role", "NOPE");
        assertEquals(390189, assertThrows(SQLException.class, () -> connect(noRole).close()).getErrorCode());
    }

    @Test
    @DisplayName("INFORMATION_SCHEMA: DATABASES, SCHEMATA, TABLES and COLUMNS describe the catalog; DatabaseMetaData.getCatalogs lists the databases")
    void informationSchema() throws Exception {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            assertTrue(column(s, "SELECT DATABASE_NAME FROM INFORMATION_SCHEMA.DATABASES", "DATABASE_NAME").contains("D"));
            assertEquals(List.of("INFORMATION_SCHEMA", "S"), column(s,
                    "SELECT SCHEMA_NAME FROM D.INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME <> 'PUBLIC' ORDER BY 1", "SCHEMA_NAME"));
            assertEquals(List.of("BASE TABLE"), column(s,
                    "SELECT TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'S' AND TABLE_NAME = 'T'", "TABLE_TYPE"));
            try (ResultSet rs = s.executeQuery("SELECT COLUMN_NAME, ORDINAL_POSITION, IS_NULLABLE, DATA_TYPE, "
                    + "CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'T' ORDER BY ORDINAL_POSITION")) {
                assertTrue(rs.next());
                assertEquals("ID|1|NO|NUMBER", rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                assertTrue(rs.next());
                assertEquals("NAME|TEXT|20", rs.getString(1) + "|" + rs.getString(4) + "|" + rs.getInt(5));
                assertFalse(rs.next());
            }
            List<String> catalogs = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getCatalogs()) {
                while (rs.next()) {
                    catalogs.add(rs.getString(1));
                }
            }
            assertTrue(catalogs.contains("D"), catalogs.toString());
        }
    }

    @Test
    @DisplayName("DESCRIBE DATABASE lists its schemas; a missing database is Snowflake's 002003")
    void describeDatabase() throws Exception {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            assertTrue(column(s, "DESC DATABASE D", "name").contains("S"));
            assertEquals(List.of("SCHEMA"), column(s, "DESC DATABASE D", "kind").stream().distinct().toList());
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("DESC DATABASE NOPE"));
            assertEquals(2003, e.getErrorCode());
        }
    }

    @Test
    @DisplayName("ResultSetMetaData: a plain column of one table reports its database, schema and table; computed columns, joins and RESULT_SCAN leave them empty")
    void resultColumnOrigins() throws Exception {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT * FROM T")) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("D", "S", "T", "D", "S", "T"), List.of(md.getCatalogName(1), md.getSchemaName(1), md.getTableName(1),
                        md.getCatalogName(2), md.getSchemaName(2), md.getTableName(2)));
            }
            try (ResultSet rs = s.executeQuery("SELECT t.NAME AS N, ID + 1 AS X, COUNT(*) OVER () AS K FROM D.S.T t WHERE ID > 0")) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("T", "", ""), List.of(md.getTableName(1), md.getTableName(2), md.getTableName(3)));
            }
            try (ResultSet rs = s.executeQuery("SELECT a.ID FROM T a JOIN T b ON a.ID = b.ID")) {
                assertEquals("", rs.getMetaData().getTableName(1));
            }
            String id;
            try (ResultSet rs = s.executeQuery("SELECT ID FROM T")) {
                id = rs.unwrap(net.snowflake.client.api.resultset.SnowflakeResultSet.class).getQueryID();
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM TABLE(RESULT_SCAN('" + id + "'))")) {
                assertEquals("", rs.getMetaData().getTableName(1));
            }
        }
    }
}
