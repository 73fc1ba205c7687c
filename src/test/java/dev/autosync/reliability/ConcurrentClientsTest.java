package dev.autosync.reliability;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight JDBC clients at once against one emulator for a bounded time, each doing what the plugin
 * and its users do (PUT, COPY, MERGE, queries): no error, no deadlock, and totals that add up.
 */
class ConcurrentClientsTest {
    private static final int CLIENTS = 8;
    private static final long MILLIS = 8_000;
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        fx.run("CREATE DATABASE LOAD", "CREATE SCHEMA LOAD.S", "CREATE STAGE LOAD.S.ST FILE_FORMAT = (TYPE = JSON)",
                "CREATE TABLE LOAD.S.RAW (CLIENT NUMBER, N NUMBER, V VARIANT)",
                "CREATE TABLE LOAD.S.LATEST (CLIENT NUMBER, K NUMBER, N NUMBER)");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void eightClientsWorkAtOnceWithoutErrorsAndTheTotalsAddUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong copied = new AtomicLong();
        long[] rounds = new long[CLIENTS];
        long deadline = System.currentTimeMillis() + MILLIS;
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                try (Connection conn = fx.connect(); Statement s = conn.createStatement()) {
                    Path dir = Files.createTempDirectory("client" + client);
                    int n = 0;
                    while (System.currentTimeMillis() < deadline) {
                        n++;
                        Path f = Files.writeString(dir.resolve("c" + client + "-" + n + ".json"),
                                "{\"n\": " + n + "}\n{\"n\": " + (n + 1000000) + "}\n");
                        s.execute("PUT 'file://" + f + "' @LOAD.S.ST/c" + client + "/ AUTO_COMPRESS = FALSE");
                        s.execute("COPY INTO LOAD.S.RAW (CLIENT, N, V) FROM (SELECT " + client + ", $1:n, $1 FROM @LOAD.S.ST/c" + client
                                + "/) FILES = ('" + f.getFileName() + "')");
                        copied.addAndGet(2);
                        s.execute("MERGE INTO LOAD.S.LATEST T USING (SELECT " + client + " AS CLIENT, " + (n % 10) + " AS K, " + n
                                + " AS N) S ON T.CLIENT = S.CLIENT AND T.K = S.K WHEN MATCHED THEN UPDATE SET N = S.N "
                                + "WHEN NOT MATCHED THEN INSERT (CLIENT, K, N) VALUES (S.CLIENT, S.K, S.N)");
                        List<String> mine = rows(conn, "SELECT COUNT(*) FROM LOAD.S.RAW WHERE CLIENT = " + client);
                        if (Long.parseLong(mine.get(0)) != 2L * n) {
                            errors.add("client " + client + " sees " + mine + " of its own rows after round " + n);
                        }
                    }
                    rounds[client] = n;
                } catch (Exception e) {
                    errors.add("client " + client + ": " + e.getMessage());
                }
                return null;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(MILLIS + 60_000, TimeUnit.MILLISECONDS), "no client is stuck (no deadlock)");
        for (Future<?> f : work) {
            f.get();
        }
        assertEquals(List.of(), new ArrayList<>(errors));
        long total = 0;
        for (long r : rounds) {
            assertTrue(r > 0, "every client made progress");
            total += r;
        }
        try (Connection c = fx.connect()) {
            assertEquals(List.of(Long.toString(copied.get())), rows(c, "SELECT COUNT(*) FROM LOAD.S.RAW"));
            assertEquals(List.of(Long.toString(2 * total)), rows(c, "SELECT COUNT(DISTINCT CLIENT * 10000000 + N) FROM LOAD.S.RAW"));
            for (int client = 0; client < CLIENTS; client++) {
                long expectedKeys = Math.min(10, rounds[client]);
                assertEquals(List.of(expectedKeys + "|" + rounds[client]), rows(c, "SELECT COUNT(*), MAX(N) FROM LOAD.S.LATEST WHERE CLIENT = "
                        + client), "client " + client);
            }
        }
        System.out.println("concurrency: " + CLIENTS + " clients, " + total + " rounds (PUT + COPY + MERGE + SELECT) in " + MILLIS + " ms");
    }

    @Test
    void theEmulatorListensOnLoopbackOnly() throws Exception {
        int port = fx.emulator().port();
        List<java.net.InetAddress> external = new ArrayList<>();
        for (var ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    external.add(a);
                }
            }
        }
        assertTrue(!external.isEmpty(), "the machine has a non-loopback address to try");
        for (var a : external) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(a, port), 2000);
                throw new AssertionError("the emulator accepted a connection on " + a);
            } catch (java.io.IOException expected) {
                // refused: it is bound to 127.0.0.1 only
            }
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
        }
    }

}
