package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streams: deltas with METADATA$ columns, offsets that move only on committed DML, modes, staleness. */
class StreamsTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE STR", "CREATE SCHEMA STR.S");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static void exec(String... sql) throws SQLException {
        EmulatorFixture.execute(c, sql);
    }

    static List<String> q(String sql) throws SQLException {
        return rows(c, sql);
    }

    @Test
    void aStandardStreamShowsNetChangesWithActionAndIsUpdate() throws Exception {
        exec("CREATE OR REPLACE TABLE SRC (ID INT, V VARCHAR)", "INSERT INTO SRC VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                "CREATE OR REPLACE STREAM SS ON TABLE SRC",
                "INSERT INTO SRC VALUES (4, 'd')", "UPDATE SRC SET V = 'B' WHERE ID = 2", "DELETE FROM SRC WHERE ID = 3",
                "INSERT INTO SRC VALUES (5, 'e')", "DELETE FROM SRC WHERE ID = 5");
        assertEquals(List.of("2|B|INSERT|TRUE", "2|b|DELETE|TRUE", "3|c|DELETE|FALSE", "4|d|INSERT|FALSE"),
                q("SELECT ID, V, METADATA$ACTION, METADATA$ISUPDATE FROM SS ORDER BY ID, METADATA$ACTION DESC"));
        List<String> rowIds = q("SELECT METADATA$ROW_ID FROM SS WHERE ID = 2");
        assertEquals(2, rowIds.size());
        assertEquals(rowIds.get(0), rowIds.get(1), "an update's pair shares the row id");
        assertEquals(List.of("1|a", "2|B", "4|d"), q("SELECT * FROM SRC ORDER BY ID"), "the table shows no hidden columns");
    }

    @Test
    void selectNeverMovesTheOffsetButCommittedDmlDoes() throws Exception {
        exec("CREATE OR REPLACE TABLE S2 (ID INT)", "CREATE OR REPLACE STREAM S2S ON TABLE S2",
                "CREATE OR REPLACE TABLE S2_SINK (ID INT)", "INSERT INTO S2 VALUES (1), (2)");
        assertEquals(List.of("2"), q("SELECT COUNT(*) FROM S2S"));
        assertEquals(List.of("2"), q("SELECT COUNT(*) FROM S2S"), "reading does not consume");
        assertEquals(List.of("TRUE"), q("SELECT SYSTEM$STREAM_HAS_DATA('S2S')"));
        exec("INSERT INTO S2_SINK SELECT ID FROM S2S WHERE ID = 1");
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM S2S"), "DML consumes the whole delta, even rows its WHERE skipped");
        assertEquals(List.of("FALSE"), q("SELECT SYSTEM$STREAM_HAS_DATA('S2S')"));
        exec("INSERT INTO S2 VALUES (3)");
        exec("BEGIN", "INSERT INTO S2_SINK SELECT ID FROM S2S", "ROLLBACK");
        assertEquals(List.of("3"), q("SELECT ID FROM S2S"), "a rolled-back transaction leaves the offset");
    }

    @Test
    void insideATransactionEveryReadSeesTheSameDeltaUntilCommit() throws Exception {
        exec("CREATE OR REPLACE TABLE S3 (ID INT)", "CREATE OR REPLACE STREAM S3S ON TABLE S3",
                "CREATE OR REPLACE TABLE S3_A (ID INT)", "CREATE OR REPLACE TABLE S3_B (ID INT)", "INSERT INTO S3 VALUES (1), (2)");
        exec("BEGIN", "INSERT INTO S3_A SELECT ID FROM S3S", "INSERT INTO S3_B SELECT ID FROM S3S", "COMMIT");
        assertEquals(List.of("2"), q("SELECT COUNT(*) FROM S3_A"));
        assertEquals(List.of("2"), q("SELECT COUNT(*) FROM S3_B"), "the second statement saw the same delta");
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM S3S"));
    }

    @Test
    void anAppendOnlyStreamShowsInsertsEvenIfLaterDeleted() throws Exception {
        exec("CREATE OR REPLACE TABLE S4 (ID INT)", "INSERT INTO S4 VALUES (0)",
                "CREATE OR REPLACE STREAM S4S ON TABLE S4 APPEND_ONLY = TRUE",
                "INSERT INTO S4 VALUES (1), (2)", "DELETE FROM S4 WHERE ID IN (0, 1)", "UPDATE S4 SET ID = 20 WHERE ID = 2");
        assertEquals(List.of("1|INSERT|FALSE", "2|INSERT|FALSE"), q("SELECT ID, METADATA$ACTION, METADATA$ISUPDATE FROM S4S ORDER BY ID"));
        assertTrue(q("SHOW STREAMS LIKE 'S4S'").get(0).contains("|APPEND_ONLY|"));
    }

    @Test
    void showInitialRowsReturnsTheRowsPresentAtCreationOnce() throws Exception {
        exec("CREATE OR REPLACE TABLE S5 (ID INT)", "INSERT INTO S5 VALUES (1), (2)",
                "CREATE OR REPLACE STREAM S5S ON TABLE S5 SHOW_INITIAL_ROWS = TRUE", "CREATE OR REPLACE TABLE S5_SINK (ID INT)");
        assertEquals(List.of("1|INSERT", "2|INSERT"), q("SELECT ID, METADATA$ACTION FROM S5S ORDER BY ID"));
        exec("INSERT INTO S5_SINK SELECT ID FROM S5S", "INSERT INTO S5 VALUES (3)");
        assertEquals(List.of("3"), q("SELECT ID FROM S5S"));
    }

    @Test
    void mergeFromAStreamConsumesIt() throws Exception {
        exec("CREATE OR REPLACE TABLE S6 (K INT, V VARCHAR)", "CREATE OR REPLACE STREAM S6S ON TABLE S6 APPEND_ONLY = TRUE",
                "CREATE OR REPLACE TABLE S6_T (K INT, V VARCHAR)", "INSERT INTO S6 VALUES (1, 'a'), (2, 'b')",
                "MERGE INTO S6_T T USING S6S S ON T.K = S.K WHEN MATCHED THEN UPDATE SET V = S.V "
                        + "WHEN NOT MATCHED THEN INSERT (K, V) VALUES (S.K, S.V)");
        assertEquals(List.of("1|a", "2|b"), q("SELECT * FROM S6_T ORDER BY K"));
        assertEquals(List.of("0"), q("SELECT COUNT(*) FROM S6S"));
    }

    @Test
    void replacingTheSourceMakesTheStreamStale() throws Exception {
        exec("CREATE OR REPLACE TABLE S7 (ID INT)", "CREATE OR REPLACE STREAM S7S ON TABLE S7", "CREATE OR REPLACE TABLE S7 (ID INT)");
        String row = q("SHOW STREAMS LIKE 'S7S'").get(0);
        assertTrue(row.contains("|true|"), row);
        SQLException e = assertThrows(SQLException.class, () -> q("SELECT * FROM S7S"));
        assertEquals(91901, e.getErrorCode());
    }

    @Test
    void addingAColumnToATrackedTableKeepsItsStreamWorking() throws Exception {
        exec("CREATE OR REPLACE TABLE S8 (ID INT)", "CREATE OR REPLACE STREAM S8S ON TABLE S8", "INSERT INTO S8 VALUES (1)",
                "ALTER TABLE S8 ADD COLUMN NOTE VARCHAR", "INSERT INTO S8 (ID, NOTE) VALUES (2, 'n')");
        assertEquals(List.of("1|null", "2|n"), q("SELECT ID, NOTE FROM S8S ORDER BY ID"));
        assertEquals(List.of("ID|NUMBER(38,0)", "NOTE|VARCHAR(16777216)"), q("DESC TABLE S8").stream()
                .map(r -> r.split("\\|")[0] + "|" + r.split("\\|")[1]).toList());
    }

    @Test
    void describeAndShowStreams() throws Exception {
        exec("CREATE OR REPLACE TABLE S9 (ID INT)", "CREATE OR REPLACE STREAM S9S ON TABLE S9 COMMENT = 'watch'");
        String row = q("DESC STREAM S9S").get(0);
        assertTrue(row.contains("|S9S|STR|S|SYSADMIN|watch|STR.S.S9|Table|STR.S.S9|DELTA|false|DEFAULT|"), row);
        assertNotEquals(0, q("SHOW STREAMS IN SCHEMA STR.S").size());
    }
}
