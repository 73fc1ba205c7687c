package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pipe loads the files queued together as a group: one statement and one transaction over several
 * files. The "Snowpipe" page (user-guide/data-load-snowpipe-intro, Transactions): "Loads are combined
 * or split into a single or multiple transactions based on the number and size of the rows in each data
 * file". What each file gets stays per file: its rows, file name and row numbers, its COPY_HISTORY
 * entry, and SKIP_FILE (Snowpipe's default ON_ERROR) for a bad file, with the error a lone load reports.
 */
class PipeFileGroupsTest {
    private static final long WAIT = 30_000;
    private static EmulatorFixture fx;
    private static Connection c;
    @TempDir
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE GRP", "CREATE SCHEMA GRP.S", "USE SCHEMA GRP.S", "CREATE STAGE ST FILE_FORMAT = (TYPE = JSON)");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void stage(String folder, String name, String content) throws Exception {
        Path f = Files.createDirectories(local.resolve(folder)).resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        rows(c, "PUT file://" + f + " @ST/" + folder + "/");
    }

    private static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    private static List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }

    private static void awaitHistory(String table, int files) throws Exception {
        EmulatorFixture.await(files + " files in " + table + "'s history", WAIT, () -> q("SELECT COUNT(*) FROM TABLE("
                + "INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '" + table + "', START_TIME => DATEADD(HOUR, -1, "
                + "CURRENT_TIMESTAMP())))").equals(List.of(Integer.toString(files))));
    }

    private static List<String> history(String table) throws SQLException {
        return q("SELECT FILE_NAME, STATUS, ROW_COUNT, ROW_PARSED, ERROR_COUNT, FIRST_ERROR_MESSAGE, FIRST_ERROR_LINE_NUMBER, "
                + "FIRST_ERROR_CHARACTER_POS, FIRST_ERROR_COLUMN_NAME FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '"
                + table + "', START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) ORDER BY FILE_NAME");
    }

    /** File f holds f rows with ids f*100+1 ..: each row keeps its own file's name and row number. */
    @Test
    void eachFileOfAGroupKeepsItsFileNameRowNumbersHistoryAndStreamRows() throws Exception {
        exec("CREATE TABLE G1 (ID NUMBER, F VARCHAR, ROW_NO NUMBER)", "CREATE STREAM G1_STREAM ON TABLE G1",
                "CREATE PIPE G1_PIPE AS COPY INTO G1 FROM (SELECT $1:id, METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @ST/g1/)");
        List<String> expected = new ArrayList<>();
        for (int f = 1; f <= 6; f++) {
            StringBuilder sb = new StringBuilder();
            for (int r = 1; r <= f; r++) {
                sb.append("{\"id\": ").append(f * 100 + r).append("}\n");
            }
            stage("g1", "f" + f + ".json", sb.toString());
            expected.add("g1/f" + f + ".json.gz|" + f + "|1|" + f);
        }
        assertEquals(6, q("ALTER PIPE G1_PIPE REFRESH").size());
        awaitHistory("G1", 6);
        assertEquals(expected, q("SELECT F, COUNT(*), MIN(ROW_NO), MAX(ROW_NO) FROM G1 GROUP BY F ORDER BY F"));
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM G1 WHERE F <> 'g1/f' || FLOOR(ID / 100) || '.json.gz' "
                + "OR ROW_NO <> MOD(ID, 100)"), "a row's file name and row number are its own file's");
        List<String> history = new ArrayList<>();
        for (int f = 1; f <= 6; f++) {
            history.add("g1/f" + f + ".json.gz|Loaded|" + f + "|" + f + "|0|null|null|null|null");
        }
        assertEquals(history, history("G1"));
        assertEquals(List.of("21|21|INSERT|FALSE"), q("SELECT COUNT(*), COUNT(DISTINCT METADATA$ROW_ID), MIN(METADATA$ACTION), "
                + "BOOLOR_AGG(METADATA$ISUPDATE) FROM G1_STREAM"), "the stream sees every loaded row once, as an insert");
    }

    /**
     * Two bad files among good ones queued together: the good ones load, each bad one is skipped whole
     * with the COPY_HISTORY entry the same file gets when its pipe loads it alone.
     */
    @Test
    void badFilesInAGroupAreSkippedAloneWithTheErrorOfALoneLoad() throws Exception {
        String conversion = "{\"id\": 3}\n{\"id\": \"x\"}\n{\"id\": 4}\n";
        String parse = "{\"id\": 5}\n{\"id\": ";
        exec("CREATE TABLE G2 (ID NUMBER)", "CREATE TABLE G2_ALONE (ID NUMBER)",
                "CREATE PIPE G2_PIPE AS COPY INTO G2 FROM (SELECT $1:id FROM @ST/g2/)",
                "CREATE PIPE G2_ALONE_PIPE AS COPY INTO G2_ALONE FROM (SELECT $1:id FROM @ST/g2alone/)");
        stage("g2", "a.json", "{\"id\": 1}\n");
        stage("g2", "b_conversion.json", conversion);
        stage("g2", "c.json", "{\"id\": 2}\n");
        stage("g2", "d_parse.json", parse);
        stage("g2", "e.json", "{\"id\": 6}\n{\"id\": 7}\n");
        assertEquals(5, q("ALTER PIPE G2_PIPE REFRESH").size());
        awaitHistory("G2", 5);
        List<String> grouped = history("G2");
        assertEquals(List.of("1", "2", "6", "7"), q("SELECT ID FROM G2 ORDER BY ID"),
                "nothing of the bad files reached the table");
        assertEquals("g2/a.json.gz|Loaded|1|1|0|null|null|null|null", grouped.get(0));
        assertEquals("g2/e.json.gz|Loaded|2|2|0|null|null|null|null", grouped.get(4));

        stage("g2alone/1", "b_conversion.json", conversion);
        q("ALTER PIPE G2_ALONE_PIPE REFRESH");
        awaitHistory("G2_ALONE", 1);
        stage("g2alone/2", "d_parse.json", parse);
        q("ALTER PIPE G2_ALONE_PIPE REFRESH");
        awaitHistory("G2_ALONE", 2);
        List<String> alone = history("G2_ALONE");
        // the column in the error names the table: G2_ALONE alone, G2 in the group
        assertEquals(alone.get(0).replace("g2alone/1/", "g2/").replace("\"G2_ALONE\"", "\"G2\""), grouped.get(1));
        assertEquals(alone.get(1).replace("g2alone/2/", "g2/").replace("\"G2_ALONE\"", "\"G2\""), grouped.get(3));
        assertEquals("g2/b_conversion.json.gz|Load failed|0|3|1|Numeric value 'x' is not recognized|2|1|\"G2\"[\"ID\":1]",
                grouped.get(1));
    }
}
