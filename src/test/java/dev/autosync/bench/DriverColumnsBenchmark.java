package dev.autosync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Where snowflake-jdbc's CPU goes when it reads WireBenchmark's 1,000,000-row table over ARROW: each column
 * read alone with getString, the driver's whole process CPU and the reading thread's own (the rest is its
 * chunk download threads, GC and JIT), beside the server's. The driver converts each type with its own
 * converter (net.snowflake.client.internal.core.arrow.*), whose cost the emulator's layout only partly decides.
 * Run with bench/emulator-wire-columns.sh [rows] [reads].
 */
public final class DriverColumnsBenchmark {
    private DriverColumnsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("autosync-bench");
        try (EmulatorProcess emulator = EmulatorProcess.emulator(dir.resolve("emulator"));
             Connection c = EmulatorProcess.connect(emulator.port(), "ARROW")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE BENCH");
                s.execute("CREATE TABLE BENCH.PUBLIC.T (ID NUMBER, NAME VARCHAR, AMOUNT NUMBER(12,2), D DATE)");
                s.execute("INSERT INTO BENCH.PUBLIC.T SELECT SEQ4(), 'name-' || SEQ4(), SEQ4() * 0.01, DATEADD(DAY, SEQ4() % 365, "
                        + "'2026-01-01'::DATE) FROM TABLE(GENERATOR(ROWCOUNT => " + rows + "))");
            }
            System.out.println("| " + rows + " rows, getString of | driver process CPU s | reading thread CPU s | server CPU s | wall ms |");
            System.out.println("|---|---|---|---|---|");
            // the same columns cast to other types: how much of a column's cost is its type's converter
            for (String col : new String[] {"ID, NAME, AMOUNT, D", "ID", "NAME", "AMOUNT", "D", "AMOUNT::NUMBER(38,0)", "AMOUNT::VARCHAR",
                "TO_CHAR(D)"}) {
                String sql = "SELECT " + col + " FROM BENCH.PUBLIC.T";
                WireBenchmark.time(c, sql); // the JIT compiles this column's converter first
                long client = EmulatorProcess.ownCpuNanos();
                long own = threads.getCurrentThreadCpuTime();
                long server = emulator.cpuNanos();
                long wall = 0;
                for (int i = 0; i < reads; i++) {
                    wall += WireBenchmark.time(c, sql);
                }
                System.out.printf("| %s | %.2f | %.2f | %.2f | %.0f |%n", col, (EmulatorProcess.ownCpuNanos() - client) / 1e9 / reads,
                        (threads.getCurrentThreadCpuTime() - own) / 1e9 / reads, (emulator.cpuNanos() - server) / 1e9 / reads,
                        wall / 1e6 / reads);
            }
        }
    }
}
