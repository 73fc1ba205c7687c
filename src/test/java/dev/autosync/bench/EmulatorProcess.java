package dev.autosync.bench;

import dev.autosync.emulator.LocalEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server for the wire benchmarks in a JVM of its own, as users run it ({@code mvn autosync:emulator}
 * beside their client): the emulator ({@code EmulatorMain}) or {@link CannedSnowflake}, started with this
 * JVM's class path. Extra JVM options for it (a JFR recording) come from {@code EMULATOR_JAVA_OPTS}; a
 * {@code filename=NAME.jfr} in them becomes {@code NAME-emulator.jfr} or {@code NAME-canned.jfr}, so that
 * each server writes a recording of its own.
 */
final class EmulatorProcess implements AutoCloseable {
    private final Process process;
    final Matcher banner;

    private EmulatorProcess(Process process, Matcher banner) {
        this.process = process;
        this.banner = banner;
    }

    /** The emulator on a data folder of its own; {@link #port()} is where it listens. */
    static EmulatorProcess emulator(Path dataDir) throws Exception {
        return start("emulator", "dev.autosync.emulator.EmulatorMain", "listening on 127\\.0\\.0\\.1:(\\d+)", "--data-dir", dataDir.toString());
    }

    /** {@link CannedSnowflake}: group 1 of {@link #banner} is its ARROW port, group 2 its JSON port. */
    static EmulatorProcess canned() throws Exception {
        return start("canned", CannedSnowflake.class.getName(), "canned ARROW port (\\d+) JSON port (\\d+)");
    }

    private static EmulatorProcess start(String role, String mainClass, String bannerRegex, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "--add-opens=java.base/java.nio=ALL-UNNAMED"));
        String opts = System.getenv("EMULATOR_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            for (String opt : opts.trim().split("\\s+")) {
                cmd.add(ownRecording(opt, role));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            return new EmulatorProcess(p, await(p, Pattern.compile(bannerRegex)));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** {@code opt} with the JFR file it names (if any) suffixed by {@code role}: two JVMs writing one file spoil it. */
    static String ownRecording(String opt, String role) {
        return opt.replaceAll("(filename=[^,]*?)(\\.jfr)?(?=,|$)", "$1-" + role + "$2");
    }

    /** CPU time the server process has used so far, in nanoseconds. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** CPU time this (the client's) process has used so far, in nanoseconds. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    int port() {
        return Integer.parseInt(banner.group(1));
    }

    /** A snowflake-jdbc connection to {@code port} asking for {@code format} results (ARROW or JSON). */
    static Connection connect(int port, String format) throws SQLException {
        Properties p = LocalEmulator.loopbackProperties("AUTOSYNC", "local");
        p.put("JDBC_QUERY_RESULT_FORMAT", format);
        return DriverManager.getConnection(LocalEmulator.jdbcUrl(port), p);
    }

    /** Waits (60 s at most) for the line naming the port, then drains the rest of the output. */
    private static Matcher await(Process p, Pattern pattern) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 60_000;
        StringBuilder seen = new StringBuilder();
        for (String line = r.readLine(); line != null && System.currentTimeMillis() < deadline; line = r.readLine()) {
            seen.append(line).append('\n');
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m;
            }
        }
        throw new IllegalStateException("the server did not start; it printed:\n" + seen);
    }

    /** Stops the process (its shutdown hook closes the emulator; a JFR recording is written). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
