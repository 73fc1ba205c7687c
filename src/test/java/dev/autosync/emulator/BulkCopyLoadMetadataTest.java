package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What autosync:backfill relies on: LIST with PATTERN (list.md), bulk COPY with FILES
 * (copy-into-table.md: FILES, ON_ERROR), LOAD_UNCERTAIN_FILES and the separate load metadata of bulk
 * COPY and pipes (data-load-considerations-load.md; data-load-snowpipe-intro.md, "Snowpipe vs bulk").
 */
class BulkCopyLoadMetadataTest {
    private static EmulatorFixture fx;
    private static Connection c;
    private static Path local;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        local = Files.createTempDirectory("bulk-copy");
        fx.run("CREATE DATABASE BULK");
        c.createStatement().execute("USE SCHEMA BULK.PUBLIC");
        c.createStatement().execute("CREATE STAGE ST FILE_FORMAT = (TYPE = JSON)");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }

    private static void stage(String folder, String name, String content) throws Exception {
        Path f = Files.createDirectories(local.resolve(folder)).resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        q("PUT file://" + f + " @ST/" + folder + "/ AUTO_COMPRESS = FALSE");
    }

    @Test
    void listPatternMatchesTheWholeListedName() throws Exception {
        stage("l1/2025", "a.json", "{}");
        stage("l1/2025", "b.ndjson", "{}");
        assertEquals(List.of("st/l1/2025/a.json"), q("LIST @ST/l1/ PATTERN = '.*[.]json'").stream()
                .map(r -> r.substring(0, r.indexOf('|'))).toList());
        assertEquals(List.of(), q("LIST @ST/l1/ PATTERN = 'a[.]json'"), "the pattern must match the whole name, path included");
    }

    @Test
    void filesNamingAMissingFileAbortsUnlessOnErrorSaysOtherwise() throws Exception {
        q("CREATE TABLE F1 (V VARIANT)");
        stage("f1", "here.json", "{\"k\": 1}");
        SQLException e = assertThrows(SQLException.class, () -> q("COPY INTO F1 FROM @ST/f1/ FILES = ('here.json', 'gone.json')"));
        assertTrue(e.getMessage().contains("Remote file 'st/f1/gone.json' was not found"), e.getMessage());
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM F1"), "the aborted COPY loaded nothing");
        q("COPY INTO F1 FROM @ST/f1/ FILES = ('here.json', 'gone.json') ON_ERROR = SKIP_FILE");
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM F1"));
    }

    @Test
    void bulkCopyAndPipesKeepSeparateLoadMetadata() throws Exception {
        q("CREATE TABLE S1 (V VARIANT, F VARCHAR)");
        q("CREATE PIPE S1_PIPE AS COPY INTO S1 FROM (SELECT $1, METADATA$FILENAME FROM @ST/s1/)");
        stage("s1", "a.json", "{\"k\": 1}");
        q("ALTER PIPE S1_PIPE REFRESH");
        EmulatorFixture.await("the pipe to load a.json", 20_000, () -> q("SELECT COUNT(*) FROM S1").equals(List.of("1")));
        // a bulk COPY does not see what the pipe loaded: the same file loads again (why backfill excludes it itself)
        q("COPY INTO S1 FROM (SELECT $1, METADATA$FILENAME FROM @ST/s1/) FILES = ('a.json')");
        assertEquals(List.of("s1/a.json|2"), q("SELECT F, COUNT(*) FROM S1 GROUP BY F"));
        // but its own load metadata makes a second bulk COPY of the same file a no-op
        assertEquals(List.of("Copy executed with 0 files processed."),
                q("COPY INTO S1 FROM (SELECT $1, METADATA$FILENAME FROM @ST/s1/) FILES = ('a.json')"));
        assertEquals(List.of("2"), q("SELECT COUNT(*) FROM S1"));
    }

    @Test
    void anOldFileLoadsIntoANewTableWithOrWithoutLoadUncertainFiles() throws Exception {
        // a file last modified 100 days ago has a known status for a table first loaded today, so it loads
        q("CREATE TABLE U1 (V VARIANT)");
        q("CREATE TABLE U2 (V VARIANT)");
        stage("u1", "old.json", "{\"k\": 1}");
        Files.setLastModifiedTime(fx.dataDir().resolve("stages/BULK/PUBLIC/ST/u1/old.json"),
                FileTime.from(Instant.now().minus(100, ChronoUnit.DAYS)));
        q("COPY INTO U1 FROM @ST/u1/");
        q("COPY INTO U2 FROM @ST/u1/ LOAD_UNCERTAIN_FILES = TRUE");
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM U1"));
        assertEquals(List.of("1"), q("SELECT COUNT(*) FROM U2"));
        assertEquals(List.of("Copy executed with 0 files processed."), q("COPY INTO U2 FROM @ST/u1/ LOAD_UNCERTAIN_FILES = TRUE"),
                "a file loaded within 64 days is known, LOAD_UNCERTAIN_FILES or not");
    }
}
