package dev.autosync.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading a file and recording it in the load history are one transaction: the emulator process
 * is killed (SIGKILL) in the middle of loading many files, restarted on the same data folder, and
 * every file ends up loaded exactly once.
 */
class CrashSafetyTest {
    private static final int FILES = 400;
    private static final int ROWS_PER_FILE = 25;

    /** An emulator in its own JVM, so it can be killed without ceremony. */
    private static final class EmulatorProcess implements AutoCloseable {
        final Process process;
        final String url;

        EmulatorProcess(Path dataDir) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                    "--data-dir", dataDir.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String found = null;
            while (found == null && (line = out.readLine()) != null) {
                if (line.startsWith("JDBC URL: ")) {
                    found = line.substring("JDBC URL: ".length());
                }
            }
            if (found == null) {
                throw new IllegalStateException("the emulator process ended without printing its URL");
            }
            url = found;
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep the pipe from filling up
                    }
                } catch (Exception ignored) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        Connection connect() throws SQLException {
            Properties p = new Properties();
            p.put("user", "tester");
            p.put("password", "x");
            p.put("db", "CRASH");
            p.put("schema", "PUBLIC");
            return DriverManager.getConnection(url, p);
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int loadedFiles(Connection c) throws SQLException {
        return Integer.parseInt(rows(c, "SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => 'EVENTS', "
                + "START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP())))").get(0));
    }

    @Test
    void aKilledEmulatorLoadsEveryFileExactlyOnceAfterRestart(@TempDir Path dataDir) throws Exception {
        int atKill;
        try (EmulatorProcess first = new EmulatorProcess(dataDir)) {
            // not closed: closing a session on a killed server makes the driver retry for minutes
            Connection c = first.connect();
            Statement s = c.createStatement();
            s.execute("CREATE DATABASE CRASH");
            s.execute("CREATE TABLE EVENTS (ID NUMBER, FILE VARCHAR, ROW_NO NUMBER)");
            s.execute("CREATE STORAGE INTEGRATION S3_INT TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                    + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_ALLOWED_LOCATIONS = ('s3://crash/in/')");
            s.execute("CREATE STAGE EXT URL = 's3://crash/in/' STORAGE_INTEGRATION = S3_INT FILE_FORMAT = (TYPE = JSON)");
            s.execute("CREATE PIPE LOADER AUTO_INGEST = TRUE AS COPY INTO EVENTS (ID, FILE, ROW_NO) "
                    + "FROM (SELECT $1:id, METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @EXT)");
            Path bucket = Files.createDirectories(dataDir.resolve("buckets/s3/crash/in"));
            for (int f = 0; f < FILES; f++) {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < ROWS_PER_FILE; r++) {
                    sb.append("{\"id\": ").append(f * ROWS_PER_FILE + r).append("}\n");
                }
                Path tmp = Files.writeString(dataDir.resolve("f" + f + ".tmp"), sb.toString());
                Files.move(tmp, bucket.resolve("f" + f + ".json"));
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (loadedFiles(c) < FILES / 20) {
                assertTrue(System.currentTimeMillis() < deadline, "auto-ingest did not start loading");
                Thread.sleep(20);
            }
            first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // what the killed process left on disk (read with DuckDB directly, before any restart)
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("emulator.duckdb"));
             Statement s = duck.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                     "SELECT COUNT(*) FROM \"_AUTOSYNC\".copy_history")) {
            rs.next();
            atKill = rs.getInt(1);
        }
        assertTrue(atKill < FILES, "the kill came after every file had loaded; the test proves nothing (" + atKill + ")");
        try (EmulatorProcess second = new EmulatorProcess(dataDir); Connection c = second.connect()) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (loadedFiles(c) < FILES) {
                assertTrue(System.currentTimeMillis() < deadline, "the restarted emulator did not load the rest");
                Thread.sleep(100);
            }
            Thread.sleep(1500); // a second look after more polling rounds: nothing more may load
            assertEquals(FILES, loadedFiles(c), "each file is in the load history once");
            assertEquals(List.of(FILES * ROWS_PER_FILE + "|" + FILES * ROWS_PER_FILE + "|" + FILES),
                    rows(c, "SELECT COUNT(*), COUNT(DISTINCT ID), COUNT(DISTINCT FILE) FROM EVENTS"));
            assertEquals(List.of(), rows(c, "SELECT FILE FROM EVENTS GROUP BY FILE HAVING COUNT(*) <> " + ROWS_PER_FILE));
            assertEquals(List.of("Loaded|" + FILES), rows(c, "SELECT STATUS, COUNT(*) FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY("
                    + "TABLE_NAME => 'EVENTS', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) GROUP BY STATUS"));
        }
        System.out.println("crash test: killed with " + atKill + " of " + FILES + " files loaded");
    }

    /**
     * A task's MERGE of 400,000 stream rows, killed 150, 400 and 900 ms after EXECUTE TASK (no
     * polling: a query would wait for the task's transaction and so always come after it). Each
     * time the task's work is applied whole or not at all, and a re-run applies it exactly once.
     */
    @Test
    void aTaskRunKilledHalfwayIsEitherAppliedWholeOrNotAtAll(@TempDir Path root) throws Exception {
        int n = 400_000;
        List<String> outcomes = new java.util.ArrayList<>();
        for (long delay : new long[] {150, 400, 900}) {
            Path dataDir = root.resolve("d" + delay);
            try (EmulatorProcess first = new EmulatorProcess(dataDir)) {
                Connection c = first.connect(); // not closed, see above
                Statement s = c.createStatement();
                s.execute("CREATE DATABASE CRASH");
                s.execute("CREATE TABLE SRC (K NUMBER, V VARCHAR)");
                s.execute("CREATE TABLE TGT (K NUMBER, V VARCHAR)");
                s.execute("CREATE STREAM SRC_STREAM ON TABLE SRC APPEND_ONLY = TRUE");
                s.execute("INSERT INTO SRC SELECT SEQ4(), 'v' || SEQ4() FROM TABLE(GENERATOR(ROWCOUNT => " + n + "))");
                s.execute("CREATE TASK MOVE SCHEDULE = '60 MINUTE' AS EXECUTE IMMEDIATE $$ BEGIN BEGIN TRANSACTION; "
                        + "MERGE INTO TGT T USING (SELECT K, V FROM SRC_STREAM) S ON T.K = S.K WHEN MATCHED THEN UPDATE SET V = S.V "
                        + "WHEN NOT MATCHED THEN INSERT (K, V) VALUES (S.K, S.V); COMMIT; END; $$");
                s.execute("EXECUTE TASK MOVE");
                Thread.sleep(delay);
                first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            try (EmulatorProcess second = new EmulatorProcess(dataDir); Connection c = second.connect()) {
                long applied = Long.parseLong(rows(c, "SELECT COUNT(*) FROM TGT").get(0));
                String hasData = rows(c, "SELECT SYSTEM$STREAM_HAS_DATA('SRC_STREAM')").get(0);
                assertTrue(applied == 0 && hasData.equalsIgnoreCase("true") || applied == n && hasData.equalsIgnoreCase("false"),
                        "killed after " + delay + " ms: either nothing applied and the stream still holds the rows, or all "
                                + "applied and it is consumed; found " + applied + " rows, has data " + hasData);
                outcomes.add(delay + " ms: " + (applied == 0 ? "not applied" : "applied"));
                try (Statement s = c.createStatement()) {
                    s.execute("EXECUTE TASK MOVE");
                }
                long deadline = System.currentTimeMillis() + 60_000;
                while (!rows(c, "SELECT COUNT(*) FROM TGT").get(0).equals(Integer.toString(n))
                        || !rows(c, "SELECT SYSTEM$STREAM_HAS_DATA('SRC_STREAM')").get(0).equalsIgnoreCase("false")) {
                    assertTrue(System.currentTimeMillis() < deadline, "the re-run applied the rows");
                    Thread.sleep(100);
                }
                assertEquals(List.of(n + "|" + n), rows(c, "SELECT COUNT(*), COUNT(DISTINCT K) FROM TGT"));
            }
        }
        System.out.println("crash test: task runs killed at " + outcomes);
    }
}
