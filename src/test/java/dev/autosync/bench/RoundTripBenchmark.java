package dev.autosync.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SELECT 1} round trips through snowflake-jdbc with the server in a JVM of its own, beside the
 * floor and the baseline, measured in turn query by query: the emulator ({@code EmulatorMain}) in ARROW
 * and JSON, {@link CannedSnowflake} (a server answering canned bytes: what the driver itself costs), and
 * DuckDB over its own JDBC driver (in process, as DuckDB is used). Extra JVM options for the emulator
 * (a JFR recording) come from the environment variable {@code EMULATOR_JAVA_OPTS}.
 * Run with bench/emulator-roundtrip.sh [rounds].
 */
public final class RoundTripBenchmark {
    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("autosync-roundtrip");
        List<String> emulatorCmd = new ArrayList<>(List.of(java(), "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        String opts = System.getenv("EMULATOR_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            emulatorCmd.addAll(Arrays.asList(opts.trim().split("\\s+")));
        }
        emulatorCmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.autosync.emulator.EmulatorMain",
                "--data-dir", dir.resolve("emulator").toString()));
        Process emulator = new ProcessBuilder(emulatorCmd).redirectErrorStream(true).start();
        Process canned = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CannedSnowflake.class.getName()).redirectErrorStream(true).start();
        try {
            int emulatorPort = Integer.parseInt(await(emulator, "listening on 127\\.0\\.0\\.1:(\\d+)").group(1));
            Matcher cannedPorts = await(canned, "canned ARROW port (\\d+) JSON port (\\d+)");
            String[] names = {"emulator ARROW", "emulator JSON", "canned ARROW (driver floor)", "canned JSON (driver floor)",
                "DuckDB (duckdb_jdbc, in process)"};
            Connection[] c = {
                snowflake(emulatorPort, "ARROW"), snowflake(emulatorPort, "JSON"),
                snowflake(Integer.parseInt(cannedPorts.group(1)), "ARROW"), snowflake(Integer.parseInt(cannedPorts.group(2)), "JSON"),
                DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("plain.duckdb"))};
            for (int i = 0; i < 500; i++) {
                for (Connection k : c) {
                    WireBenchmark.time(k, "SELECT 1");
                }
            }
            long[][] t = new long[c.length][rounds];
            for (int i = 0; i < rounds; i++) {
                for (int k = 0; k < c.length; k++) {
                    t[k][i] = WireBenchmark.time(c[k], "SELECT 1");
                }
            }
            for (Connection k : c) {
                k.close();
            }
            double duck = WireBenchmark.median(t[c.length - 1]) / 1e6;
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                    + "; SELECT 1 round trips, " + rounds + " each after 500 warm-up, in turn");
            System.out.println("| server | median ms | p10 ms | p90 ms | / DuckDB |");
            System.out.println("|---|---|---|---|---|");
            for (int k = 0; k < c.length; k++) {
                long[] s = t[k].clone();
                Arrays.sort(s);
                System.out.printf("| %s | %.3f | %.3f | %.3f | %.1fx |%n", names[k], s[rounds / 2] / 1e6, s[rounds / 10] / 1e6,
                        s[rounds * 9 / 10] / 1e6, s[rounds / 2] / 1e6 / duck);
            }
        } finally {
            emulator.destroy();
            canned.destroy();
            emulator.waitFor();
            canned.waitFor();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Connection snowflake(int port, String format) throws Exception {
        Properties p = new Properties();
        p.put("user", "AUTOSYNC");
        p.put("password", "local");
        p.put("account", "local");
        p.put("ssl", "off");
        p.put("disablePlatformDetection", "true");
        p.put("CLIENT_TELEMETRY_ENABLED", "false");
        p.put("JDBC_QUERY_RESULT_FORMAT", format);
        return DriverManager.getConnection("jdbc:snowflake://127.0.0.1:" + port + "/?account=local&ssl=off&disablePlatformDetection=true", p);
    }

    /** Waits for a line of the process's output matching {@code regex} (60 s at most). */
    private static Matcher await(Process p, String regex) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 60_000;
        for (String line = r.readLine(); line != null && System.currentTimeMillis() < deadline; line = r.readLine()) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m;
            }
        }
        throw new IllegalStateException("process did not print " + regex + File.separator);
    }
}
