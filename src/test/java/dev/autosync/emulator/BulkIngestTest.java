package dev.autosync.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COPY INTO a table ("COPY INTO <table>", ON_ERROR; "Preparing to load data: JSON") where DuckDB
 * reads the files in bulk: files it cannot read exactly as Snowflake would (malformed, a byte
 * order mark, a huge record, a row that fails to convert) are read again by the Java reader, so
 * the outcome, the error, its line and character, and every stored value are what they were.
 */
class BulkIngestTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("BULK", "CREATE SCHEMA BULK.S",
            "CREATE FILE FORMAT JF TYPE = JSON STRIP_OUTER_ARRAY = TRUE", "CREATE STAGE ST FILE_FORMAT = (FORMAT_NAME = 'JF')");
    @TempDir
    static Path local;

    private static void stage(String folder, String name, byte[] content) throws Exception {
        Path f = Files.createDirectories(local.resolve(folder)).resolve(name);
        Files.write(f, content);
        db.rows("PUT file://" + f + " @ST/" + folder + "/");
    }

    private static void stage(String folder, String name, String content) throws Exception {
        stage(folder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String events(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("{\"id\": ").append(i).append(", \"kind\": \"k").append(i % 3).append("\"}\n");
        }
        return sb.toString();
    }

    @Test
    void aMalformedFileInTheMiddleOfABatchIsSkippedWholeWithItsLineAndCharacter() throws Exception {
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE M (ID NUMBER, KIND VARCHAR, RAW VARIANT)");
        stage("m", "a.json", events(0, 100));
        stage("m", "b.json", events(100, 103) + "{\"id\": 103, \"kind\": \"k1\"\n" + events(104, 110));
        stage("m", "c.json", events(110, 200));
        List<String> result = db.rows("COPY INTO M FROM (SELECT $1:id, $1:kind, $1 FROM @ST/m/) ON_ERROR = SKIP_FILE");
        assertEquals(List.of("st/m/a.json.gz|LOADED|100|100|1|0|null|null|null|null",
                "st/m/b.json.gz|LOAD_FAILED|4|0|1|1|Error parsing JSON: misplaced or unexpected character '{'|5|1|null",
                "st/m/c.json.gz|LOADED|90|90|1|0|null|null|null|null"), result);
        assertEquals(List.of("190|0|199|0"), db.rows("SELECT COUNT(*), MIN(ID), MAX(ID), COUNT_IF(ID BETWEEN 100 AND 109) FROM M"));
        assertEquals(List.of("{\n  \"id\": 7,\n  \"kind\": \"k1\"\n}"), db.rows("SELECT RAW FROM M WHERE ID = 7"));
    }

    @Test
    void byteOrderMarkCrlfAndBlankLinesLoadWithTheirRowNumbersAndPayloads() throws Exception {
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE B (ID NUMBER, RAW VARIANT, F VARCHAR, R NUMBER)");
        String body = "{\"id\": 1, \"s\": \"x\"}\r\n\r\n   \r\n{\"id\":2,\"n\":-0,\"list\":[1,2]}\r\n{\"id\": 3, \"d\": 1.50}";
        stage("b", "crlf.json", body);
        byte[] bom = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
        stage("b", "bom.json", bom);
        List<String> result = db.rows("COPY INTO B FROM (SELECT $1:id, $1, METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @ST/b/)");
        assertEquals(List.of("st/b/bom.json.gz|LOADED|3|3|1|0|null|null|null|null",
                "st/b/crlf.json.gz|LOADED|3|3|1|0|null|null|null|null"), result);
        String read = "SELECT ID, R, RAW:s, RAW:n, RAW:list[1], RAW:d, RAW FROM B WHERE F = ? ORDER BY R";
        List<String> crlf = db.rows(read.replace("?", "'b/crlf.json.gz'"));
        assertEquals(List.of("1", "2", "3"), crlf.stream().map(r -> r.split("\\|")[0]).toList());
        assertEquals("1|1|\"x\"|null|null|null|{\n  \"id\": 1,\n  \"s\": \"x\"\n}", crlf.get(0));
        assertEquals(crlf, db.rows(read.replace("?", "'b/bom.json.gz'")),
                "the file with a byte order mark (read by the Java reader) stores the same values");
    }

    @Test
    void aHugeRecordLoads() throws Exception {
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE H (ID NUMBER, LEN NUMBER)");
        stage("h", "huge.json", "{\"id\": 1, \"s\": \"a\"}\n{\"id\": 2, \"s\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}\n");
        List<String> result = db.rows("COPY INTO H FROM (SELECT $1:id, LENGTH($1:s::VARCHAR) FROM @ST/h/)");
        assertEquals(List.of("st/h/huge.json.gz|LOADED|2|2|1|0|null|null|null|null"), result);
        assertEquals(List.of("1|1", "2|" + 17 * 1024 * 1024), db.rows("SELECT ID, LEN FROM H ORDER BY ID"));
    }

    @Test
    void aTypeErrorInOneRowUnderEachOnErrorOption() throws Exception {
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE E (ID NUMBER)");
        // row 3 starts on line 5 (blank lines before it): the error names the line, the column names the row's value
        stage("e", "one_bad.json", "{\"id\": 1}\n\n{\"id\": 2}\n\n{\"id\": \"x\"}\n{\"id\": 4}\n");
        String copy = "COPY INTO E FROM (SELECT $1:id FROM @ST/e/)";
        SQLException abort = assertThrows(SQLException.class, () -> db.rows(copy));
        assertEquals(100038, abort.getErrorCode());
        assertTrue(abort.getMessage().contains("File 'e/one_bad.json.gz', line 5, character 1"), abort.getMessage());
        assertTrue(abort.getMessage().contains("Row 3, column \"E\"[\"ID\":1]"), abort.getMessage());
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM E"), "ABORT_STATEMENT loads nothing");

        assertEquals(List.of("st/e/one_bad.json.gz|LOAD_FAILED|4|0|1|1|Numeric value 'x' is not recognized|5|1|\"E\"[\"ID\":1]"),
                db.rows(copy + " ON_ERROR = SKIP_FILE"));
        assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM E"), "SKIP_FILE loads nothing of the file");

        assertEquals(List.of("st/e/one_bad.json.gz|PARTIALLY_LOADED|4|3|2|1|Numeric value 'x' is not recognized|5|1|\"E\"[\"ID\":1]"),
                db.rows(copy + " ON_ERROR = SKIP_FILE_2"));
        assertEquals(List.of("1", "2", "4"), db.rows("SELECT ID FROM E ORDER BY ID"));

        EmulatorFixture.execute(db.connection(), "TRUNCATE TABLE E");
        assertEquals(List.of("st/e/one_bad.json.gz|LOAD_FAILED|4|0|4|1|Numeric value 'x' is not recognized|5|1|\"E\"[\"ID\":1]"),
                db.rows(copy + " ON_ERROR = 'SKIP_FILE_10%'"), "the error limit of a percentage is the rows parsed");

        assertEquals(List.of("st/e/one_bad.json.gz|PARTIALLY_LOADED|4|3|4|1|Numeric value 'x' is not recognized|5|1|\"E\"[\"ID\":1]"),
                db.rows(copy + " ON_ERROR = CONTINUE"));
        assertEquals(List.of("1", "2", "4"), db.rows("SELECT ID FROM E ORDER BY ID"));
    }

    @Test
    void aCopyInsideAnOpenTransactionLeavesItUsable() throws Exception {
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE X (ID NUMBER, AMT NUMBER(5,2))");
        stage("x", "decimal.json", "{\"id\": 1, \"amt\": 1.50}\n");
        stage("x", "plain.json", "{\"id\": 2, \"amt\": 3}\n");
        EmulatorFixture.execute(db.connection(), "BEGIN TRANSACTION");
        List<String> result = db.rows("COPY INTO X FROM (SELECT $1:id, $1:amt FROM @ST/x/)");
        EmulatorFixture.execute(db.connection(), "COMMIT");
        assertEquals(2, result.size(), result.toString());
        assertEquals(List.of("1|1.50", "2|3.00"), db.rows("SELECT ID, AMT FROM X ORDER BY ID"));
    }
    /**
     * "CREATE PIPE" and "COPY INTO <table>" (ON_ERROR = SKIP_FILE, a pipe's default): a pipe loads a file
     * DuckDB reads and converts whole with one INSERT inside the file's transaction; a file with a row that
     * does not convert, a NULL for a NOT NULL column, or a record the Java reader must read (a decimal kept as
     * written) is rolled back and loaded the usual way. Either way the rows, the load history and the
     * stream's change records are what COPY of the same files gives.
     */
    @Test
    void aPipeStoresWhatCopyStoresWhicheverWayItReadsAFile() throws Exception {
        String columns = "(ID VARCHAR NOT NULL, D DATE, TS TIMESTAMP_TZ, N NUMBER(10,2), RAW VARIANT, F VARCHAR, R NUMBER)";
        String select = "SELECT $1:id::VARCHAR, TRY_TO_DATE($1:d::VARCHAR), TRY_CAST($1:ts::VARCHAR AS TIMESTAMP_TZ), $1:n, $1, "
                + "METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @ST/pp/";
        EmulatorFixture.execute(db.connection(), "CREATE OR REPLACE TABLE PC " + columns, "CREATE OR REPLACE TABLE PP " + columns,
                "CREATE OR REPLACE STREAM PP_S ON TABLE PP APPEND_ONLY = TRUE",
                "CREATE OR REPLACE PIPE PPIPE AS COPY INTO PP FROM (" + select + ")");
        stage("pp", "plain.json", "{\"id\": \"a1\", \"d\": \"2026-09-01\", \"ts\": \"2026-09-01T08:05:00Z\", \"n\": 3, \"x\": [1, null, true]}\n"
                + "{\"id\": \"a2\", \"d\": \"not a date\", \"ts\": \"2026-09-01 08:05:00 +02:00\", \"n\": -7}\n\n"
                + "{\"id\": \"a3\", \"ts\": \"later\", \"s\": \"caf\u00e9\"}\n");
        stage("pp", "decimal.json", "{\"id\": \"b1\", \"n\": 1.50}\n{\"id\": \"b2\", \"n\": 2}\n");
        stage("pp", "bad_number.json", "{\"id\": \"c1\", \"n\": 1}\n{\"id\": \"c2\", \"n\": \"x\"}\n");
        stage("pp", "no_id.json", "{\"id\": \"d1\"}\n{\"n\": 4}\n");
        assertEquals(4, db.rows("ALTER PIPE PPIPE REFRESH").size());
        String history = "SELECT FILE_NAME, STATUS, ROW_COUNT, ROW_PARSED, ERROR_COUNT, FIRST_ERROR_MESSAGE, FIRST_ERROR_LINE_NUMBER, "
                + "FIRST_ERROR_CHARACTER_POS, FIRST_ERROR_COLUMN_NAME FROM TABLE(INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => '?', "
                + "START_TIME => DATEADD(HOUR, -1, CURRENT_TIMESTAMP()))) ORDER BY FILE_NAME";
        EmulatorFixture.await("the pipe's four files in the history", 20_000,
                () -> db.rows(history.replace("?", "PP")).size() == 4);
        db.rows("COPY INTO PC FROM (" + select + ") ON_ERROR = SKIP_FILE");

        List<String> piped = db.rows("SELECT * FROM PP ORDER BY F, R");
        assertEquals(db.rows("SELECT * FROM PC ORDER BY F, R"), piped);
        assertEquals(List.of("b1", "b2", "a1", "a2", "a3"), piped.stream().map(r -> r.split("\\|")[0]).toList());
        List<String> pipeHistory = db.rows(history.replace("?", "PP"));
        assertEquals(db.rows(history.replace("?", "PC")).stream().map(r -> r.replace("\"PC\"[", "\"PP\"[")).toList(), pipeHistory,
                "the same history, the error column naming each table");
        assertTrue(pipeHistory.get(0).startsWith("pp/bad_number.json.gz|Load failed|0|2|1|Numeric value 'x' is not recognized|2|1|"),
                pipeHistory.get(0));
        assertEquals(List.of("5|5|INSERT"), db.rows("SELECT COUNT(*), COUNT(DISTINCT METADATA$ROW_ID), MIN(METADATA$ACTION) FROM PP_S"),
                "the stream has a change record for every loaded row");
    }
}
