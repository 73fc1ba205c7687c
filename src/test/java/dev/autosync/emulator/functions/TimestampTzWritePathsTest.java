package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.execute;
import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MERGE (both arms) and INSERT ... SELECT write a TIMESTAMP_TZ column's value read from a table as it is, with its own
 * offset (data-types-datetime page, "TIMESTAMP_TZ"; merge and insert pages), and still convert text, VARIANT and
 * numbers: each write is compared with the same statement through the generic run-time conversion, in several session
 * zones.
 */
class TimestampTzWritePathsTest {
    private static final String GENERIC = "autosync.emulator.tzKnownTypes";
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        execute(c, "CREATE DATABASE TZW", "USE SCHEMA TZW.PUBLIC",
                "CREATE TABLE src (id INT, ts TIMESTAMP_TZ, tx VARCHAR, v VARIANT, n NUMBER)",
                "INSERT INTO src SELECT 1, '2024-01-01 12:00:00 +0000', '2024-01-01 12:00:00 +0200', "
                        + "PARSE_JSON('\"2024-02-02 02:00:00 +0300\"'), 1700000000",
                "INSERT INTO src SELECT 2, '2024-03-10 02:30:00 -0330', '2024-07-01 08:00:00', "
                        + "PARSE_JSON('\"2024-07-07 07:00:00\"'), 0",
                "INSERT INTO src SELECT 3, '2024-07-01 23:59:59.123456 +0545', '2024-11-03 01:30:00 -07:00', NULL, -86400",
                "INSERT INTO src SELECT 4, '2024-12-31 23:00:00 +1400', NULL, PARSE_JSON('\"2025-01-01T00:00:00Z\"'), NULL",
                "INSERT INTO src SELECT 5, '1850-06-01 00:00:00 -1200', '2024-01-15 09:00:00', NULL, 1",
                "INSERT INTO src SELECT 6, NULL, NULL, NULL, NULL");
    }

    @AfterAll
    static void stop() throws SQLException {
        c.close();
        fx.close();
    }

    /**
     * Runs {@code sql} into table {@code name}; with {@code generic}, every value takes the generic conversion (the
     * emulator's switch for comparing the two; it runs in this JVM).
     */
    private static void write(String name, String sql, boolean generic) throws SQLException {
        if (generic) {
            System.setProperty(GENERIC, "false");
        }
        try {
            execute(c, sql.replace("$T", name));
        } finally {
            System.clearProperty(GENERIC);
        }
    }

    /** The rows {@code sql} writes into an empty table, the same through the fast path and the generic conversion. */
    private static List<String> written(String column, String sql) throws SQLException {
        List<String> out = null;
        for (boolean generic : new boolean[] {false, true}) {
            String name = "dst_" + (generic ? "g" : "f");
            execute(c, "CREATE OR REPLACE TABLE " + name + " (id INT, ts TIMESTAMP_TZ)");
            write(name, sql.replace("$C", column), generic);
            List<String> rows = rows(c, "SELECT id, ts FROM " + name + " ORDER BY id");
            if (out != null) {
                assertEquals(out, rows, "fast path and generic conversion differ for " + sql.replace("$C", column));
            }
            out = rows;
        }
        return out;
    }

    private static final String MERGE_INSERT = "MERGE INTO $T d USING (SELECT id, $C AS ts FROM src) s ON d.id = s.id "
            + "WHEN NOT MATCHED THEN INSERT (id, ts) VALUES (s.id, s.ts)";
    private static final String MERGE_UPDATE = "MERGE INTO $T d USING (SELECT id, $C AS ts FROM src) s ON d.id = s.id "
            + "WHEN MATCHED THEN UPDATE SET ts = s.ts WHEN NOT MATCHED THEN INSERT (id, ts) VALUES (s.id, NULL)";
    private static final String INSERT_SELECT = "INSERT INTO $T (id, ts) SELECT id, $C FROM src";

    @Test
    void timestampTzColumnsKeepTheirOwnOffsets() throws SQLException {
        List<String> own = List.of("1|2024-01-01 12:00:00.000 Z", "2|2024-03-10 02:30:00.000 -0330",
                "3|2024-07-01 23:59:59.123 +0545", "4|2024-12-31 23:00:00.000 +1400", "5|1850-06-01 00:00:00.000 -1200", "6|null");
        for (String zone : List.of("America/Los_Angeles", "Asia/Kolkata", "UTC")) {
            execute(c, "ALTER SESSION SET TIMEZONE = '" + zone + "'");
            for (String sql : List.of(MERGE_INSERT, MERGE_UPDATE, INSERT_SELECT)) {
                if (sql == MERGE_UPDATE) {
                    // the UPDATE arm: rows there first, then updated from the source
                    for (String t : List.of("dst_f", "dst_g")) {
                        execute(c, "CREATE OR REPLACE TABLE " + t + " (id INT, ts TIMESTAMP_TZ)",
                                "INSERT INTO " + t + " SELECT id, NULL FROM src");
                    }
                    List<String> rows = new java.util.ArrayList<>();
                    for (boolean generic : new boolean[] {false, true}) {
                        write(generic ? "dst_g" : "dst_f", sql.replace("$C", "ts"), generic);
                    }
                    rows.addAll(rows(c, "SELECT id, ts FROM dst_f ORDER BY id"));
                    assertEquals(rows(c, "SELECT id, ts FROM dst_g ORDER BY id"), rows);
                    assertEquals(own, rows, zone + ": " + sql);
                } else {
                    assertEquals(own, written("ts", sql), zone + ": " + sql);
                }
            }
        }
        execute(c, "ALTER SESSION UNSET TIMEZONE");
    }

    @Test
    void updateSetKeepsTheOffsets() throws SQLException {
        // update page: SET from another table (FROM) and from the row's own column
        List<String> own = List.of("1|2024-01-01 12:00:00.000 Z", "2|2024-03-10 02:30:00.000 -0330",
                "3|2024-07-01 23:59:59.123 +0545", "4|2024-12-31 23:00:00.000 +1400", "5|1850-06-01 00:00:00.000 -1200", "6|null");
        execute(c, "ALTER SESSION SET TIMEZONE = 'Asia/Kolkata'");
        for (String update : List.of("UPDATE $T d SET ts = s.ts FROM src s WHERE d.id = s.id",
                "UPDATE $T SET ts = CASE WHEN id > 0 THEN ts END")) {
            for (boolean generic : new boolean[] {false, true}) {
                String name = generic ? "dst_g" : "dst_f";
                execute(c, "CREATE OR REPLACE TABLE " + name + " (id INT, ts TIMESTAMP_TZ)",
                        "INSERT INTO " + name + " (id, ts) SELECT id, ts FROM src");
                write(name, update, generic);
            }
            List<String> fast = rows(c, "SELECT id, ts FROM dst_f ORDER BY id");
            assertEquals(rows(c, "SELECT id, ts FROM dst_g ORDER BY id"), fast, update);
            if (update.contains("FROM src")) {
                assertEquals(own, fast, update);
            }
        }
        execute(c, "ALTER SESSION UNSET TIMEZONE");
    }

    @Test
    void valuesWithoutACarriedOffsetTakeTheSameOffsetBothWays() throws SQLException {
        // an expression over the column (a CASE) and NTZ / LTZ values: compared only between the two paths
        execute(c, "ALTER SESSION SET TIMEZONE = 'America/St_Johns'");
        for (String column : List.of("CASE WHEN id > 0 THEN ts END", "ts::TIMESTAMP_LTZ", "ts::TIMESTAMP_NTZ",
                "DATEADD(hour, 1, ts)")) {
            for (String sql : List.of(MERGE_INSERT, INSERT_SELECT)) {
                assertEquals(6, written(column, sql).size());
            }
        }
        execute(c, "ALTER SESSION UNSET TIMEZONE");
    }

    @Test
    void textVariantAndNumbersAreStillConverted() throws SQLException {
        // text and VARIANT text keep the offset they name, else the session zone's; a number is seconds since the epoch
        execute(c, "ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
        for (String sql : List.of(MERGE_INSERT, INSERT_SELECT)) {
            assertEquals(List.of("1|2024-01-01 12:00:00.000 +0200", "2|2024-07-01 08:00:00.000 -0700",
                    "3|2024-11-03 01:30:00.000 -0700", "4|null", "5|2024-01-15 09:00:00.000 -0800", "6|null"), written("tx", sql));
            assertEquals(List.of("1|2024-02-02 02:00:00.000 +0300", "2|2024-07-07 07:00:00.000 -0700", "3|null",
                    "4|2025-01-01 00:00:00.000 Z", "5|null", "6|null"), written("v", sql));
            assertEquals(List.of("1|2023-11-14 14:13:20.000 -0800", "2|1969-12-31 16:00:00.000 -0800",
                    "3|1969-12-30 16:00:00.000 -0800", "4|null", "5|1969-12-31 16:00:01.000 -0800", "6|null"), written("n", sql));
        }
        execute(c, "ALTER SESSION UNSET TIMEZONE");
    }

    @Test
    void bindsInsideATransaction() throws SQLException {
        // a source with a bind is still looked up (prepared without its value), and the transaction goes on
        execute(c, "CREATE OR REPLACE TABLE dst_tx (id INT, ts TIMESTAMP_TZ)", "BEGIN");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dst_tx (id, ts) SELECT id, ts FROM src WHERE id = ?")) {
            ps.setInt(1, 2);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO dst_tx d USING (SELECT id, ts FROM src WHERE id = ?) s "
                + "ON d.id = s.id WHEN NOT MATCHED THEN INSERT (id, ts) VALUES (s.id, s.ts)")) {
            ps.setInt(1, 4);
            ps.executeUpdate();
        }
        execute(c, "INSERT INTO dst_tx (id, ts) SELECT id, ts FROM src WHERE id = 3", "COMMIT");
        assertEquals(List.of("2|2024-03-10 02:30:00.000 -0330", "3|2024-07-01 23:59:59.123 +0545", "4|2024-12-31 23:00:00.000 +1400"),
                rows(c, "SELECT id, ts FROM dst_tx ORDER BY id"));
    }
}
