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
 * Large results whose columns are all NUMBER, FLOAT, VARCHAR, BOOLEAN or DATE leave DuckDB through its own
 * Arrow export ({@link ArrowExport}) and must reach snowflake-jdbc exactly as the row-by-row path and the
 * JSON format send them: same values, same NULLs, NUMBER beyond 64 bits, rows DuckDB's JDBC driver fetched
 * before the export, chunks that span two of DuckDB's Arrow batches. Snowflake's result formats:
 * "Snowflake JDBC Driver configuration parameters" (developer-guide/jdbc/jdbc-parameters:
 * JDBC_QUERY_RESULT_FORMAT); NUMBER with scale: sql-reference/data-types-numeric.
 */
class ArrowExportTest {
    /** Only types the export converts; NULLs in most columns, one NUMBER(38,0) value in 10,007 beyond 64 bits. */
    private static final String EXPORTABLE = "SELECT SEQ4() AS I, SEQ4() * 1000003 AS BIG, (SEQ4() / 7)::NUMBER(12,3) AS DEC, "
            + "IFF(SEQ4() % 10007 = 5, SEQ4() * 100000000000000000000, SEQ4())::NUMBER(38,0) AS HUGE, "
            + "(SEQ4() / 3)::NUMBER(38,12) AS WIDE, IFF(SEQ4() % 13 = 0, NULL, (SEQ4() / 8)::FLOAT) AS R, "
            + "IFF(SEQ4() % 7 = 0, NULL, 'row ' || SEQ4() || ' é日本') AS S, IFF(SEQ4() % 2 = 0, '', 'x') AS EMPTY, "
            + "IFF(SEQ4() % 5 = 0, NULL, SEQ4() % 2 = 0) AS B, IFF(SEQ4() % 17 = 0, NULL, DATEADD(day, SEQ4() % 1000, "
            + "'1960-01-01'::DATE)) AS D, IFF(SEQ4() % 11 = 0, NULL, SEQ4() % 100)::NUMBER(9,0) AS SMALL, "
            + "IFF(SEQ4() % 3 = 0, NULL, -(SEQ4() % 100000) / 100)::NUMBER(7,2) AS NEG "
            + "FROM TABLE(GENERATOR(ROWCOUNT => ROWS)) ORDER BY I";

    /** A last column of a type the export does not convert: the same rows then go row by row through JDBC. */
    private static final String ROW_BY_ROW = ", '12:00:00'::TIME AS ROW_BY_ROW";

    private static Engine engine;
    private static WireServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        engine = new Engine(dir, m -> { });
        server = new WireServer(engine, 0, LoginPolicy.anyone(), 5_000, 40_000);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    @DisplayName("Arrow runs in the test JVM (surefire opens java.nio), so large results of these types are exported")
    void exportIsAvailable() {
        assertTrue(ArrowExport.available(), "the tests run with --add-opens=java.base/java.nio=ALL-UNNAMED");
    }

    @Test
    @DisplayName("a counted result across two of DuckDB's Arrow batches reads as in JSON, every value")
    void countedResultAsInJson() throws Exception {
        int rows = 10_000 + (int) ArrowExport.BATCH_ROWS + 7_000;
        compare(generate(rows), generate(rows).replace(" FROM TABLE(", ROW_BY_ROW + " FROM TABLE("), rows);
    }

    @Test
    @DisplayName("a result that cannot be counted first (it names sample) is exported whole, then sent the same way")
    void uncountedResultAsInJson() throws Exception {
        String sql = generate(31_000).replace("'row '", "'sample '");
        compare(sql, sql.replace(" FROM TABLE(", ROW_BY_ROW + " FROM TABLE("), 31_000);
    }

