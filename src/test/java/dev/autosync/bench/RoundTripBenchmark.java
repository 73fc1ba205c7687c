package dev.autosync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;

/**
 * {@code SELECT 1} round trips through snowflake-jdbc with the server in a JVM of its own, beside the
 * floor and the baseline, measured in turn query by query: the emulator ({@code EmulatorMain}) in ARROW
 * and JSON, {@link CannedSnowflake} (a server answering canned bytes: what the driver itself costs), and
 * DuckDB over its own JDBC driver (in process, as DuckDB is used). Servers run as {@link EmulatorProcess}.
 * Run with bench/emulator-roundtrip.sh [rounds].
 */
public final class RoundTripBenchmark {
    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path dir = Files.createTempDirectory("autosync-roundtrip");
        try (EmulatorProcess emulator = EmulatorProcess.emulator(dir.resolve("emulator")); EmulatorProcess canned = EmulatorProcess.canned()) {
            String[] names = {"emulator ARROW", "emulator JSON", "canned ARROW (driver floor)", "canned JSON (driver floor)",
                "DuckDB (duckdb_jdbc, in process)"};
            Connection[] c = {
                EmulatorProcess.connect(emulator.port(), "ARROW"), EmulatorProcess.connect(emulator.port(), "JSON"),
                EmulatorProcess.connect(Integer.parseInt(canned.banner.group(1)), "ARROW"),
                EmulatorProcess.connect(Integer.parseInt(canned.banner.group(2)), "JSON"),
                DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain.duckdb"))};
            // enough for the servers' JIT: after 1,000 rounds the emulator's compiler was still busy 25-45 s into the run
            // (its request thread 320 us per request against 100-150 us warm); 300 left it partly interpreted
            for (int i = 0; i < warmUp; i++) {
                for (Connection k : c) {
                    WireBenchmark.time(k, "SELECT 1");
                }
            }
            long[][] t = new long[c.length][rounds];
            long emulatorCpu = emulator.cpuNanos();
            long cannedCpu = canned.cpuNanos();
            for (int i = 0; i < rounds; i++) {
                // each round starts with another server: the first after a pause pays for waking its process up
                for (int j = 0; j < c.length; j++) {
                    int k = (i + j) % c.length;
                    t[k][i] = WireBenchmark.time(c[k], "SELECT 1");
                }
            }
            // each server answered 2 x rounds queries (ARROW and JSON), between others' turns
            emulatorCpu = emulator.cpuNanos() - emulatorCpu;
            cannedCpu = canned.cpuNanos() - cannedCpu;
            for (Connection k : c) {
                k.close();
            }
            double duck = WireBenchmark.median(t[c.length - 1]) / 1e6;
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + "; SELECT 1 round trips, " + rounds + " each after " + warmUp + " warm-up, in turn (rotating which goes first)");
            System.out.println("| server | median ms | p10 ms | p90 ms | / DuckDB |");
            System.out.println("|---|---|---|---|---|");
            for (int k = 0; k < c.length; k++) {
                long[] s = t[k].clone();
                Arrays.sort(s);
                System.out.printf("| %s | %.3f | %.3f | %.3f | %.1fx |%n", names[k], s[rounds / 2] / 1e6, s[rounds / 10] / 1e6,
                        s[rounds * 9 / 10] / 1e6, s[rounds / 2] / 1e6 / duck);
            }
            System.out.printf("server process CPU per SELECT 1 (all its threads): emulator %.0f us, canned server %.0f us%n",
                    emulatorCpu / 2e3 / rounds, cannedCpu / 2e3 / rounds);
        }
    }
}
