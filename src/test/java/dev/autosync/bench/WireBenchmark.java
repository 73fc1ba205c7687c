package dev.autosync.bench;

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
 * run: connect time, median round trip of SELECT 1, rows per second of a 1,000,000-row SELECT. The
 * emulator runs in a JVM of its own ({@link EmulatorProcess}), as {@code mvn autosync:emulator} does;
 * DuckDB in this one, as it is used.
 * Run with bench/emulator-wire.sh.
 */
public final class WireBenchmark {
    private WireBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("autosync-bench");
        try (EmulatorProcess emulator = EmulatorProcess.emulator(dir.resolve("emulator"))) {
            Path duckFile = dir.resolve("plain.duckdb");
            String duckUrl = "jdbc:duckdb:" + duckFile;
            String createSql = "CREATE TABLE BENCH.PUBLIC.T AS SELECT i AS ID, 'name-' || i AS NAME, (i * 0.01)::DECIMAL(12,2) AS AMOUNT, "
                    + "DATE '2026-01-01' + (i % 365)::INT AS D FROM range(" + rows + ") r(i)";
            try (Connection c = EmulatorProcess.connect(emulator.port(), "ARROW"); Statement s = c.createStatement()) {
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
                try (Connection c = EmulatorProcess.connect(emulator.port(), "ARROW")) {
                    connectE[i] = System.nanoTime() - t;
                }
                t = System.nanoTime();
                try (Connection c = DriverManager.getConnection(duckUrl)) {
                    connectD[i] = System.nanoTime() - t;
                }
            }
            report.add(row("connect (median of 9)", median(connectE), median(connectD), "ms"));
            // the two formats and DuckDB are measured in turn, query by query, so background work (DuckDB's
            // checkpoint after the load, JIT) weighs on all three alike
            try (Connection a = EmulatorProcess.connect(emulator.port(), "ARROW"); Connection j = EmulatorProcess.connect(emulator.port(), "JSON");
                 Connection d = DriverManager.getConnection(duckUrl)) {
                // enough for the emulator's JIT: with 300 rounds SELECT 1 still ran partly interpreted (6 ms, not 1.2)
                for (int i = 0; i < 1000; i++) {
                    time(a, "SELECT 1");
                    time(j, "SELECT 1");
                    time(d, "SELECT 1");
                }
                // one whole read each first: the emulator's JIT compiles its chunk cutting (a running emulator has)
                time(a, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T");
                time(j, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T");
                time(d, "SELECT ID, NAME, AMOUNT, D FROM T");
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
                long[] answerA = new long[3];
                // CPU time of each side, summed over the three rounds: steadier than wall time on a busy machine
                long[] cpuA = new long[2];
                long[] cpuJ = new long[2];
                long[] cpuD = new long[1];
                for (int i = 0; i < scanA.length; i++) {
                    long client = EmulatorProcess.ownCpuNanos();
                    long server = emulator.cpuNanos();
                    long t = System.nanoTime();
                    try (Statement s = a.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T")) {
                        answerA[i] = System.nanoTime() - t;
                        readAll(rs);
                    }
                    scanA[i] = System.nanoTime() - t;
                    cpuA[0] += EmulatorProcess.ownCpuNanos() - client;
                    cpuA[1] += emulator.cpuNanos() - server;
                    client = EmulatorProcess.ownCpuNanos();
                    server = emulator.cpuNanos();
                    scanJ[i] = time(j, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T");
                    cpuJ[0] += EmulatorProcess.ownCpuNanos() - client;
                    cpuJ[1] += emulator.cpuNanos() - server;
                    client = EmulatorProcess.ownCpuNanos();
                    scanD[i] = time(d, "SELECT ID, NAME, AMOUNT, D FROM T");
                    cpuD[0] += EmulatorProcess.ownCpuNanos() - client;
                }
                double rpsD = rows / (median(scanD) / 1e9);
                // what the server spends before its first answer (reading the result, cutting chunks) against
                // the whole: the rest is the driver decoding and converting, which it spends with Snowflake too
                report.add(new String[] {rows + "-row SELECT, ARROW: until the first answer / whole read, ms",
                    String.format("%.0f / %.0f", median(answerA) / 1e6, median(scanA) / 1e6), "", ""});
                // the client's CPU reading from the emulator is the driver's own work (decoding, converting): its floor
                for (Object[] f : new Object[][] {{"ARROW", cpuA}, {"JSON", cpuJ}}) {
                    long[] cpu = (long[]) f[1];
                    report.add(new String[] {rows + "-row SELECT, CPU s per read, " + f[0] + ": client (driver) + server = total",
                        String.format("%.2f + %.2f = %.2f", cpu[0] / 3e9, cpu[1] / 3e9, (cpu[0] + cpu[1]) / 3e9),
                        String.format("%.2f", cpuD[0] / 3e9), String.format("%.2f (driver alone %.2f)",
                            (double) (cpu[0] + cpu[1]) / cpuD[0], (double) cpu[0] / cpuD[0])});
                }
                for (Object[] f : new Object[][] {{"ARROW", scanA}, {"JSON", scanJ}}) {
                    double rps = rows / (median((long[]) f[1]) / 1e9);
                    report.add(new String[] {rows + "-row SELECT, rows/s (median of 3), " + f[0], String.format("%,.0f", rps),
                        String.format("%,.0f", rpsD), String.format("%.2f", rpsD / rps)});
                }
                // the same read with each column's own getter, as an application reads: getString above measures
                // snowflake-jdbc's text formatting (String.format per scaled NUMBER, a Calendar per DATE), which
                // costs the same against Snowflake
                long[] typedA = new long[3];
                long[] typedD = new long[3];
                long[] typedCpuA = new long[2];
                long[] typedCpuD = new long[1];
                RowReader typed = rs -> {
                    long n = readTyped(rs);
                    if (n != rows) {
                        throw new IllegalStateException("read " + n + " rows of " + rows);
                    }
                };
                for (int i = 0; i < typedA.length; i++) {
                    long client = EmulatorProcess.ownCpuNanos();
                    long server = emulator.cpuNanos();
                    typedA[i] = time(a, "SELECT ID, NAME, AMOUNT, D FROM BENCH.PUBLIC.T", typed);
                    typedCpuA[0] += EmulatorProcess.ownCpuNanos() - client;
                    typedCpuA[1] += emulator.cpuNanos() - server;
                    client = EmulatorProcess.ownCpuNanos();
                    typedD[i] = time(d, "SELECT ID, NAME, AMOUNT, D FROM T", typed);
                    typedCpuD[0] += EmulatorProcess.ownCpuNanos() - client;
                }
                double typedRps = rows / (median(typedA) / 1e9);
                double typedRpsD = rows / (median(typedD) / 1e9);
                report.add(new String[] {rows + "-row SELECT, rows/s (median of 3), ARROW, typed getters (getLong, getString, "
                    + "getBigDecimal, getDate)", String.format("%,.0f", typedRps), String.format("%,.0f", typedRpsD),
                    String.format("%.2f", typedRpsD / typedRps)});
                report.add(new String[] {rows + "-row SELECT, CPU s per read, ARROW, typed getters: client (driver) + server = total",
                    String.format("%.2f + %.2f = %.2f", typedCpuA[0] / 3e9, typedCpuA[1] / 3e9, (typedCpuA[0] + typedCpuA[1]) / 3e9),
                    String.format("%.2f", typedCpuD[0] / 3e9), String.format("%.2f", (double) (typedCpuA[0] + typedCpuA[1]) / typedCpuD[0])});
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
        return time(c, sql, WireBenchmark::readAll);
    }

    /** How a benchmark reads a result's rows. */
    interface RowReader {
        void read(ResultSet rs) throws Exception;
    }

    /** Executes a query and reads its rows with {@code reader}; returns nanoseconds. */
    static long time(Connection c, String sql, RowReader reader) throws Exception {
        long t = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            reader.read(rs);
        }
        return System.nanoTime() - t;
    }

    /** Reads the benchmark table's rows, each column with its own getter (ID, NAME, AMOUNT, D); returns how many. */
    static long readTyped(ResultSet rs) throws Exception {
        long n = 0;
        while (rs.next()) {
            rs.getLong(1);
            rs.getString(2);
            rs.getBigDecimal(3);
            rs.getDate(4);
            n++;
        }
        return n;
    }

    /** Every value of every row, as text. */
    static void readAll(ResultSet rs) throws Exception {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                rs.getString(i);
            }
        }
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
