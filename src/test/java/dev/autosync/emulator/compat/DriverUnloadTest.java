package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unloading through snowflake-jdbc. Page: "COPY INTO &lt;location&gt;" (sql-reference/sql/copy-into-location):
 * a table or query into files in a stage, CSV by default and gzip-compressed (COMPRESSION = AUTO), named
 * data_0_0_0.csv.gz, output columns rows_unloaded / input_bytes / output_bytes, HEADER, SINGLE, OVERWRITE,
 * NULL_IF's first value for NULL, FIELD_OPTIONALLY_ENCLOSED_BY with the enclosure doubled, no file for no rows.
 * The driver's ResultSetIT.testUpdateCountOnCopyCmd unloads to a table stage and loads the file back.
 */
class DriverUnloadTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S");

    @TempDir
    static Path out;

    private static List<String> rows(Statement s, String sql) throws SQLException {
        return EmulatorFixture.rows(s.getConnection(), sql);
    }

    /** Downloads {@code file} from the user stage with GET and answers its text (gunzipped when it ends in .gz). */
    private static String fetch(Statement s, String file) throws Exception {
        Path dir = Files.createTempDirectory(out, "get");
        s.execute("GET @~/" + file + " file://" + dir + "/");
        Path local = dir.resolve(file.substring(file.lastIndexOf('/') + 1));
        assertTrue(Files.exists(local), "downloaded " + local);
        try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(local)) : Files.newInputStream(local)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("COPY INTO @%t FROM (query), then COPY INTO t loads the unloaded row back (the driver's testUpdateCountOnCopyCmd)")
    void unloadToTableStageAndLoadBack() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE TESTCOPY (COLA STRING)");
            assertEquals(0, s.executeUpdate("COPY INTO TESTCOPY"), "an empty table stage loads nothing");
            List<String> unloaded = rows(s, "COPY INTO @%TESTCOPY FROM (SELECT 'test_string')");
            List<String> listed = rows(s, "LIST @%TESTCOPY");
            assertEquals(1, listed.size(), listed.toString());
            assertTrue(listed.get(0).startsWith("data_0_0_0.csv.gz|"), listed.toString());
            // rows_unloaded, input_bytes ("test_string" and a newline), output_bytes (the gzip file's size)
            assertEquals(List.of("1|12|" + listed.get(0).split("\\|")[1]), unloaded);
            assertEquals(1, s.executeUpdate("COPY INTO TESTCOPY"));
            assertEquals(List.of("test_string"), rows(s, "SELECT * FROM TESTCOPY"));
            // a replaced table starts with an empty stage (the driver runs this test twice, JSON and ARROW)
            s.execute("CREATE OR REPLACE TABLE TESTCOPY (COLA STRING)");
            assertEquals(List.of(), rows(s, "LIST @%TESTCOPY"));
            assertEquals(0, s.executeUpdate("COPY INTO TESTCOPY"));
        }
    }

    @Test
    @DisplayName("CSV options: HEADER, NULL_IF's first value, enclosure doubled inside, escaped delimiters, no compression")
    void csvOptions() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE SALES (CITY STRING, PRICE NUMBER(10,0), NOTE STRING)");
            s.execute("INSERT INTO SALES VALUES ('Lexington', 268880, 'A \"B\" C'), ('Belmont', NULL, NULL)");
            rows(s, "COPY INTO @~/enc/ FROM (SELECT * FROM SALES ORDER BY CITY DESC) HEADER = TRUE "
                    + "FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE FIELD_OPTIONALLY_ENCLOSED_BY = '\"' NULL_IF = ('NULL', 'null'))");
            assertEquals("\"CITY\",\"PRICE\",\"NOTE\"\n\"Lexington\",268880,\"A \"\"B\"\" C\"\n\"Belmont\",NULL,NULL\n",
                    fetch(s, "enc/data_0_0_0.csv"));
            List<String> result = rows(s, "COPY INTO @~/plain/data_ FROM (SELECT 'pending, silent' AS T, NULL AS N)");
            assertEquals("1", result.get(0).split("\\|")[0]);
            assertEquals("pending\\, silent,\\N\n", fetch(s, "plain/data_0_0_0.csv.gz"));
        }
    }

    @Test
    @DisplayName("SINGLE names the file by the path; OVERWRITE = FALSE refuses an existing file; no rows write no file; JSON needs one VARIANT")
    void singleOverwriteEmptyAndJson() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            rows(s, "COPY INTO @~/single/out.csv FROM (SELECT 1 AS A, 'x' AS B) SINGLE = TRUE FILE_FORMAT = (COMPRESSION = NONE)");
            assertEquals("1,x\n", fetch(s, "single/out.csv"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "COPY INTO @~/single/out.csv FROM (SELECT 2 AS A) SINGLE = TRUE FILE_FORMAT = (COMPRESSION = NONE)"));
            assertTrue(e.getMessage().contains("Use overwrite option"), e.getMessage());
            rows(s, "COPY INTO @~/single/out.csv FROM (SELECT 2 AS A) SINGLE = TRUE OVERWRITE = TRUE FILE_FORMAT = (COMPRESSION = NONE)");
            assertEquals("2\n", fetch(s, "single/out.csv"));

            assertEquals(List.of("0|0|0"), rows(s, "COPY INTO @~/none/ FROM (SELECT 1 AS A WHERE 1 = 0)"));
            assertFalse(rows(s, "LIST @~").stream().anyMatch(r -> r.startsWith("none/")), "no file for no rows");

            rows(s, "COPY INTO @~/json/ FROM (SELECT OBJECT_CONSTRUCT('k', 1)) FILE_FORMAT = (TYPE = JSON)");
            assertEquals("{\"k\":1}\n", fetch(s, "json/data_0_0_0.json.gz").replace(" ", ""));
            SQLException two = assertThrows(SQLException.class,
                    () -> s.execute("COPY INTO @~/json2/ FROM (SELECT 1, 2) FILE_FORMAT = (TYPE = JSON)"));
            assertTrue(two.getMessage().contains("JSON"), two.getMessage());
            SQLException parquet = assertThrows(SQLException.class,
                    () -> s.execute("COPY INTO @~/p/ FROM (SELECT 1) FILE_FORMAT = (TYPE = PARQUET)"));
            assertTrue(parquet.getMessage().contains("Unsupported feature"), parquet.getMessage());
        }
    }
}
