package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stages, file formats, integrations, PUT/GET/LIST/REMOVE and staged-file queries, through snowflake-jdbc. */
class StagesTest {
    private static EmulatorFixture fx;
    private static Connection c;
    @TempDir
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE STG", "CREATE SCHEMA STG.S",
                "CREATE FILE FORMAT JF TYPE = JSON STRIP_OUTER_ARRAY = TRUE", "CREATE STAGE INT_STAGE FILE_FORMAT = (FORMAT_NAME = 'JF')");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    private static Path file(String name, String content) throws Exception {
        Path p = files.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String> put(String sql) throws SQLException {
        return rows(c, sql).stream().map(r -> {
            String[] p = r.split("\\|");
            return p[0] + "|" + p[1] + "|" + p[6];
        }).toList();
    }

    @Test
    void putCompressesSkipsTheSameDigestAndOverwritesOnRequest() throws Exception {
        Path f = file("events.json", "{\"a\": 1}\n{\"a\": 2}\n");
        assertEquals(List.of("events.json|events.json.gz|UPLOADED"), put("PUT file://" + f + " @INT_STAGE/put/"));
        assertEquals(List.of("events.json|events.json.gz|SKIPPED"), put("PUT file://" + f + " @INT_STAGE/put/"));
        assertEquals(List.of("events.json|events.json.gz|UPLOADED"), put("PUT file://" + f + " @INT_STAGE/put/ OVERWRITE = TRUE"));
        assertEquals(List.of("events.json|events.json|UPLOADED"), put("PUT 'file://" + f + "' @INT_STAGE/raw/ AUTO_COMPRESS = FALSE"));
        List<String> listed = rows(c, "LIST @INT_STAGE/put/");
        assertEquals(1, listed.size());
        String[] cols = listed.get(0).split("\\|");
        assertEquals("int_stage/put/events.json.gz", cols[0]);
        assertEquals(32, cols[2].length(), "md5 hex");
        assertTrue(cols[3].endsWith("GMT"), cols[3]);
    }

    @Test
    void getDownloadsAndRemoveDeletes() throws Exception {
        Path f = file("g.json", "{\"g\": true}\n");
        put("PUT file://" + f + " @INT_STAGE/get/");
        Path out = Files.createDirectories(files.resolve("download"));
        List<String> got = rows(c, "GET @INT_STAGE/get/ file://" + out + "/");
        assertEquals(1, got.size(), got.toString());
        assertTrue(Files.exists(out.resolve("g.json.gz")));
        assertEquals(List.of("int_stage/get/g.json.gz|removed"), rows(c, "REMOVE @INT_STAGE/get/"));
        assertTrue(rows(c, "LIST @INT_STAGE/get/").isEmpty());
    }

    @Test
    void stagedFilesCanBeQueriedWithMetadataColumns() throws Exception {
        put("PUT file://" + file("nd.json", "{\"id\": 1, \"n\": \"a\"}\n{\"id\": 2, \"n\": \"b\"}\n") + " @INT_STAGE/q/");
        put("PUT file://" + file("arr.json", "[{\"id\": 3}, {\"id\": 4}]") + " @INT_STAGE/q/ AUTO_COMPRESS = FALSE");
        assertEquals(List.of("3|q/arr.json|1", "4|q/arr.json|2", "1|q/nd.json.gz|1", "2|q/nd.json.gz|2"),
                rows(c, "SELECT $1:id, METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @INT_STAGE/q/ (FILE_FORMAT => 'JF') "
                        + "ORDER BY 2, 3"));
        assertEquals(List.of("{\n  \"id\": 3\n}"), rows(c, "SELECT t.$1 FROM @INT_STAGE/q/arr.json t WHERE t.$1:id = 3"));
    }

    @Test
    void externalStagesMapToALocalFolderStandingForTheBucket() throws Exception {
        exec("CREATE STORAGE INTEGRATION S3_INT TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                        + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_ALLOWED_LOCATIONS = ('s3://bucket-a/in/') "
                        + "STORAGE_BLOCKED_LOCATIONS = ('s3://bucket-a/in/secret/')",
                "CREATE STAGE EXT_STAGE URL = 's3://bucket-a/in/' STORAGE_INTEGRATION = S3_INT FILE_FORMAT = (TYPE = JSON)");
        Path bucket = fx.dataDir().resolve("buckets/s3/bucket-a/in/day1");
        Files.createDirectories(bucket);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bucket.resolve("e.json.gz")))) {
            out.write("{\"x\": 42}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("s3://bucket-a/in/day1/e.json.gz"), rows(c, "LIST @EXT_STAGE").stream().map(r -> r.split("\\|")[0]).toList());
        assertEquals(List.of("42"), rows(c, "SELECT $1:x FROM @EXT_STAGE"));
        SQLException blocked = assertThrows(SQLException.class,
                () -> exec("CREATE STAGE BAD URL = 's3://bucket-a/in/secret/' STORAGE_INTEGRATION = S3_INT"));
        assertTrue(blocked.getMessage().contains("is not allowed by integration 'S3_INT'"), blocked.getMessage());
        SQLException outside = assertThrows(SQLException.class,
                () -> exec("CREATE STAGE BAD URL = 's3://other/' STORAGE_INTEGRATION = S3_INT"));
        assertTrue(outside.getMessage().contains("not allowed"), outside.getMessage());
        SQLException putExternal = assertThrows(SQLException.class,
                () -> rows(c, "PUT file://" + file("x.json", "{}") + " @EXT_STAGE"));
        assertTrue(putExternal.getMessage().contains("PUT works only with internal stages"), putExternal.getMessage());
    }

    /**
     * LIST's path is a prefix of file names, not a folder ("LIST" page: "@mystage/path1/" and a partial name both
     * filter): the emulator walks only the folders a prefix reaches, and must still find files in nested folders and
     * names that merely start with the prefix.
     */
    @Test
    void listFiltersByNamePrefixAcrossNestedFolders() throws Exception {
        Path bucket = fx.dataDir().resolve("buckets/s3/bucket-p/in");
        for (String f : List.of("att/a.json", "att/deep/b.json", "attendance/c.json", "att.json", "grades/d.json")) {
            Files.createDirectories(bucket.resolve(f).getParent());
            Files.writeString(bucket.resolve(f), "{}");
        }
        exec("CREATE STAGE PFX_STAGE URL = 's3://bucket-p/in/' FILE_FORMAT = (TYPE = JSON)");
        java.util.function.Function<String, List<String>> names = sql -> {
            try {
                return rows(c, sql).stream().map(r -> r.split("\\|")[0].substring("s3://bucket-p/in/".length())).sorted().toList();
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(List.of("att.json", "att/a.json", "att/deep/b.json", "attendance/c.json"), names.apply("LIST @PFX_STAGE/att"));
        assertEquals(List.of("att/a.json", "att/deep/b.json"), names.apply("LIST @PFX_STAGE/att/"));
        assertEquals(List.of("att/deep/b.json"), names.apply("LIST @PFX_STAGE/att/de"));
        assertEquals(List.of(), names.apply("LIST @PFX_STAGE/nothing/here"));
        assertEquals(5, names.apply("LIST @PFX_STAGE").size());
    }

    @Test
    void describeIntegrationAnswersTheTrustPolicyValues() throws Exception {
        exec("CREATE STORAGE INTEGRATION IF NOT EXISTS S3_DESC TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'S3' ENABLED = TRUE "
                        + "STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/r' STORAGE_AWS_EXTERNAL_ID = 'ext-1' "
                        + "STORAGE_ALLOWED_LOCATIONS = ('s3://b/')",
                "CREATE STORAGE INTEGRATION AZ_DESC TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'AZURE' ENABLED = TRUE "
                        + "AZURE_TENANT_ID = 'a1b2c3d4-0000-0000-0000-000000000000' "
                        + "STORAGE_ALLOWED_LOCATIONS = ('azure://acct.blob.core.windows.net/c/')",
                "CREATE STORAGE INTEGRATION GCS_DESC TYPE = EXTERNAL_STAGE STORAGE_PROVIDER = 'GCS' ENABLED = TRUE "
                        + "STORAGE_ALLOWED_LOCATIONS = ('gcs://b/')");
        List<String> s3 = rows(c, "DESC INTEGRATION S3_DESC");
        assertTrue(s3.stream().anyMatch(r -> r.startsWith("STORAGE_AWS_IAM_USER_ARN|String|arn:aws:iam::")), s3.toString());
        assertTrue(s3.contains("STORAGE_AWS_EXTERNAL_ID|String|ext-1|"), s3.toString());
        assertTrue(rows(c, "DESC STORAGE INTEGRATION AZ_DESC").stream()
                .anyMatch(r -> r.startsWith("AZURE_CONSENT_URL|String|https://login.microsoftonline.com/a1b2c3d4")));
        assertTrue(rows(c, "DESC INTEGRATION GCS_DESC").stream()
                .anyMatch(r -> r.startsWith("STORAGE_GCP_SERVICE_ACCOUNT|String|") && r.contains("gserviceaccount.com")));
        assertEquals(List.of("S3_DESC|EXTERNAL_STAGE|STORAGE|true"), rows(c, "SHOW INTEGRATIONS LIKE 'S3_DESC'").stream()
                .map(r -> String.join("|", List.of(r.split("\\|")).subList(0, 4))).toList());
    }

    @Test
    void describeFileFormatShowsOptionsAndDefaults() throws Exception {
        List<String> d = rows(c, "DESC FILE FORMAT JF");
        assertTrue(d.contains("TYPE|String|JSON|CSV"), d.toString());
        assertTrue(d.contains("STRIP_OUTER_ARRAY|Boolean|TRUE|false") || d.contains("STRIP_OUTER_ARRAY|Boolean|true|false"), d.toString());
        assertTrue(d.contains("ALLOW_DUPLICATE|Boolean|false|false"), d.toString());
        SQLException e = assertThrows(SQLException.class, () -> exec("CREATE FILE FORMAT BADF TYPE = JSON SKIP_HEADER = 1"));
        assertTrue(e.getMessage().contains("SKIP_HEADER"), e.getMessage());
    }

    @Test
    void stagePathsCannotLeaveTheirFolder() {
        for (String sql : List.of("LIST @INT_STAGE/../../", "CREATE STAGE ESC URL = 's3://bucket-a/../../etc/'",
                "PUT file:///etc/hostname @INT_STAGE/../x/")) {
            SQLException e = assertThrows(SQLException.class, () -> rows(c, sql), sql);
            assertTrue(e.getMessage().contains("'..'") || e.getMessage().contains(".."), sql + ": " + e.getMessage());
        }
    }

    @Test
    void showAndDescribeStages() throws Exception {
        List<String> shown = rows(c, "SHOW STAGES LIKE 'INT_STAGE'");
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).contains("|INTERNAL|"), shown.toString());
        List<String> desc = rows(c, "DESC STAGE INT_STAGE");
        assertTrue(desc.stream().anyMatch(r -> r.startsWith("STAGE_FILE_FORMAT|FORMAT_NAME|String|JF")), desc.toString());
    }

    @Test
    void stateOutlivesTheProcessAndASecondEmulatorOnTheFolderIsRefused(@TempDir Path dir) throws Exception {
        try (LocalEmulator first = LocalEmulator.start(dir, 0, null, null, m -> { })) {
            IllegalStateException busy = assertThrows(IllegalStateException.class,
                    () -> LocalEmulator.start(dir, 0, null, null, m -> { }));
            assertTrue(busy.getMessage().contains("is in use by another emulator"), busy.getMessage());
            assertTrue(busy.getMessage().contains("-Dautosync.emulator.dataDir"), busy.getMessage());
            try (Connection conn = java.sql.DriverManager.getConnection(first.jdbcUrl(), first.connectionProperties(null, null, null, null));
                 Statement s = conn.createStatement()) {
                s.execute("CREATE DATABASE KEEP");
                s.execute("CREATE TABLE KEEP.PUBLIC.T (A VARCHAR)");
                s.execute("INSERT INTO KEEP.PUBLIC.T VALUES ('persisted')");
            }
        }
        try (LocalEmulator again = LocalEmulator.start(dir, 0, null, null, m -> { });
             Connection conn = java.sql.DriverManager.getConnection(again.jdbcUrl(), again.connectionProperties(null, null, null, null));
             Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT A FROM KEEP.PUBLIC.T")) {
            assertTrue(rs.next());
            assertEquals("persisted", rs.getString(1));
            assertFalse(rs.next());
        }
    }
}
