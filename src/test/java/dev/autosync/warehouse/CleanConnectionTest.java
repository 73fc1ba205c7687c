package dev.autosync.warehouse;

import dev.autosync.emulator.wire.LoginPolicy;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 item 9: an unreachable account fails fast with one message naming the URL; the driver's logging goes to our log. */
class CleanConnectionTest {

    private static Target snowflake(String url) {
        return new Target(Target.Kind.SNOWFLAKE, url, Map.of("user", "U", "account", "acme-test", "loginTimeout", "5"),
                Map.of("password", Secret.of("not-a-secret-1")), null, LoginPolicy.anyone(), List.of());
    }

    @Test
    void aRefusedPortFailsWithinTheLoginTimeoutNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        String url = "jdbc:snowflake://127.0.0.1:" + port + "/?ssl=off";
        List<String> debug = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> warn = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        long start = System.nanoTime();
        WarehouseException e;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            DriverLog.route(new DriverLog() {
                @Override
                public void debug(String message) {
                    debug.add(message);
                }

                @Override
                public void warn(String message) {
                    warn.add(message);
                }
            }, true);
            e = assertThrows(WarehouseException.class, () -> Warehouse.connect(snowflake(url), m -> { }));
        } finally {
            System.setErr(stderr);
            DriverLog.route(DriverLog.SILENT, false);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(e.getMessage().contains("Cannot reach http://127.0.0.1:" + port), e.getMessage());
        assertTrue(debug.stream().anyMatch(m -> m.startsWith("(SEVERE) snowflake-jdbc:")), "the driver's SEVERE lines go to debug: " + debug);
        assertTrue(warn.stream().noneMatch(m -> m.contains("SEVERE")), warn.toString());
        assertTrue(!err.toString().contains("SEVERE"), "nothing on the console: " + err);
        assertTrue(e.getMessage().contains("Check the account identifier"), e.getMessage());
        assertTrue(seconds < 30, "gave up after " + seconds + " s");
    }

    @Test
    void platformDetectionIsOffForEveryConnectionAndTheLoginTimeoutBounded() throws Exception {
        Target t = new Target(Target.Kind.SNOWFLAKE, "jdbc:snowflake://a.snowflakecomputing.com/", Map.of("user", "U",
                "disablePlatformDetection", "false"), Map.of(), null, LoginPolicy.anyone(), List.of());
        java.util.Properties p = Warehouse.driverProperties(t);
        assertTrue("true".equals(p.getProperty("disablePlatformDetection")), p.toString());
        assertTrue(Integer.parseInt(p.getProperty("loginTimeout")) <= 30, p.toString());
        assertTrue(Warehouse.accountUrl("jdbc:snowflake://myorg-acct.snowflakecomputing.com/?warehouse=W")
                .equals("https://myorg-acct.snowflakecomputing.com"));
    }

    @Test
    void anUnresolvableHostFailsNamingTheUrl() {
        String url = "jdbc:snowflake://no-such-account-autosync.invalid:443/";
        WarehouseException e = assertThrows(WarehouseException.class, () -> Warehouse.connect(snowflake(url), m -> { }));
        assertTrue(e.getMessage().contains("Cannot reach https://no-such-account-autosync.invalid:443"), e.getMessage());
    }
}
