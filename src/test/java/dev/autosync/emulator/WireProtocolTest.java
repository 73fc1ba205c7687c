package dev.autosync.emulator;

import net.snowflake.client.api.statement.SnowflakeStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire protocol as snowflake-jdbc sees it: login, results, errors, binds, multi-statement, sessions. */
class WireProtocolTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        fx.run("CREATE DATABASE WIRE", "CREATE SCHEMA WIRE.S");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void aRefusedLoginIs390100WithSqlState08001(@TempDir Path dir) throws Exception {
        try (LocalEmulator secured = LocalEmulator.start(dir, 0, "ADMIN", "right", m -> { })) {
            Properties p = secured.connectionProperties("admin", "wrong", null, null);
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(secured.jdbcUrl(), p));
            assertEquals(390100, e.getErrorCode());
            assertEquals("08001", e.getSQLState());
            try (Connection ok = DriverManager.getConnection(secured.jdbcUrl(), secured.connectionProperties("admin", "right",
                    null, null))) {
                assertEquals(List.of("ADMIN"), rows(ok, "SELECT CURRENT_USER()"));
            }
        }
    }

    @Test
    void errorsComeBackAsHttp200WithTheSnowflakeEnvelope() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fx.emulator().port() + "/queries/v1/query-request"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sqlText\":\"SELECT 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"success\":false"), r.body());
        assertTrue(r.body().contains("\"code\":\"390112\""), r.body());
    }

    @Test
    void eachSessionKeepsItsOwnDatabaseAndSchema() throws Exception {
        try (Connection a = fx.connect(); Connection b = fx.connect("WIRE", "S")) {
            try (Statement s = a.createStatement()) {
                s.execute("USE SCHEMA WIRE.PUBLIC");
            }
            assertEquals(List.of("WIRE|PUBLIC"), rows(a, "SELECT CURRENT_DATABASE(), CURRENT_SCHEMA()"));
            assertEquals(List.of("WIRE|S"), rows(b, "SELECT CURRENT_DATABASE(), CURRENT_SCHEMA()"));
        }
    }

    @Test
    void heartbeatAndCloseWork() throws Exception {
        Connection c = fx.connect();
        assertTrue(c.isValid(5));
        c.close();
        assertTrue(c.isClosed());
    }

    @Test
    void multiStatementRequestsReturnEachResultAndKeepBlocksWhole() throws Exception {
        try (Connection c = fx.connect("WIRE", "S"); Statement s = c.createStatement()) {
            s.unwrap(SnowflakeStatement.class).setParameter("MULTI_STATEMENT_COUNT", 4);
            boolean first = s.execute("CREATE OR REPLACE TABLE M (A INT); INSERT INTO M VALUES (7), (8); "
                    + "EXECUTE IMMEDIATE $$ BEGIN INSERT INTO M VALUES (9); RETURN 'done'; END; $$; SELECT A FROM M ORDER BY A");
            assertFalse(first, "the first result is the DDL's");
            // the driver answers true while statements remain, even for an update count
            assertTrue(s.getMoreResults());
            assertNull(s.getResultSet());
            assertEquals(2, s.getUpdateCount());
            assertTrue(s.getMoreResults());
            try (ResultSet block = s.getResultSet()) {
                assertTrue(block.next());
                assertEquals("done", block.getString(1));
            }
            assertTrue(s.getMoreResults());
            List<Integer> values = new ArrayList<>();
            try (ResultSet rs = s.getResultSet()) {
                while (rs.next()) {
                    values.add(rs.getInt(1));
                }
            }
            assertEquals(List.of(7, 8, 9), values);
        }
    }

    @Test
    void aStatementCountMismatchIs000008() throws Exception {
        try (Connection c = fx.connect("WIRE", "S"); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT 1; SELECT 2"));
            assertEquals(8, e.getErrorCode());
            assertTrue(e.getMessage().contains("Actual statement count 2 did not match the desired statement count 1"));
        }
    }

    @Test
    void positionalBindsOfEveryTypeRoundTrip() throws Exception {
        try (Connection c = fx.connect("WIRE", "S")) {
            try (Statement s = c.createStatement()) {
                // setTimestamp binds a TIMESTAMP_LTZ (CLIENT_TIMESTAMP_TYPE_MAPPING) of the JVM's wall clock, which a
                // TIMESTAMP_NTZ column reads in the session's TIMEZONE: it round-trips when the two zones agree
                s.execute("ALTER SESSION SET TIMEZONE = '" + java.util.TimeZone.getDefault().getID() + "'");
                s.execute("CREATE OR REPLACE TABLE B (I NUMBER, D NUMBER(10,2), F FLOAT, T VARCHAR, BO BOOLEAN, DT DATE, TS TIMESTAMP_NTZ)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO B VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, 9007199254740993L);
                ps.setBigDecimal(2, new BigDecimal("12345.67"));
                ps.setDouble(3, 1.5);
                ps.setString(4, "it's \"quoted\"");
                ps.setBoolean(5, true);
                ps.setDate(6, Date.valueOf(LocalDate.of(2024, 2, 29)));
                ps.setTimestamp(7, Timestamp.valueOf("2024-01-15 10:11:12.123"));
                assertEquals(1, ps.executeUpdate());
                ps.setNull(1, java.sql.Types.NUMERIC);
                ps.setNull(2, java.sql.Types.DECIMAL);
                ps.setNull(3, java.sql.Types.DOUBLE);
                ps.setNull(4, java.sql.Types.VARCHAR);
                ps.setNull(5, java.sql.Types.BOOLEAN);
                ps.setNull(6, java.sql.Types.DATE);
                ps.setNull(7, java.sql.Types.TIMESTAMP);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT I, D, F, T, BO, DT, TS FROM B WHERE I = ?")) {
                ps.setLong(1, 9007199254740993L);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(9007199254740993L, rs.getLong(1));
                    assertEquals(new BigDecimal("12345.67"), rs.getBigDecimal(2));
                    assertEquals(1.5, rs.getDouble(3));
                    assertEquals("it's \"quoted\"", rs.getString(4));
                    assertTrue(rs.getBoolean(5));
                    assertEquals(LocalDate.of(2024, 2, 29), rs.getDate(6).toLocalDate());
                    assertEquals(Timestamp.valueOf("2024-01-15 10:11:12.123"), rs.getTimestamp(7));
                    assertFalse(rs.next());
                }
            }
            assertEquals(List.of("null|null|null|null|null|null|null"), rows(c, "SELECT * FROM B WHERE I IS NULL"));
        }
    }

    @Test
    void batchedPreparedStatementsUseArrayBinds() throws Exception {
        try (Connection c = fx.connect("WIRE", "S")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE OR REPLACE TABLE BATCH (ID INT, NAME VARCHAR)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO BATCH (ID, NAME) VALUES (?, ?)")) {
                for (int i = 0; i < 250; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row-" + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(250, counts.length);
            }
            assertEquals(List.of("250|31125"), rows(c, "SELECT COUNT(*), SUM(ID) FROM BATCH"));
        }
    }

    @Test
    void resultColumnsHaveSnowflakeTypes() throws Exception {
        try (Connection c = fx.connect("WIRE", "S"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1::NUMBER(10,2) AS N, 2.5::FLOAT AS F, 'x' AS T, TRUE AS B, "
                     + "'2024-01-02'::DATE AS D, '13:14:15'::TIME AS TM, '2024-01-02 03:04:05'::TIMESTAMP_NTZ AS NTZ, "
                     + "'2024-01-02 03:04:05+02:00'::TIMESTAMP_TZ AS TZ, PARSE_JSON('{\"a\":1}') AS V, "
                     + "TO_BINARY('ABCD', 'HEX') IS NULL AS BN")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("NUMBER", md.getColumnTypeName(1));
            assertEquals(2, md.getScale(1));
            assertEquals("DOUBLE", md.getColumnTypeName(2).replace("FLOAT", "DOUBLE"));
            assertEquals("VARCHAR", md.getColumnTypeName(3));
            assertEquals("BOOLEAN", md.getColumnTypeName(4));
            assertEquals("DATE", md.getColumnTypeName(5));
            assertEquals("TIME", md.getColumnTypeName(6));
            assertEquals("TIMESTAMPNTZ", md.getColumnTypeName(7));
            assertTrue(md.getColumnTypeName(8).startsWith("TIMESTAMP"));
            assertEquals("VARIANT", md.getColumnTypeName(9));
            assertTrue(rs.next());
            assertEquals(new BigDecimal("1.00"), rs.getBigDecimal(1));
            assertEquals(2.5, rs.getDouble(2));
            assertEquals("2024-01-02", rs.getDate(5).toString());
            assertEquals("13:14:15", rs.getTime(6).toString());
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getTimestamp(7));
            assertEquals(java.time.Instant.parse("2024-01-02T01:04:05Z"), rs.getTimestamp(8).toInstant());
            // a client reads a VARIANT as Snowflake prints it: pretty JSON (semi-structured data types page)
            assertEquals("{\n  \"a\": 1\n}", rs.getString(9));
        }
    }

    @Test
    void concurrentConnectionsEachSeeTheirOwnWork() throws Exception {
        fx.run("CREATE OR REPLACE TABLE WIRE.S.C (T INT, N INT)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                try (Connection c = fx.connect("WIRE", "S"); PreparedStatement ps = c.prepareStatement("INSERT INTO C VALUES (?, ?)")) {
                    for (int i = 0; i < 25; i++) {
                        ps.setInt(1, thread);
                        ps.setInt(2, i);
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = fx.connect("WIRE", "S")) {
            assertEquals(List.of("0|25", "1|25", "2|25", "3|25"), rows(c, "SELECT T, COUNT(*) FROM C GROUP BY T ORDER BY T"));
        }
    }

    @Test
    void largeResultsArriveWhole() throws Exception {
        try (Connection c = fx.connect("WIRE", "S"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SEQ4() AS SEQ FROM TABLE(GENERATOR(ROWCOUNT => 200000))")) {
            long n = 0;
            long sum = 0;
            while (rs.next()) {
                n++;
                sum += rs.getLong(1);
            }
            assertEquals(200000, n);
            assertEquals(199999L * 200000 / 2, sum);
        }
    }

    @Test
    void nullsAndUnicodeSurvive() throws Exception {
        try (Connection c = fx.connect("WIRE", "S"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT NULL::VARCHAR, 'Chloé 日本 \\u00e9', ''")) {
            assertTrue(rs.next());
            assertNull(rs.getString(1));
            assertEquals("Chloé 日本 é", rs.getString(2));
            assertEquals("", rs.getString(3));
        }
    }

    @Test
    void binaryValuesComeBackAsBytes() throws Exception {
        fx.run("CREATE OR REPLACE TABLE WIRE.S.BIN (B BINARY)");
        try (Connection c = fx.connect("WIRE", "S")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO BIN VALUES (?)")) {
                ps.setBytes(1, new byte[] {1, 2, (byte) 0xff});
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT B FROM BIN")) {
                assertTrue(rs.next());
                assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBytes(1));
            }
        }
    }
}
