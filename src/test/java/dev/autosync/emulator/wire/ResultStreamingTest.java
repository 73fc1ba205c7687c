package dev.autosync.emulator.wire;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.engine.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large results as they leave DuckDB: the rows after the first 10,000 are read straight from DuckDB's
 * result into Arrow chunks (or JSON rows), and what a client does not fetch is dropped. The server
 * here cuts small chunks (1,000 rows, doubling up to 4,000) so a result of moderate size spans many
 * chunks. Snowflake's result chunks: "Snowflake JDBC Driver configuration parameters"
 * (developer-guide/jdbc/jdbc-parameters: JDBC_QUERY_RESULT_FORMAT, CLIENT_PREFETCH_THREADS).
 */
class ResultStreamingTest {
    /** Every type the emulator produces, from a generated row number. */
    private static final String EVERY_TYPE = "SELECT SEQ4() AS I, SEQ4() * 1000003 AS BIG, (SEQ4() / 7)::NUMBER(12,3) AS DEC, "
            + "(SEQ4() * 100000000000000000000)::NUMBER(38,0) AS HUGE, (SEQ4() / 3)::NUMBER(38,12) AS WIDE, "
            + "(SEQ4() / 8)::FLOAT AS R, IFF(SEQ4() % 7 = 0, NULL, 'row ' || SEQ4() || ' é日本') AS S, "
            + "IFF(SEQ4() % 5 = 0, NULL, SEQ4() % 2 = 0) AS B, DATEADD(day, SEQ4() % 1000, '1960-01-01'::DATE) AS D, "
            + "DATEADD(second, SEQ4(), '12:00:00'::TIME) AS TM, "
            + "DATEADD(second, SEQ4(), '2024-03-01 00:00:00.123456'::TIMESTAMP_NTZ) AS TS, "
            + "DATEADD(second, SEQ4(), '2024-03-01 00:00:00.5'::TIMESTAMP_LTZ) AS TL, "
            + "IFF(SEQ4() % 3 = 0, NULL, OBJECT_CONSTRUCT('k', SEQ4(), 'a', ARRAY_CONSTRUCT(1, 'x'))) AS V, "
            + "TO_BINARY('b' || SEQ4(), 'UTF-8') AS BI, "
            + "IFF(SEQ4() % 11 = 0, NULL, SEQ4() % 100)::NUMBER(9,0) AS SMALL "
            + "FROM TABLE(GENERATOR(ROWCOUNT => ROWS)) ORDER BY I";

    private static Engine engine;
    private static WireServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        engine = new Engine(dir, m -> { });
        server = new WireServer(engine, 0, LoginPolicy.anyone(), 1_000, 4_000);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    private static Connection connect(String format) throws SQLException {
        Properties p = LocalEmulator.loopbackProperties("tester", "x");
        p.put("JDBC_QUERY_RESULT_FORMAT", format);
        return DriverManager.getConnection(LocalEmulator.jdbcUrl(server.port()), p);
    }

    @Test
    @DisplayName("a result of many chunks, every type, reads completely and identically in ARROW and JSON")
    void manyChunksEveryType() throws Exception {
        // 10,000 rows in the head, then chunks of 1,000, 2,000, 4,000, 4,000...: 8 further chunks
        String sql = generate(33_001);
        List<String> arrow;
        List<String> json;
        try (Connection a = connect("ARROW"); Connection j = connect("JSON")) {
            arrow = read(a, sql, Integer.MAX_VALUE);
            json = read(j, sql, Integer.MAX_VALUE);
        }
        assertEquals(33_001, arrow.size());
        assertEquals(33_001, json.size());
        for (int r = 0; r < json.size(); r++) {
            assertEquals(json.get(r), arrow.get(r), "row " + r + " (JSON expected, ARROW actual)");
        }
        assertTrue(arrow.get(33_000).startsWith("33000 "), arrow.get(33_000));
        assertEquals(0, server.chunks().pendingResults(), "every chunk fetched and dropped");
    }

    @Test
    @DisplayName("a large SELECT from one table names its columns' table and still keeps its rows after the head in DuckDB")
    void plainTableSelectStaysInDuckDb() throws Exception {
        dev.autosync.emulator.engine.Session s = engine.openSession("TESTER", null, null, null, null);
        try {
            engine.execute(s, "CREATE DATABASE ORIGINS", List.of(), 1);
            engine.execute(s, "CREATE TABLE ORIGINS.PUBLIC.T AS SELECT SEQ4() AS ID, 'n' || SEQ4() AS NAME "
                    + "FROM TABLE(GENERATOR(ROWCOUNT => 25000))", List.of(), 1);
            // the shape ColumnOrigins reads (a plain column list from one table): the rowtype names the table
            try (dev.autosync.emulator.engine.Result r = engine.execute(s, "SELECT ID, NAME FROM ORIGINS.PUBLIC.T",
                    List.of(), 1).get(0).result()) {
                assertEquals("T", r.columns().get(0).origin().name());
                assertEquals(10_000, r.head().size(), "only the head read into Java values");
                assertTrue(r.rest() != null, "the rest still in DuckDB, for the wire to stream");
                assertEquals(25_000, r.rest().total(), "counted, so the first answer names every chunk");
            }
            try (Connection a = connect("ARROW")) {
                List<String> rows = read(a, "SELECT ID, NAME FROM ORIGINS.PUBLIC.T ORDER BY ID", Integer.MAX_VALUE);
                assertEquals(25_000, rows.size());
                assertTrue(rows.get(24_999).startsWith("24999 ") && rows.get(24_999).contains("n24999"), rows.get(24_999));
            }
        } finally {
            engine.closeSession(s);
        }
    }

