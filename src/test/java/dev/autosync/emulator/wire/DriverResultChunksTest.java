package dev.autosync.emulator.wire;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results in several chunks, client telemetry and Arrow's scaled integers, through snowflake-jdbc with
 * the emulator's default chunk sizes. Pages: "Parameters" (sql-reference/parameters: CLIENT_RESULT_CHUNK_SIZE,
 * "the JDBC driver downloads query results in chunks"), "Numeric data types" (sql-reference/data-types-numeric:
 * NUMBER(p,s)). The driver's own ResultSetLatestIT (testMultipleChunks, testResultChunkDownloaderException,
 * testMemoryClearingAfterInterrupt) reads 10,000 wide rows expecting several chunks, and ResultSetJsonVsArrowIT
 * (testScaledTinyInt / SmallInt / Int) the narrowest integer vector for NUMBER(p,s).
 */
class DriverResultChunksTest {
    private static final String WIDE = "SELECT SEQ8() AS N, RANDSTR(1000, RANDOM()) AS S FROM TABLE(GENERATOR(ROWCOUNT => 10000))";

    private static Engine engine;
    private static WireServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        engine = new Engine(dir, m -> { });
        server = new WireServer(engine, 0, LoginPolicy.anyone());
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    private static Connection connect(String format, boolean telemetry) throws SQLException {
        Properties p = LocalEmulator.loopbackProperties("tester", "x");
        if (telemetry) {
            p.remove("CLIENT_TELEMETRY_ENABLED");
        }
        p.put("JDBC_QUERY_RESULT_FORMAT", format);
        return DriverManager.getConnection(LocalEmulator.jdbcUrl(server.port()), p);
    }

    @Test
    @DisplayName("10,000 rows of 1,000 characters come in several chunks, JSON and ARROW alike: every row, in order")
    void wideResultInSeveralChunks() throws Exception {
        for (String format : new String[] {"JSON", "ARROW"}) {
            long before = server.chunks().servedChunks();
            List<String> rows = new ArrayList<>();
            try (Connection c = connect(format, false); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(WIDE)) {
                while (rs.next()) {
                    assertEquals(rows.size(), rs.getLong(1), format + " row " + rows.size());
                    rows.add(rs.getString(2));
                }
            }
            assertEquals(10_000, rows.size(), format);
            assertTrue(rows.stream().allMatch(v -> v.length() == 1000 && v.chars().allMatch(Character::isLetterOrDigit)), format);
            // about 10 MB: the inline chunk holds ~128 KB, the rest come in chunks of ~1 MB fetched by URL
            long fetched = server.chunks().servedChunks() - before;
            assertTrue(fetched >= 5, format + ": chunks fetched " + fetched);
            assertEquals(0, server.chunks().pendingResults(), format + ": every chunk fetched and dropped");
        }
    }

    @Test
    @DisplayName("a narrow result stays inline; JSON chunks keep escapes, NULLs and non-ASCII text exact")
    void jsonChunksAreExact() throws Exception {
        long before = server.chunks().servedChunks();
        try (Connection c = connect("JSON", false); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT SEQ4() FROM TABLE(GENERATOR(ROWCOUNT => 100))")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(100, n);
            }
            assertEquals(before, server.chunks().servedChunks(), "100 small rows come inline");
            String sql = "SELECT SEQ4() AS N, IFF(SEQ4() % 7 = 0, NULL, 'quote \" back \\\\ tab \t é ' || SEQ4() || REPEAT('x', 200)) AS T "
                    + "FROM TABLE(GENERATOR(ROWCOUNT => 12000)) ORDER BY N";
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = 0;
                while (rs.next()) {
                    String expected = n % 7 == 0 ? null : "quote \" back \\ tab \t é " + n + "x".repeat(200);
                    assertEquals(expected, rs.getString(2), "row " + n);
                    n++;
                }
                assertEquals(12_000, n);
            }
            assertTrue(server.chunks().servedChunks() > before, "12,000 rows of 230 characters come in chunks");
        }
    }

    @Test
    @DisplayName("telemetry is on by default (the driver posts its chunk metrics), off when the connection says CLIENT_TELEMETRY_ENABLED=false")
    void telemetryOnByDefault() throws Exception {
        long before = server.telemetryRecords();
        try (Connection c = connect("ARROW", false); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(WIDE)) {
            while (rs.next()) {
                assertTrue(rs.getLong(1) >= 0);
            }
            c.getMetaData().getColumns(null, null, null, null).close();
        }
        assertEquals(before, server.telemetryRecords(), "no telemetry from a connection that turned it off");
        try (Connection c = connect("ARROW", true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(WIDE)) {
                while (rs.next()) {
                    assertTrue(rs.getLong(1) >= 0);
                }
            }
            // each metadata call adds a record; the driver posts its buffer once it holds 100 (and at close, after
            // the session is gone, when it no longer can)
            DatabaseMetaData md = c.getMetaData();
            for (int i = 0; i < 105; i++) {
                md.getColumns(null, null, "NO_SUCH_TABLE", null).close();
            }
            for (int wait = 0; wait < 100 && server.telemetryRecords() == before; wait++) {
                Thread.sleep(100);
            }
        }
        assertTrue(server.telemetryRecords() >= before + 100, "telemetry records posted: " + (server.telemetryRecords() - before));
    }

    @Test
    @DisplayName("ARROW sends NUMBER(p,s) in the narrowest integer vector holding its unscaled values, as Snowflake does")
    void scaledIntegersNarrowest() throws Exception {
        try (Connection c = connect("ARROW", false); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT -1.28::NUMBER(3,2), 327.67::NUMBER(5,2), 21474836.47::NUMBER(10,2), "
                    + "1.5::NUMBER(20,2), NULL::NUMBER(3,2)")) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("-1.28"), rs.getBigDecimal(1));
                assertEquals("-1.28", rs.getString(1));
                assertEquals((byte) -128, rs.getByte(1), "getByte of a scaled tiny int is its unscaled value");
                assertArrayEquals(new byte[] {(byte) -128}, rs.getBytes(1), "one byte: an int8 vector");
                SQLException e = assertThrows(SQLException.class, () -> rs.getInt(1));
                assertEquals(200038, e.getErrorCode(), e.getMessage());
                assertEquals(new BigDecimal("327.67"), rs.getBigDecimal(2));
                assertEquals(2, rs.getBytes(2).length, "an int16 vector");
                assertEquals(new BigDecimal("21474836.47"), rs.getBigDecimal(3));
                assertEquals(4, rs.getBytes(3).length, "2,147,483,647 unscaled: an int32 vector");
                assertEquals(new BigDecimal("1.50"), rs.getBigDecimal(4));
                assertNull(rs.getBigDecimal(5));
                assertNull(rs.getString(5));
            }
        }
    }
}