    @Test
    @DisplayName("a SELECT of a table's NUMBER, VARCHAR, NUMBER(12,2) and DATE columns (the wire benchmark's) is exported")
    void tableSelect() throws Exception {
        try (Connection a = connect("ARROW")) {
            execute(a, "CREATE DATABASE EXPORTED", "CREATE TABLE EXPORTED.PUBLIC.T (ID NUMBER, NAME VARCHAR, AMOUNT NUMBER(12,2), D DATE)",
                    "INSERT INTO EXPORTED.PUBLIC.T SELECT SEQ4(), 'name-' || SEQ4(), SEQ4() * 0.01, "
                            + "DATEADD(DAY, SEQ4() % 365, '2024-01-01'::DATE) FROM TABLE(GENERATOR(ROWCOUNT => 50000))");
        }
        compare("SELECT ID, NAME, AMOUNT, D FROM EXPORTED.PUBLIC.T ORDER BY ID",
                "SELECT ID, NAME, AMOUNT, D" + ROW_BY_ROW + " FROM EXPORTED.PUBLIC.T ORDER BY ID", 50_000);
    }

    /**
     * Reads {@code sql} in ARROW and JSON (both from the export), and {@code rowByRow} (the same query with a last
     * column the export does not take, so read through JDBC) in JSON: the same values in all three.
     */
    private static void compare(String sql, String rowByRow, int rows) throws SQLException {
        long before = ArrowExport.rowsExported();
        List<String> arrow;
        List<String> json;
        List<String> reference;
        try (Connection a = connect("ARROW"); Connection j = connect("JSON")) {
            arrow = read(a, sql, Integer.MAX_VALUE);
            long exported = ArrowExport.rowsExported() - before;
            // the head (10,000 rows) goes as read; of the rest, at most one fetched JDBC chunk (2,048 rows) is read row by row
            assertTrue(exported >= rows - 10_000 - 2_048 && exported <= rows - 10_000, "rows exported for ARROW: " + exported);
            json = read(j, sql, Integer.MAX_VALUE);
            exported = ArrowExport.rowsExported() - before - exported;
            assertTrue(exported >= rows - 10_000 - 2_048 && exported <= rows - 10_000, "rows exported for JSON: " + exported);
            long still = ArrowExport.rowsExported();
            reference = read(j, rowByRow, arrow.isEmpty() ? 0 : columnsOf(arrow));
            assertEquals(still, ArrowExport.rowsExported(), "the reference read goes row by row");
        }
        assertEquals(rows, arrow.size());
        assertEquals(rows, json.size());
        assertEquals(rows, reference.size());
        for (int r = 0; r < rows; r++) {
            assertEquals(reference.get(r), json.get(r), "row " + r + " (row by row expected, JSON from the export actual)");
            assertEquals(reference.get(r), arrow.get(r), "row " + r + " (row by row expected, ARROW from the export actual)");
        }
        assertEquals(0, server.chunks().pendingResults(), "every chunk fetched and dropped");
    }

    /** How many columns a row read by {@link #read} has. */
    private static int columnsOf(List<String> rows) {
        return rows.get(0).split(" obj=", -1).length - 1;
    }

    private static Connection connect(String format) throws SQLException {
        Properties p = LocalEmulator.loopbackProperties("tester", "x");
        p.put("JDBC_QUERY_RESULT_FORMAT", format);
        return DriverManager.getConnection(LocalEmulator.jdbcUrl(server.port()), p);
    }

    private static void execute(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String generate(int rows) {
        return EXPORTABLE.replace("ROWS", String.valueOf(rows));
    }

    /**
     * Every row, each of its first {@code columns} values as getString and getObject (a FLOAT's text in the driver's
     * Double form in both formats).
     */
    private static List<String> read(Connection c, String sql, int columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = Math.min(columns, rs.getMetaData().getColumnCount());
            boolean[] real = new boolean[n + 1];
            for (int i = 1; i <= n; i++) {
                real[i] = rs.getMetaData().getColumnType(i) == java.sql.Types.DOUBLE;
            }
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    String text = rs.getString(i);
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
