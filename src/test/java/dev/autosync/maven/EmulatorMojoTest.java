package dev.autosync.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator goal: runs in the foreground, prints how to connect, serves clients, stops cleanly. */
@MojoTest
class EmulatorMojoTest {

    static final class Capture extends SystemStreamLog {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    }

    @Test
    @InjectMojo(goal = EmulatorMojo.GOAL_NAME)
    @MojoParameter(name = "port", value = "0")
    @MojoParameter(name = "dataDir", value = "target/emulator-mojo-test")
    @MojoParameter(name = "emulatorUser", value = "ANALYST")
    void servesClientsUntilStoppedAndPrintsTheUrlButNotThePassword(EmulatorMojo mojo) throws Exception {
        Capture log = new Capture();
        mojo.setLog(log);
        mojo.environment = java.util.Map.of("AUTOSYNC_EMULATOR_PASSWORD", "s3cret-pass");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                mojo.execute();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        long deadline = System.currentTimeMillis() + 30_000;
        String url = null;
        while (url == null && System.currentTimeMillis() < deadline) {
            url = log.lines.stream().filter(l -> l.startsWith("JDBC URL: ")).map(l -> l.substring(10)).findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertTrue(url != null && url.startsWith("jdbc:snowflake://127.0.0.1:"), "printed URL: " + log.lines);
        assertTrue(log.lines.stream().anyMatch(l -> l.contains("user=ANALYST")), log.lines.toString());
        assertFalse(log.lines.stream().anyMatch(l -> l.contains("s3cret-pass")), "the password is never printed");
        Properties p = new Properties();
        p.put("user", "ANALYST");
        p.put("password", "s3cret-pass");
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 40 + 2")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
        p.put("password", "wrong");
        String badUrl = url;
        java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(badUrl, p));
        assertEquals(390100, refused.getErrorCode());
        t.interrupt();
        t.join(30_000);
        assertFalse(t.isAlive(), "the goal returns when stopped");
        assertEquals(null, failure.get());
        // stopped cleanly: the data folder is free for the next emulator
        try (dev.autosync.emulator.LocalEmulator again = dev.autosync.emulator.LocalEmulator.start(
                java.nio.file.Path.of("target/emulator-mojo-test"), 0, null, null, m -> { })) {
            assertTrue(again.port() > 0);
        }
    }

    @Test
    @InjectMojo(goal = EmulatorMojo.GOAL_NAME)
    @MojoParameter(name = "dataDir", value = "target/emulator-mojo-busy")
    void aPortInUseIsAClearFailure(EmulatorMojo mojo) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject(mojo, "port", busy.getLocalPort());
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().contains("is in use") && e.getMessage().contains("autosync.emulator.port"), e.getMessage());
        }
    }
}
