package dev.autosync.reliability;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of small files arrive in a bucket folder: the auto-ingest pipe loads each exactly once.
 * The suite uses 2,500 files (the folder scan and per-file transaction paths are the same at any count,
 * and the suite must stay within CI's time); {@code -Dautosync.test.manyFiles=10000} runs the long form.
 */
class ManyFilesTest {
    private static final int FILES = Integer.getInteger("autosync.test.manyFiles", 2_500);

    @Test
    void thousandsOfSmallFilesLoadOnceEach() throws Exception {
        try (EmulatorFixture fx = new EmulatorFixture(); Connection c = fx.connect()) {
            fx.run("CREATE DATABASE MANY", "CREATE TABLE MANY.PUBLIC.T (ID NUMBER, F VARCHAR)",
                    "CREATE STORAGE INTEGRATION MANY_INT TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                            + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_ALLOWED_LOCATIONS = ('s3://many/')",
                    "CREATE STAGE MANY.PUBLIC.S URL = 's3://many/in/' STORAGE_INTEGRATION = MANY_INT FILE_FORMAT = (TYPE = JSON)",
                    "CREATE PIPE MANY.PUBLIC.P AUTO_INGEST = TRUE AS COPY INTO MANY.PUBLIC.T (ID, F) "
                            + "FROM (SELECT $1:id, METADATA$FILENAME FROM @MANY.PUBLIC.S)");
            Path bucket = Files.createDirectories(fx.dataDir().resolve("buckets/s3/many/in"));
            long start = System.nanoTime();
            for (int i = 0; i < FILES; i++) {
                Path f = Files.writeString(bucket.resolve("f" + i + ".json"), "{\"id\": " + i + "}\n");
                Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
            }
            String count = "SELECT COUNT(*) FROM TABLE(MANY.INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => 'MANY.PUBLIC.T', "
                    + "START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP())))";
            // progress, not a deadline: on a busy machine the pipe is slower, but it must never stall (speed is a benchmark's job)
            int loaded = 0;
            long lastProgress = System.currentTimeMillis();
            while (loaded < FILES) {
                int now = Integer.parseInt(rows(c, count).get(0));
                if (now > loaded) {
                    loaded = now;
                    lastProgress = System.currentTimeMillis();
                }
                assertTrue(System.currentTimeMillis() - lastProgress < 60_000, "the pipe stalled at " + loaded + " of " + FILES + " files");
                Thread.sleep(500);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(List.of(FILES + "|" + FILES + "|" + FILES), rows(c, "SELECT COUNT(*), COUNT(DISTINCT ID), COUNT(DISTINCT F) FROM MANY.PUBLIC.T"));
            assertEquals(List.of("Loaded|" + FILES), rows(c, "SELECT STATUS, COUNT(*) FROM TABLE(MANY.INFORMATION_SCHEMA.COPY_HISTORY("
                    + "TABLE_NAME => 'MANY.PUBLIC.T', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) GROUP BY STATUS"));
            assertTrue(rows(c, "SELECT SYSTEM$PIPE_STATUS('MANY.PUBLIC.P')").get(0).contains("\"pendingFileCount\":0"));
            System.out.println("many files: " + FILES + " files loaded once each in " + seconds + " s");
        }
    }
}
