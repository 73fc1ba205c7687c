package dev.autosync.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator in the foreground of a plain JVM ({@code java -cp ... EmulatorMain
 * --data-dir DIR [--port N] [--user U --password P]}) until the process is stopped. Used by tests
 * that kill the process to prove crash safety; Maven users run {@code mvn autosync:emulator}.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        int port = 0;
        String user = null;
        String password = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --data-dir DIR [--port N] [--user U --password P]");
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir DIR is required");
        }
        LocalEmulator emulator = LocalEmulator.start(dataDir, port, user, password, System.out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "autosync-emulator-stop"));
        banner(emulator, user).forEach(System.out::println);
        System.out.flush();
        stopped.await();
    }

    /** What a client needs to connect: the JDBC URL and the connection properties, secrets masked. */
    public static List<String> banner(LocalEmulator emulator, String user) {
        List<String> lines = new ArrayList<>();
        lines.add("autosync emulator listening on 127.0.0.1:" + emulator.port() + " (data in " + emulator.dataDir() + ")");
        lines.add("JDBC URL: " + emulator.jdbcUrl());
        Properties p = emulator.connectionProperties(user, null, null, null);
        lines.add("Connection properties:");
        p.stringPropertyNames().stream().sorted().forEach(k -> {
            String v = k.equals("password") ? (user == null ? "(any)" : "(the configured password)") : p.getProperty(k);
            lines.add("  " + k + "=" + v);
        });
        if (user == null) {
            lines.add("Any user name and password are accepted.");
        }
        return lines;
    }
}
