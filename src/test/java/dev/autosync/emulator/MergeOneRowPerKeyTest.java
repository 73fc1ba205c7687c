package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.execute;
import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * merge page, "Duplicate join behavior": a target row joined with several source rows, one of which an UPDATE clause
 * takes, is error 100090. A source keeping one row per key (QUALIFY ROW_NUMBER() ... = 1, the pipeline task's) joined
 * on those keys cannot do that, and the emulator skips its check there (MergeKeys); near misses of that shape must still
 * fail: a key ON does not equate, a key compared across types, a different column.
 */
class MergeOneRowPerKeyTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        execute(c, "CREATE DATABASE MK", "USE SCHEMA MK.PUBLIC",
                "CREATE TABLE ev (k INT, d VARCHAR, k_text VARCHAR, ts INT, v VARCHAR)",
                "INSERT INTO ev VALUES (1, 'a', '1', 1, 'old'), (1, 'a', '01', 2, 'new'), (1, 'b', '1', 3, 'b3'), (2, 'a', '2', 1, 'two')");
    }

    @AfterAll
    static void stop() throws SQLException {
        c.close();
        fx.close();
    }

    private static long merge(String partitionAndOn) throws SQLException {
        String[] parts = partitionAndOn.split("\\|");
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("MERGE INTO tgt t USING (SELECT e.k AS k, e.d AS d, e.k_text AS k_text, e.v AS v FROM ev e "
                    + "QUALIFY ROW_NUMBER() OVER (PARTITION BY " + parts[0] + " ORDER BY e.ts DESC) = 1) AS n ON " + parts[1]
                    + " WHEN MATCHED THEN UPDATE SET v = n.v WHEN NOT MATCHED THEN INSERT (k, d, v) VALUES (n.k, n.d, n.v)");
        }
    }

    private static void target() throws SQLException {
        execute(c, "CREATE OR REPLACE TABLE tgt (k INT, d VARCHAR, v VARCHAR)", "INSERT INTO tgt VALUES (1, 'a', 'x'), (3, 'c', 'y')");
    }

    @Test
    void oneRowPerKeyUpdatesEachTargetRowOnce() throws SQLException {
        target();
        assertEquals(3, merge("e.k, e.d|t.k = n.k AND t.d = n.d"));
        assertEquals(List.of("1|a|new", "1|b|b3", "2|a|two", "3|c|y"), rows(c, "SELECT * FROM tgt ORDER BY k, d"));
        // the same again: every key matched, updated to the same values
        assertEquals(3, merge("e.k, e.d|n.d = t.d AND n.k = t.k"));
        assertEquals(List.of("1|a|new", "1|b|b3", "2|a|two", "3|c|y"), rows(c, "SELECT * FROM tgt ORDER BY k, d"));
    }

    @Test
    void nearMissesStillFailWith100090() throws SQLException {
        for (String shape : List.of(
                // ON equates only one of the two keys: (1, 'a') and (1, 'b') both reach target row 1
                "e.k, e.d|t.k = n.k",
                // the key is text, the target's number: '1' and '01' are separate keys, both equal to 1
                "e.k_text|t.k = n.k_text",
                // one row per d, joined on k
                "e.d|t.k = n.k AND t.d = n.d OR t.k = n.k")) {
            target();
            SQLException e = assertThrows(SQLException.class, () -> merge(shape), shape);
            assertEquals(100090, e.getErrorCode(), shape);
            assertEquals(List.of("1|a|x", "3|c|y"), rows(c, "SELECT * FROM tgt ORDER BY k, d"), "nothing changed: " + shape);
        }
    }
}
