package dev.autosync.bench;

import dev.autosync.emulator.LocalEmulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The emulator through snowflake-jdbc beside DuckDB over plain JDBC, on the same data in the same
 * run: connect time, median round trip of SELECT 1, rows per second of a 1,000,000-row SELECT.
 * Run with bench/emulator-wire.sh.
 */
public final class WireBenchmark {
    private WireBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("autosync-bench");
        try (LocalEmulator emulator = LocalEmulator.start(dir.resolve("emulator"), 0, null, null, m -> { })) {
            Path duckFile = dir.resolve("plain.duckdb");
            String duckUrl = "jdbc:duckdb:" + duckFile;
            String createSql = "CREATE TABLE BENCH.PUBLIC.T AS SELECT i AS ID, 'name-' || i AS NAME, (i * 0.01)::DECIMAL(12,2) AS AMOUNT, "
                    + "DATE '2026-01-01' + (i % 365)::INT AS D FROM range(" + rows + ") r(i)";
            try (Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(null, null, null, null));
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE BENCH");
                s.execute("CREATE TABLE BENCH.PUBLIC.T (ID NUMBER, NAME VARCHAR, AMOUNT NUMBER(12,2), D DATE)");
                s.execute("INSERT INTO BENCH.PUBLIC.T SELECT SEQ4(), 'name-' || SEQ4(), SEQ4() * 0.01, DATEADD(DAY, SEQ4() % 365, "
                        + "'2026-01-01'::DATE) FROM TABLE(GENERATOR(ROWCOUNT => " + rows + "))");
            }
            try (Connection c = DriverManager.getConnection(duckUrl); Statement s = c.createStatement()) {
                s.execute(createSql.replace("BENCH.PUBLIC.T", "T"));
            }
            List<String[]> report = new ArrayList<>();
            long[] connectE = new long[9];
            long[] connectD = new long[9];
            for (int i = 0; i < connectE.length; i++) {
                long t = System.nanoTime();
                try (Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(null, null, null, null))) {
                    connectE[i] = System.nanoTime() - t;
                }
                t = System.nanoTime();
                try (Connection c = DriverManager.getConnection(duckUrl)) {
                    connectD[i] = System.nanoTime() - t;
                }
            }
            report.add(row("connect (median of 9)", median(connectE), median(connectD), "ms"));
            java.util.Properties jsonProps = emulator.connectionProperties(null, null, null, null);
            jsonProps.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
            // the emulator answers ARROW when this JVM opens java.nio (bench/lib.sh does), the driver's default;
            // the two formats and DuckDB are measured in turn, query by query, so background work (DuckDB's
            // checkpoint after the load, JIT) weighs on all three alike
            try (Connection a = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(null, null, null, null));
                 Connection j = DriverManager.getConnection(emulator.jdbcUrl(), jsonProps);
                 Connection d = DriverManager.getConnection(duckUrl)) {
                for (int i = 0; i < 300; i++) {
                    time(a, "SELECT 1");
                    time(j, "SELECT 1");
                    time(d, "SELECT 1");
                }
                time(a, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T LIMIT 100000");
                time(j, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T LIMIT 100000");
                time(d, "SELECT ID, NAME, AMOUNT, D FROM T LIMIT 100000");
                long[] rttA = new long[201];
                long[] rttJ = new long[201];
                long[] rttD = new long[201];
                for (int i = 0; i < rttA.length; i++) {
                    rttA[i] = time(a, "SELECT 1");
                    rttJ[i] = time(j, "SELECT 1");
                    rttD[i] = time(d, "SELECT 1");
                }
                report.add(row("SELECT 1 round trip (median of 201), ARROW", median(rttA), median(rttD), "ms"));
                report.add(row("SELECT 1 round trip (median of 201), JSON", median(rttJ), median(rttD), "ms"));
                long[] scanA = new long[3];
                long[] scanJ = new long[3];
                long[] scanD = new long[3];
                for (int i = 0; i < scanA.length; i++) {
                    scanA[i] = time(a, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T");
                    scanJ[i] = time(j, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T");
                    scanD[i] = time(d, "SELECT ID, NAME, AMOUNT, D FROM T");
                }
                double rpsD = rows / (median(scanD) / 1e9);
                for (Object[] f : new Object[][] {{"ARROW", scanA}, {"JSON", scanJ}}) {
                    double rps = rows / (median((long[]) f[1]) / 1e9);
                    report.add(new String[] {rows + "-row SELECT, rows/s (median of 3), " + f[0], String.format("%,.0f", rps),
                        String.format("%,.0f", rpsD), String.format("%.2f", rpsD / rps)});
                }
            }
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
            System.out.println("| measure | emulator via snowflake-jdbc | DuckDB via duckdb_jdbc | ratio (slower / faster) |");
            System.out.println("|---|---|---|---|");
            for (String[] r : report) {
                System.out.println("| " + String.join(" | ", r) + " |");
            }
        }
    }

    private static String[] row(String what, long emulatorNanos, long duckNanos, String unit) {
        return new String[] {what + ", " + unit, String.format("%.2f", emulatorNanos / 1e6), String.format("%.2f", duckNanos / 1e6),
            String.format("%.1f", (double) emulatorNanos / duckNanos)};
    }

    /** Executes a query and reads every value of every row; returns nanoseconds. */
    static long time(Connection c, String sql) throws Exception {
        long t = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getString(i);
                }
            }
        }
        return System.nanoTime() - t;
    }

    static long median(long[] values) {
        List<Long> l = new ArrayList<>();
        for (long v : values) {
            l.add(v);
        }
        Collections.sort(l);
        return l.get(l.size() / 2);
    }
}