    @Test
    @DisplayName("a result that cannot be counted first (it names random or sample) is read whole, then sent the same way")
    void uncountedResultIsReadWhole() throws Exception {
        // the check is by the query's text: a literal naming "sample" is enough to take the other path
        String sql = generate(17_500).replace("'row '", "'sample '");
        List<String> arrow;
        try (Connection a = connect("ARROW"); Connection j = connect("JSON")) {
            arrow = read(a, sql, Integer.MAX_VALUE);
            assertEquals(read(j, sql, Integer.MAX_VALUE), arrow);
        }
        assertEquals(17_500, arrow.size());
        assertTrue(arrow.get(17_499).startsWith("17499 "), arrow.get(17_499));
        assertTrue(arrow.get(17_499).contains("sample 17499"), arrow.get(17_499));
        assertEquals(0, server.chunks().pendingResults());
    }

    @Test
    @DisplayName("results at the edge of the head (10,000 and 10,001 rows) and empty ones")
    void edgesOfTheHead() throws Exception {
        try (Connection a = connect("ARROW"); Connection j = connect("JSON")) {
            for (int n : new int[] {0, 1, 9_999, 10_000, 10_001}) {
                String sql = generate(n);
                List<String> viaArrow = read(a, sql, Integer.MAX_VALUE);
                assertEquals(n, viaArrow.size(), n + " rows via ARROW");
                assertEquals(read(j, sql, Integer.MAX_VALUE), viaArrow, n + " rows");
            }
            assertEquals(List.of(), read(a, generate(20_000).replace("ORDER BY I", "WHERE 1 = 0"), 10));
        }
    }

    @Test
    @DisplayName("statements run on the same connection while a large result is being read (its chunks are cut meanwhile)")
    void otherStatementsWhileReading() throws Exception {
        String sql = generate(40_000);
        try (Connection a = connect("ARROW"); Connection j = connect("JSON")) {
            List<String> expected = new ArrayList<>();
            try (Statement s = j.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    expected.add(texts(rs));
                }
            }
            execute(a, "CREATE DATABASE STREAMING", "CREATE TABLE STREAMING.PUBLIC.SEEN (I NUMBER)");
            List<String> seen = new ArrayList<>();
            try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    seen.add(texts(rs));
                    if (seen.size() % 5_000 == 0) {
                        try (Statement other = a.createStatement()) {
                            other.execute("INSERT INTO STREAMING.PUBLIC.SEEN VALUES (" + seen.size() + ")");
                            try (ResultSet one = other.executeQuery("SELECT COUNT(*) FROM STREAMING.PUBLIC.SEEN")) {
                                assertTrue(one.next());
                                assertEquals(seen.size() / 5_000, one.getInt(1));
                            }
                        }
                    }
                }
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    @DisplayName("a result the client abandons half-read is dropped when its connection closes")
    void abandonedResultIsFreed() throws Exception {
        try (Connection a = connect("ARROW")) {
            // 10,000 + 40 chunks of at most 4,000 rows: the driver prefetches a few, never all, while nothing is read
            List<String> firstRows = read(a, generate(170_000), 20);
            assertEquals(20, firstRows.size());
            assertTrue(server.chunks().pendingResults() >= 1, "chunks wait for a reader");
        }
        assertEquals(0, server.chunks().pendingResults(), "the closed session's chunks are dropped");
        assertEquals(0, server.chunks().pendingBytes());
    }

    @Test
    @DisplayName("cancelling a statement while its result streams leaves the connection working")
    void cancelWhileStreaming() throws Exception {
        try (Connection a = connect("ARROW")) {
            Statement st = a.createStatement();
            ResultSet rs = st.executeQuery(generate(60_000));
            int read = 0;
            while (read < 15_000 && rs.next()) {
                read++;
            }
            try {
                st.cancel();
            } catch (SQLException e) {
                // the query already finished on the server: nothing to cancel (UNVERIFIED: Snowflake's answer)
            }
            try {
                while (rs.next()) {
                    read++;
                }
            } catch (SQLException e) {
                // cancelled mid-way: the driver may stop the result
            }
            st.close();
            assertTrue(read >= 15_000, "rows read before cancelling: " + read);
            assertEquals(List.of("1 obj=1"), read(a, "SELECT 1", Integer.MAX_VALUE));
        }
        assertEquals(0, server.chunks().pendingResults());
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** The current row's values as text (a FLOAT's in the driver's Double form in both formats). */
    private static String texts(ResultSet rs) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String text = rs.getString(i);
            boolean real = rs.getMetaData().getColumnType(i) == java.sql.Types.DOUBLE;
            sb.append(i > 1 ? " | " : "").append(real && text != null ? String.valueOf(Double.parseDouble(text)) : text);
        }
        return sb.toString();
    }

    private static String generate(int rows) {
        return EVERY_TYPE.replace("ROWS", String.valueOf(rows));
    }

    /** Up to {@code limit} rows, each value as getString and getObject, joined per row. */
    private static List<String> read(Connection c, String sql, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            boolean[] real = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                real[i] = rs.getMetaData().getColumnType(i) == java.sql.Types.DOUBLE;
            }
            while (out.size() < limit && rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String text = rs.getString(i);
                    // a FLOAT's text: Snowflake's own in JSON ("-980"), the driver's Double.toString in ARROW ("-980.0")
                    sb.append(i > 1 ? " | " : "").append(real[i] && text != null ? String.valueOf(Double.parseDouble(text)) : text);
                    Object o = rs.getObject(i);
                    sb.append(" obj=").append(o instanceof byte[] b ? Arrays.toString(b)
                            : o instanceof java.math.BigDecimal d ? d.toPlainString() : o instanceof Number num ? String.valueOf(num) : o);
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
