package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY INTO and Snowpipe: transformations, ON_ERROR, load history, auto-ingest, REFRESH, pausing, status. */
class CopyAndPipesTest {
    private static final long WAIT = 20_000;
    private static EmulatorFixture fx;
    private static Connection c;
    @TempDir
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE ING", "CREATE SCHEMA ING.S", "CREATE FILE FORMAT JF TYPE = JSON STRIP_OUTER_ARRAY = TRUE",
                "CREATE STAGE ST FILE_FORMAT = (FORMAT_NAME = 'JF')",
                "CREATE STORAGE INTEGRATION INT1 TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                        + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_ALLOWED_LOCATIONS = ('s3://bkt/')",
                "CREATE STAGE EXT URL = 's3://bkt/events/' STORAGE_INTEGRATION = INT1 FILE_FORMAT = (FORMAT_NAME = 'JF')");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void exec(String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static void stage(String folder, String name, String content) throws Exception {
        Path f = Files.createDirectories(local.resolve(folder)).resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        rows(c, "PUT file://" + f + " @ST/" + folder + "/");
    }

    private static Path bucketFile(String relative, String content) throws Exception {
        Path f = fx.dataDir().resolve("buckets/s3/bkt/events").resolve(relative);
        Files.createDirectories(f.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }


    static List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }

    /**
     * A typed value a COPY writes into a VARIANT column is the VARIANT Snowflake makes of it, as {@code ::VARIANT}
     * makes it: a NUMBER without trailing zeros (transform page: 500.00 reads 500), a DOUBLE as Snowflake prints one
     * (array_construct_compact page: 3.000000000000000e+00, TYPEOF DOUBLE), a timestamp's text with milliseconds
     * (get and array_min pages: "2022-03-07 14:00:00.000"); the record itself stays as written. DuckDB's to_json,
     * used before, wrote 500.0, 7.0 (TYPEOF DECIMAL) and no milliseconds.
     */
    @Test
    void typedValuesCopiedIntoAVariantColumnAreTheVariantsSnowflakeMakes() throws Exception {
        exec("CREATE OR REPLACE TABLE TV (REC VARIANT, N VARIANT, T VARIANT, D VARIANT)");
        stage("tv", "a.json", "{\"n\":500,\"t\":\"2022-03-07 14:00:00\",\"d\":7}\n");
        q("COPY INTO TV FROM (SELECT $1, $1:n::NUMBER(5,2), $1:t::TIMESTAMP_NTZ, $1:d::FLOAT FROM @ST/tv/)");
        String expected = "{\"d\":7,\"n\":500,\"t\":\"2022-03-07 14:00:00\"}|500|\"2022-03-07 14:00:00.000\"|7.000000000000000e+00|DOUBLE";
        assertEquals(List.of(expected), q("SELECT TO_JSON(REC), TO_JSON(N), TO_JSON(T), D, TYPEOF(D) FROM TV"));
        assertEquals(List.of(expected), q("SELECT TO_JSON(PARSE_JSON('{\"n\":500,\"t\":\"2022-03-07 14:00:00\",\"d\":7}')), "
                + "TO_JSON(500::NUMBER(5,2)::VARIANT), TO_JSON('2022-03-07 14:00:00'::TIMESTAMP_NTZ::VARIANT), 7::FLOAT::VARIANT, "
                + "TYPEOF(7::FLOAT::VARIANT)"), "the same values made VARIANT by ::VARIANT");
    }

    @Test
    void copyWithATransformationLoadsTypedColumnsAndMetadata() throws Exception {
        exec("CREATE OR REPLACE TABLE T1 (ID NUMBER, AMT NUMBER(7,2), RAW VARIANT, F VARCHAR, R NUMBER)");
        stage("t1", "a.json", "{\"id\": 1, \"amt\": \"12.345\"}\n{\"id\": 2, \"amt\": 7}\n");
        List<String> result = q("COPY INTO T1 FROM (SELECT $1:id, TRY_TO_DECIMAL($1:amt::VARCHAR, 7, 2), $1, METADATA$FILENAME, "
                + "METADATA$FILE_ROW_NUMBER FROM @ST/t1/)");
        assertEquals(List.of("st/t1/a.json.gz|LOADED|2|2|1|0|null|null|null|null"), result);
        assertEquals(List.of("1|12.35|t1/a.json.gz|1", "2|7.00|t1/a.json.gz|2"), q("SELECT ID, AMT, F, R FROM T1 ORDER BY ID"));
        assertEquals(List.of("Copy executed with 0 files processed."), q("COPY INTO T1 FROM (SELECT $1:id, NULL, $1, NULL, NULL FROM @ST/t1/)"),
                "an unchanged file is not loaded twice");
        assertEquals(1, q("COPY INTO T1 FROM (SELECT $1:id, NULL, $1, NULL, NULL FROM @ST/t1/) FORCE = TRUE").size());
        assertEquals(List.of("4"), q("SELECT COUNT(*) FROM T1"));
    }

    @Test
    void plainCopyOfJsonNeedsOneVariantColumnOrMatchByColumnName() throws Exception {
        exec("CREATE OR REPLACE TABLE T2 (V VARIANT)", "CREATE OR REPLACE TABLE T2B (ID NUMBER, NAME VARCHAR)");
        stage("t2", "x.json", "[{\"ID\": 5, \"name\": \"n\"}]");
        q("COPY INTO T2 FROM @ST/t2/ FILE_FORMAT = (TYPE = JSON STRIP_OUTER_ARRAY = TRUE)");
        assertEquals(List.of("{\n  \"ID\": 5,\n  \"name\": \"n\"\n}"), q("SELECT V FROM T2"));
        SQLException e = assertThrows(SQLException.class, () -> q("COPY INTO T2B FROM @ST/t2/"));
        assertTrue(e.getMessage().contains("one and only one column of type variant"), e.getMessage());
        q("COPY INTO T2B FROM @ST/t2/ MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE");
        assertEquals(List.of("5|n"), q("SELECT * FROM T2B"));
    }

    @Test
    void onErrorDecidesWhatABadFileDoes() throws Exception {
        exec("CREATE OR REPLACE TABLE T3 (ID NUMBER)");
        stage("t3", "good.json", "{\"id\": 1}\n{\"id\": 2}\n");
        stage("t3", "bad.json", "{\"id\": 3}\n{\"id\": \"x\"}\n{\"id\": 4}\n");
        SQLException abort = assertThrows(SQLException.class, () -> q("COPY INTO T3 FROM (SELECT $1:id FROM @ST/t3/)"));
        assertEquals(100038, abort.getErrorCode());
        assertTrue(abort.getMessage().contains("Numeric value 'x' is not recognized"), abort.getMessage());
        assertTrue(abort.getMessage().contains("File 't3/bad.json.gz', line 2"), abort.getMessage());
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM T3"), "ABORT_STATEMENT loads nothing");
        List<String> skip = q("COPY INTO T3 FROM (SELECT $1:id FROM @ST/t3/) ON_ERROR = SKIP_FILE");
        assertEquals(List.of("st/t3/bad.json.gz|LOAD_FAILED|3|0|1|1|Numeric value 'x' is not recognized|2|1|\"T3\"[\"ID\":1]",
                "st/t3/good.json.gz|LOADED|2|2|1|0|null|null|null|null"), skip);
        exec("TRUNCATE TABLE T3");
        List<String> cont = q("COPY INTO T3 FROM (SELECT $1:id FROM @ST/t3/) ON_ERROR = CONTINUE");
        assertTrue(cont.contains("st/t3/bad.json.gz|PARTIALLY_LOADED|3|2|3|1|Numeric value 'x' is not recognized|2|1|\"T3\"[\"ID\":1]"),
                cont.toString());
        assertEquals(List.of("1", "2", "3", "4"), q("SELECT ID FROM T3 ORDER BY ID"));
        exec("TRUNCATE TABLE T3");
        List<String> threshold = q("COPY INTO T3 FROM (SELECT $1:id FROM @ST/t3/) ON_ERROR = SKIP_FILE_2");
        assertTrue(threshold.get(0).startsWith("st/t3/bad.json.gz|PARTIALLY_LOADED|3|2|2|1"), threshold.toString());
    }

    @Test
    void patternAndFilesChooseTheFiles() throws Exception {
        exec("CREATE OR REPLACE TABLE T4 (V VARIANT)");
        stage("t4", "keep_1.json", "{\"k\": 1}");
        stage("t4", "skip_1.json", "{\"k\": 2}");
        q("COPY INTO T4 FROM @ST/t4/ PATTERN = '.*keep.*'");
        assertEquals(List.of("1"), q("SELECT V:k FROM T4"));
        q("COPY INTO T4 FROM @ST/t4/ FILES = ('skip_1.json.gz')");
        assertEquals(List.of("1", "2"), q("SELECT V:k FROM T4 ORDER BY 1"));
    }

    @Test
    void aPipesCopyRefusesWhatSnowflakeRefuses() throws Exception {
        exec("CREATE OR REPLACE TABLE T4P (V VARIANT)");
        for (String option : List.of("FORCE = TRUE", "PURGE = TRUE", "FILES = ('a.json')", "ON_ERROR = ABORT_STATEMENT")) {
            SQLException e = assertThrows(SQLException.class, () -> exec("CREATE PIPE BADP AS COPY INTO T4P FROM @ST/t4/ " + option));
            assertTrue(e.getMessage().contains("not supported in a pipe"), option + ": " + e.getMessage());
        }
        SQLException where = assertThrows(SQLException.class,
                () -> exec("CREATE PIPE BADW AS COPY INTO T4P FROM (SELECT $1 FROM @ST/t4/ WHERE $1:k = 1)"));
        assertTrue(where.getMessage().contains("WHERE is not supported in a COPY transformation"), where.getMessage());
        SQLException internalAuto = assertThrows(SQLException.class,
                () -> exec("CREATE PIPE BADA AUTO_INGEST = TRUE AS COPY INTO T4P FROM @ST/t4/"));
        assertTrue(internalAuto.getMessage().contains("needs an external stage"), internalAuto.getMessage());
    }

    @Test
    void refreshLoadsEachFileOncePerPipeAndSkipsBadFilesWhole() throws Exception {
        exec("CREATE OR REPLACE TABLE P1 (ID NUMBER, F VARCHAR)",
                "CREATE OR REPLACE PIPE PIPE1 AS COPY INTO P1 FROM (SELECT $1:id, METADATA$FILENAME FROM @ST/p1/)");
        stage("p1/day1", "a.json", "{\"id\": 1}\n{\"id\": 2}\n");
        stage("p1/day1", "broken.json", "{\"id\": 3}\n{\"id\": ");
        stage("p1/day2", "b.json", "{\"id\": 4}\n");
        assertEquals(List.of("day1/a.json.gz|SENT", "day1/broken.json.gz|SENT"), q("ALTER PIPE PIPE1 REFRESH PREFIX = 'day1/'"));
        EmulatorFixture.await("two files in the history", WAIT, () -> q("SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY("
                + "TABLE_NAME => 'P1', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP())))").equals(List.of("2")));
        assertEquals(List.of("p1/day1/a.json.gz|Loaded|2|2|0|PIPE1", "p1/day1/broken.json.gz|Load failed|0|2|1|PIPE1"),
                q("SELECT FILE_NAME, STATUS, ROW_COUNT, ROW_PARSED, ERROR_COUNT, PIPE_NAME FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY("
                        + "TABLE_NAME => 'ING.S.P1', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) ORDER BY FILE_NAME"));
        assertEquals(List.of("1", "2"), q("SELECT ID FROM P1 ORDER BY ID"), "nothing of the broken file reached the table");
        assertTrue(q("ALTER PIPE PIPE1 REFRESH PREFIX = 'day1/'").isEmpty(), "loaded and failed files are not queued again");
        stage("p1/day1", "a.json", "{\"id\": 100}\n");
        exec("REMOVE @ST/p1/day1/a.json.gz");
        stage("p1/day1", "a.json", "{\"id\": 100}\n");
        assertTrue(q("ALTER PIPE PIPE1 REFRESH").stream().noneMatch(r -> r.startsWith("day1/a.json")),
                "a pipe never reloads a file of the same name, even modified");
        exec("CREATE OR REPLACE PIPE PIPE1 AS COPY INTO P1 FROM (SELECT $1:id, METADATA$FILENAME FROM @ST/p1/)");
        assertEquals(3, q("ALTER PIPE PIPE1 REFRESH").size(), "recreating the pipe clears its load history");
    }

    @Test
    void refreshHonoursModifiedAfterAndTheSevenDayWindow() throws Exception {
        exec("CREATE OR REPLACE TABLE P2 (V VARIANT)", "CREATE OR REPLACE PIPE PIPE2 AS COPY INTO P2 FROM @ST/p2/");
        stage("p2", "old.json", "{}");
        stage("p2", "new.json", "{}");
        Path stageDir = fx.dataDir().resolve("stages/ING/S/ST/p2");
        Files.setLastModifiedTime(stageDir.resolve("old.json.gz"), FileTime.from(Instant.now().minus(8, ChronoUnit.DAYS)));
        Files.setLastModifiedTime(stageDir.resolve("new.json.gz"), FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        assertEquals(List.of(), q("ALTER PIPE PIPE2 REFRESH MODIFIED_AFTER = '" + Instant.now().minus(1, ChronoUnit.DAYS) + "'"));
        assertEquals(List.of("new.json.gz|SENT"), q("ALTER PIPE PIPE2 REFRESH"));
    }

    /**
     * "Managing Snowpipe" (Resuming a stale pipe) and SYSTEM$PIPE_FORCE_RESUME: an auto-ingest pipe
     * paused for more than 14 days is stale; SYSTEM$PIPE_STATUS still says PAUSED; ALTER PIPE ...
     * PIPE_EXECUTION_PAUSED = FALSE is refused, naming the fix; force resume needs STALENESS_CHECK_OVERRIDE.
     */
    @Test
    void aPipePausedForMoreThanFourteenDaysIsStaleAndResumesOnlyByForce() throws Exception {
        exec("CREATE OR REPLACE TABLE ST1 (ID NUMBER)",
                "CREATE OR REPLACE PIPE STALE1 AUTO_INGEST = TRUE AS COPY INTO ST1 FROM (SELECT $1:id FROM @EXT/st1/)",
                "CREATE OR REPLACE PIPE FRESH1 AUTO_INGEST = TRUE AS COPY INTO ST1 FROM (SELECT $1:id FROM @EXT/st1/)",
                "ALTER PIPE STALE1 SET PIPE_EXECUTION_PAUSED = TRUE");
        try {
            dev.autosync.emulator.base.EmulatorClock.advance(java.time.Duration.ofDays(15));
            exec("ALTER PIPE FRESH1 SET PIPE_EXECUTION_PAUSED = TRUE", "ALTER PIPE FRESH1 SET PIPE_EXECUTION_PAUSED = FALSE");
            assertTrue(q("SELECT SYSTEM$PIPE_STATUS('STALE1')").get(0).contains("\"executionState\":\"PAUSED\""));
            SQLException plain = assertThrows(SQLException.class, () -> exec("ALTER PIPE STALE1 SET PIPE_EXECUTION_PAUSED = FALSE"));
            assertTrue(plain.getMessage().contains("is stale") && plain.getMessage().contains("STALENESS_CHECK_OVERRIDE"),
                    plain.getMessage());
            SQLException noOverride = assertThrows(SQLException.class, () -> q("SELECT SYSTEM$PIPE_FORCE_RESUME('STALE1')"));
            assertTrue(noOverride.getMessage().contains("is stale"), noOverride.getMessage());
            q("SELECT SYSTEM$PIPE_FORCE_RESUME('STALE1', 'staleness_check_override, ownership_transfer_check_override')");
            assertTrue(q("SELECT SYSTEM$PIPE_STATUS('STALE1')").get(0).contains("\"executionState\":\"RUNNING\""));
        } finally {
            dev.autosync.emulator.base.EmulatorClock.reset();
        }
    }

    @Test
    void autoIngestLoadsNewBucketFilesAndAPausedPipeQueuesThem() throws Exception {
        exec("CREATE OR REPLACE TABLE A1 (ID NUMBER)",
                "CREATE OR REPLACE PIPE AUTO1 AUTO_INGEST = TRUE AS COPY INTO A1 FROM (SELECT $1:id FROM @EXT/a1/)");
        assertTrue(q("SHOW PIPES LIKE 'AUTO1'").get(0).contains("arn:aws:sqs:"), "S3 auto-ingest has an SQS channel");
        bucketFile("a1/f1.json.gz", "{\"id\": 1}\n");
        EmulatorFixture.await("auto-ingest", WAIT, () -> q("SELECT COUNT(*) FROM A1").equals(List.of("1")));
        exec("ALTER PIPE AUTO1 SET PIPE_EXECUTION_PAUSED = TRUE");
        bucketFile("a1/f2.json.gz", "{\"id\": 2}\n");
        EmulatorFixture.await("the paused pipe to queue the file", WAIT, () -> q("SELECT SYSTEM$PIPE_STATUS('AUTO1')").get(0)
                .contains("\"pendingFileCount\":1"));
        String status = q("SELECT SYSTEM$PIPE_STATUS('AUTO1')").get(0);
        assertTrue(status.contains("\"executionState\":\"PAUSED\""), status);
        assertTrue(status.contains("\"oldestPendingFilePath\":\"a1/f2.json.gz\""), status);
        assertTrue(status.contains("\"lastIngestedFilePath\":\"a1/f1.json.gz\""), status);
        assertTrue(status.contains("\"notificationChannelName\":\"arn:aws:sqs:"), status);
        // system_pipe_status page: the times are UTC ('Z') whatever the session's TIMEZONE (here Snowflake's default)
        exec("ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
        String zoned = q("SELECT SYSTEM$PIPE_STATUS('AUTO1')").get(0);
        for (String key : List.of("oldestFileTimestamp", "lastIngestedTimestamp")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\"([^\"]+)\"").matcher(zoned);
            assertTrue(m.find(), zoned);
            java.time.Instant at = java.time.Instant.parse(m.group(1));
            assertTrue(java.time.Duration.between(at, java.time.Instant.now()).abs().toMinutes() < 5, key + " " + at
                    + " is not the time it happened (UTC): " + zoned);
        }
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM A1"));
        exec("ALTER PIPE AUTO1 SET PIPE_EXECUTION_PAUSED = FALSE");
        EmulatorFixture.await("the resumed pipe to load", WAIT, () -> q("SELECT COUNT(*) FROM A1").equals(List.of("2")));
        assertTrue(q("SELECT SYSTEM$PIPE_STATUS('AUTO1')").get(0).contains("\"executionState\":\"RUNNING\",\"pendingFileCount\":0"));
    }

    @Test
    void aPipeKeepsLoadingAfterItsTableChanges() throws Exception {
        // The pipe keeps its planned COPY between passes; a DDL on its table must make it plan again. copy-into-table:
        // a transformation's values load into the table's columns in order, so a renamed column still gets $1:id.
        exec("CREATE OR REPLACE TABLE A2 (ID NUMBER)",
                "CREATE OR REPLACE PIPE AUTO2 AUTO_INGEST = TRUE AS COPY INTO A2 FROM (SELECT $1:id FROM @EXT/a2/)");
        bucketFile("a2/f1.json.gz", "{\"id\": 1}\n");
        EmulatorFixture.await("auto-ingest", WAIT, () -> q("SELECT COUNT(*) FROM A2").equals(List.of("1")));
        exec("ALTER TABLE A2 RENAME COLUMN ID TO KEY_ID");
        bucketFile("a2/f2.json.gz", "{\"id\": 2}\n");
        EmulatorFixture.await("the pipe to load into the altered table", WAIT,
                () -> q("SELECT COUNT(*) FROM A2").equals(List.of("2")));
        assertEquals(List.of("1", "2"), q("SELECT KEY_ID FROM A2 ORDER BY KEY_ID"));
        exec("DROP PIPE AUTO2");
    }

    @Test
    void aPipeWhoseTableIsDroppedReportsIt() throws Exception {
        exec("CREATE OR REPLACE TABLE GONE (V VARIANT)", "CREATE OR REPLACE PIPE GONE_PIPE AS COPY INTO GONE FROM @ST/gone/",
                "DROP TABLE GONE");
        assertTrue(q("SELECT SYSTEM$PIPE_STATUS('GONE_PIPE')").get(0).contains("STOPPED_MISSING_TABLE"));
        assertTrue(q("SHOW PIPES LIKE 'GONE_PIPE'").get(0).contains("Target table dropped"));
    }

    @Test
    void copyHistoryWorksInsideViews() throws Exception {
        exec("CREATE OR REPLACE TABLE VH (V VARIANT)", "CREATE OR REPLACE VIEW VHV AS SELECT FILE_NAME, STATUS FROM "
                + "TABLE(ING.INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => 'VH', START_TIME => DATEADD(DAY, -7, CURRENT_TIMESTAMP())))");
        assertTrue(q("SELECT * FROM VHV").isEmpty());
        stage("vh", "v.json", "{}");
        q("COPY INTO VH FROM @ST/vh/");
        assertEquals(List.of("vh/v.json.gz|Loaded"), q("SELECT * FROM VHV"), "the view reads the history when queried");
    }

    @Test
    void filesThatArriveWhileTheEmulatorIsDownLoadOnTheNextStart(@TempDir Path dir) throws Exception {
        String ddl = "CREATE DATABASE D; CREATE SCHEMA D.S; CREATE TABLE D.S.T (ID NUMBER); "
                + "CREATE STORAGE INTEGRATION I TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_ALLOWED_LOCATIONS = ('s3://b2/'); "
                + "CREATE STAGE D.S.E URL = 's3://b2/in/' STORAGE_INTEGRATION = I FILE_FORMAT = (TYPE = JSON); "
                + "CREATE PIPE D.S.P AUTO_INGEST = TRUE AS COPY INTO D.S.T FROM (SELECT $1:id FROM @D.S.E)";
        try (LocalEmulator first = LocalEmulator.start(dir, 0, null, null, m -> { });
             Connection conn = DriverManager.getConnection(first.jdbcUrl(), first.connectionProperties(null, null, null, null));
             Statement s = conn.createStatement()) {
            s.unwrap(net.snowflake.client.api.statement.SnowflakeStatement.class).setParameter("MULTI_STATEMENT_COUNT", 0);
            s.execute(ddl);
        }
        Path f = dir.resolve("buckets/s3/b2/in/late.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"id\": 7}");
        try (LocalEmulator second = LocalEmulator.start(dir, 0, null, null, m -> { });
             Connection conn = DriverManager.getConnection(second.jdbcUrl(), second.connectionProperties(null, null, null, null))) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!rows(conn, "SELECT COUNT(*) FROM D.S.T").equals(List.of("1")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(List.of("7"), rows(conn, "SELECT ID FROM D.S.T"));
        }
    }

    @Test
    void truncateLetsBulkCopyLoadTheSameFilesAgain() throws Exception {
        exec("CREATE OR REPLACE TABLE TR (V VARIANT)");
        stage("tr", "t.json", "{\"a\": 1}");
        assertEquals(1, q("COPY INTO TR FROM @ST/tr/").size());
        assertEquals(List.of("Copy executed with 0 files processed."), q("COPY INTO TR FROM @ST/tr/"));
        exec("TRUNCATE TABLE TR");
        assertEquals(List.of("st/tr/t.json.gz|LOADED|1|1|1|0|null|null|null|null"), q("COPY INTO TR FROM @ST/tr/"));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY("
                + "TABLE_NAME => 'TR', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP())))")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "COPY_HISTORY shows only loads after the last TRUNCATE");
            assertFalse(rs.next());
        }
    }
}
