package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.execute;
import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Stored TIMESTAMP_TZ columns keep the offset each value was written with (data-types-datetime page: "TIMESTAMP_TZ
 * internally stores UTC time together with an associated time zone offset"), on every write path (insert, update,
 * merge, create-table, copy-into-table pages) and every read path, through snowflake-jdbc in both result formats.
 * Each test uses its own table; sessions start in America/Los_Angeles.
 */
class StoredTimestampTzTest {
    private static EmulatorFixture fx;
    private static Connection arrow;
    private static Connection json;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        Connection c = fx.connect();
        execute(c, "CREATE DATABASE STZ");
        c.close();
        arrow = fx.connect("STZ", "PUBLIC");
        json = fx.connectJson("STZ", "PUBLIC");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The same rows in ARROW and JSON. */
    private static List<String> both(String sql) throws SQLException {
        List<String> a = rows(arrow, sql);
        assertEquals(a, rows(json, sql), "JSON and ARROW differ for " + sql);
        return a;
    }

    private static String typeName(Connection c, String sql, int column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getMetaData().getColumnTypeName(column);
        }
    }

    @Test
    void insertValuesKeepsEachRowsOffset() throws SQLException {
        // data-types-datetime, TIMESTAMP_TZ examples: each value keeps the offset it was written with; without one it
        // takes the session zone's offset at that instant (America/Los_Angeles: -0800 in winter, -0700 in summer)
        execute(arrow, "CREATE TABLE tz_values (id INT, ts TIMESTAMP_TZ)",
                "INSERT INTO tz_values VALUES (1, '2024-01-01 12:00:00 +0200'), (2, '2024-01-01 12:00:00'), "
                        + "(3, '2024-07-01 12:00:00'), (4, '2024-01-01 12:00:00 -03:30'::TIMESTAMP_TZ), (5, NULL)");
        assertEquals(List.of("1|2024-01-01 12:00:00.000 +0200", "2|2024-01-01 12:00:00.000 -0800",
                "3|2024-07-01 12:00:00.000 -0700", "4|2024-01-01 12:00:00.000 -0330", "5|null"),
                both("SELECT id, ts FROM tz_values ORDER BY id"));
        assertEquals(List.of("1|2024-01-01 12:00:00.000 +0200"), both("SELECT * FROM tz_values WHERE id = 1"));
        for (Connection c : List.of(arrow, json)) {
            assertEquals("TIMESTAMPTZ", typeName(c, "SELECT ts FROM tz_values", 1));
            assertEquals("TIMESTAMPTZ", typeName(c, "SELECT * FROM tz_values", 2));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM tz_values")) {
                assertEquals(2, rs.getMetaData().getColumnCount(), "the offset companion is hidden");
            }
        }
    }

    @Test
    void comparisonsAndOrderAreByInstant() throws SQLException {
        // data-types-datetime: TIMESTAMP_TZ values compare by their UTC time
        execute(arrow, "CREATE TABLE tz_cmp (id INT, ts TIMESTAMP_TZ)",
                "INSERT INTO tz_cmp VALUES (1, '2024-01-01 12:00:00 +0000'), (2, '2024-01-01 05:00:00 -0800'), "
                        + "(3, '2024-01-01 13:30:00 +0200')");
        assertEquals(List.of("3|2024-01-01 13:30:00.000 +0200", "1|2024-01-01 12:00:00.000 Z", "2|2024-01-01 05:00:00.000 -0800"),
                both("SELECT id, ts FROM tz_cmp ORDER BY ts, id"));
        assertEquals(List.of("1"), both("SELECT id FROM tz_cmp WHERE ts = '2024-01-01 04:00:00 -0800'::TIMESTAMP_TZ"));
        assertEquals(List.of("1", "2"), both("SELECT id FROM tz_cmp WHERE ts > '2024-01-01 11:45:00 +0000'::TIMESTAMP_TZ ORDER BY id"));
        // an expression over the column keeps its offset: CASE, COALESCE, MIN / MAX, DATEADD
        assertEquals(List.of("2024-01-01 13:30:00.000 +0200|2024-01-01 05:00:00.000 -0800"),
                both("SELECT MIN(ts), MAX(ts) FROM tz_cmp"));
        assertEquals(List.of("2024-01-02 13:30:00.000 +0200|2024-01-01 13:30:00.000 +0200"),
                both("SELECT DATEADD(day, 1, ts), COALESCE(NULL, ts) FROM tz_cmp WHERE id = 3"));
        assertEquals(List.of("2024-01-01 13:30:00.000 +0200"),
                both("SELECT CASE WHEN id = 3 THEN ts END AS c FROM tz_cmp WHERE id = 3"));
        // joins by instant: 12:00 +0000 and 04:00 -0800 are the same instant; each side keeps its own offset, also
        // through SELECT * of the join (two stored columns of one name) and two items of one label
        execute(arrow, "INSERT INTO tz_cmp VALUES (4, '2024-01-01 04:00:00 -0800')");
        assertEquals(List.of("1|4"), both("SELECT a.id, b.id FROM tz_cmp a JOIN tz_cmp b ON a.ts = b.ts AND a.id < b.id"));
        assertEquals(List.of("1|2024-01-01 12:00:00.000 Z|4|2024-01-01 04:00:00.000 -0800"),
                both("SELECT * FROM tz_cmp a JOIN tz_cmp b ON a.ts = b.ts AND a.id < b.id"));
        assertEquals(List.of("2024-01-01 12:00:00.000 Z|2024-01-01 04:00:00.000 -0800"),
                both("SELECT a.ts, b.ts FROM tz_cmp a JOIN tz_cmp b ON a.ts = b.ts AND a.id < b.id"));
    }

    @Test
    void ctesAndSetOperationsKeepOffsets() throws SQLException {
        // data-types-datetime: a TIMESTAMP_TZ value keeps the offset it was written with wherever it is read, so also
        // through a CTE (its columns, SELECT * of it, two references of it, CREATE TABLE AS over it) and a UNION's rows
        execute(arrow, "CREATE TABLE tz_sets (id INT, ts TIMESTAMP_TZ)",
                "INSERT INTO tz_sets VALUES (1, '2024-01-01 12:00:00 +0200'), (2, '2024-01-01 12:00:00 -0330')");
        List<String> stored = List.of("1|2024-01-01 12:00:00.000 +0200", "2|2024-01-01 12:00:00.000 -0330");
        assertEquals(stored, both("WITH c AS (SELECT id, ts FROM tz_sets) SELECT id, ts FROM c ORDER BY id"));
        assertEquals(stored, both("WITH c AS (SELECT * FROM tz_sets) SELECT * FROM c ORDER BY id"));
        assertEquals(List.of("2024-01-01 12:00:00.000 +0200|2024-01-01 12:00:00.000 -0330"),
                both("WITH c AS (SELECT id, ts AS t FROM tz_sets) SELECT a.t, b.t FROM c a JOIN c b ON a.id = 1 AND b.id = 2"));
        execute(arrow, "CREATE TABLE tz_sets_copy AS WITH c AS (SELECT id, ts FROM tz_sets) SELECT * FROM c");
        assertEquals(stored, both("SELECT * FROM tz_sets_copy ORDER BY id"));
        // each operand's rows keep their own offsets; the first operand names the column
        assertEquals(List.of("1|2024-01-01 12:00:00.000 +0200", "2|2024-01-01 12:00:00.000 -0330",
                "3|2024-01-01 09:00:00.000 +0900"), both("SELECT id, ts FROM tz_sets UNION ALL "
                        + "SELECT 3, '2024-01-01 09:00:00 +0900'::TIMESTAMP_TZ ORDER BY 1"));
        assertEquals(List.of("2024-01-01 12:00:00.000 +0200"),
                both("SELECT ts FROM tz_sets WHERE id = 1 UNION SELECT ts FROM tz_sets WHERE id = 1"));
        // a set operation inside a subquery, an INSERT's source and CREATE TABLE AS carries them the same way (where the
        // first operand names the item: a bare column or an alias)
        assertEquals(stored, both("SELECT * FROM (SELECT id, ts FROM tz_sets WHERE id = 1 UNION ALL "
                + "SELECT id, ts FROM tz_sets WHERE id = 2) u ORDER BY id"));
        execute(arrow, "CREATE TABLE tz_sets_union AS SELECT id, ts FROM tz_sets WHERE id = 1 UNION ALL SELECT id, ts FROM tz_sets WHERE id = 2",
                "INSERT INTO tz_sets_union SELECT id + 3, ts FROM tz_sets WHERE id = 1 UNION ALL SELECT 3, '2024-01-01 09:00:00 +0900'::TIMESTAMP_TZ");
        assertEquals(List.of("1|2024-01-01 12:00:00.000 +0200", "2|2024-01-01 12:00:00.000 -0330", "3|2024-01-01 09:00:00.000 +0900",
                "4|2024-01-01 12:00:00.000 +0200"), both("SELECT * FROM tz_sets_union ORDER BY id"));
        for (Connection c : List.of(arrow, json)) {
            assertEquals("TIMESTAMPTZ", typeName(c, "SELECT ts FROM tz_sets UNION ALL SELECT ts FROM tz_sets", 1));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, ts FROM tz_sets UNION ALL SELECT id, ts FROM tz_sets")) {
                assertEquals(2, rs.getMetaData().getColumnCount(), "the offset companion is hidden");
                assertEquals("TS", rs.getMetaData().getColumnLabel(2));
            }
        }
    }

    @Test
    void insertSelectUpdateMergeKeepOffsets() throws SQLException {
        // insert page (INSERT ... SELECT), update page (SET and FROM), merge page (both arms)
        execute(arrow, "CREATE TABLE tz_src (id INT, ts TIMESTAMP_TZ)",
                "CREATE TABLE tz_dst (id INT, ts TIMESTAMP_TZ, note VARCHAR)",
                "INSERT INTO tz_src VALUES (1, '2024-03-01 08:00:00 +0900'), (2, '2024-03-01 08:00:00 -0500')",
                "INSERT INTO tz_dst (id, ts, note) SELECT id, ts, 'copied' FROM tz_src",
                "INSERT INTO tz_dst SELECT *, 'star' FROM tz_src WHERE id = 1");
        assertEquals(List.of("1|2024-03-01 08:00:00.000 +0900|copied", "1|2024-03-01 08:00:00.000 +0900|star",
                "2|2024-03-01 08:00:00.000 -0500|copied"), both("SELECT * FROM tz_dst ORDER BY id, note"));
        execute(arrow, "UPDATE tz_dst SET ts = '2024-05-05 05:05:05 +0545' WHERE note = 'star'",
                "UPDATE tz_dst SET ts = s.ts FROM tz_src s WHERE tz_dst.note = 'copied' AND s.id = 3 - tz_dst.id");
        assertEquals(List.of("1|2024-03-01 08:00:00.000 -0500|copied", "1|2024-05-05 05:05:05.000 +0545|star",
                "2|2024-03-01 08:00:00.000 +0900|copied"), both("SELECT * FROM tz_dst ORDER BY id, note"));
        execute(arrow, "MERGE INTO tz_dst d USING (SELECT id, ts FROM tz_src) s ON d.id = s.id AND d.note = 'star' "
                + "WHEN MATCHED THEN UPDATE SET ts = s.ts "
                + "WHEN NOT MATCHED THEN INSERT (id, ts, note) VALUES (s.id + 10, s.ts, 'merged')");
        assertEquals(List.of("1|2024-03-01 08:00:00.000 +0900|star", "12|2024-03-01 08:00:00.000 -0500|merged"), both("SELECT * FROM tz_dst WHERE note <> 'copied' ORDER BY id"));
    }

    @Test
    void describeShowAndInformationSchemaSayTimestampTz() throws SQLException {
        // create-table / desc-table: the column is TIMESTAMP_TZ(9) and the companion never shows
        execute(arrow, "CREATE TABLE tz_desc (a TIMESTAMP_TZ, b TIMESTAMPTZ(3), c TIMESTAMP_LTZ)");
        assertEquals(List.of("A|TIMESTAMP_TZ(9)", "B|TIMESTAMP_TZ(3)", "C|TIMESTAMP_LTZ(9)"), describe("DESC TABLE tz_desc"));
        assertFalse(rows(arrow, "SHOW COLUMNS IN SCHEMA STZ.PUBLIC").toString().contains("SF$"), "SHOW COLUMNS hides the companion");
        assertEquals(List.of("A", "B", "C"), rows(arrow, "SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'TZ_DESC' ORDER BY ordinal_position"));
    }

    @Test
    void spellingsAndTimestampTypeMapping() throws SQLException {
        // data-types-datetime: TIMESTAMPTZ and TIMESTAMP WITH TIME ZONE are TIMESTAMP_TZ; TIMESTAMP WITH LOCAL TIME ZONE is
        // TIMESTAMP_LTZ; a TIMESTAMP column takes the variant TIMESTAMP_TYPE_MAPPING names
        try (Connection c = fx.connect("STZ", "PUBLIC")) {
            execute(c, "ALTER SESSION SET TIMESTAMP_TYPE_MAPPING = TIMESTAMP_TZ",
                    "CREATE TABLE tz_spell (a TIMESTAMP WITH TIME ZONE, b TIMESTAMP WITH LOCAL TIME ZONE, c TIMESTAMP(3), "
                            + "d TIMESTAMP WITHOUT TIME ZONE)",
                    "INSERT INTO tz_spell (a, c) VALUES ('2024-01-01 00:00:00 +0400', '2024-01-01 00:00:00 -0230')");
            assertEquals(List.of("A|TIMESTAMP_TZ(9)", "B|TIMESTAMP_LTZ(9)", "C|TIMESTAMP_TZ(3)", "D|TIMESTAMP_NTZ(9)"),
                    describe(c, "DESC TABLE tz_spell"));
            assertEquals(List.of("2024-01-01 00:00:00.000 +0400|2024-01-01 00:00:00.000 -0230"), rows(c, "SELECT a, c FROM tz_spell"));
        }
    }

    @Test
    void driverMetadataAndTextBinds() throws SQLException {
        // snowflake-jdbc ResultSetLatestIT.testGetDataTypeWithTimestampTz: a TIMESTAMP_TZ column of an empty table is
        // java.sql.Types.TIMESTAMP_WITH_TIMEZONE; PreparedStatement2IT.testBindTimestampTZViaString: a text bind keeps
        // its offset
        execute(arrow, "CREATE TABLE tz_driver (cola TIMESTAMP_TZ)");
        for (Connection c : List.of(arrow, json)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM tz_driver")) {
                assertEquals(java.sql.Types.TIMESTAMP_WITH_TIMEZONE, rs.getMetaData().getColumnType(1));
                assertEquals("TIMESTAMPTZ", rs.getMetaData().getColumnTypeName(1));
            }
        }
        try (PreparedStatement ps = arrow.prepareStatement("INSERT INTO tz_driver VALUES (?)")) {
            ps.setString(1, "2017-11-30T18:17:05.123+08:00");
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(List.of("2017-11-30 18:17:05.123 +0800"), both("SELECT * FROM tz_driver"));
        try (PreparedStatement ps = arrow.prepareStatement("UPDATE tz_driver SET cola = ?")) {
            // data-types-datetime: text with an offset keeps it, also as a bind in SET
            ps.setString(1, "2017-11-30T18:17:05.123+05:30");
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(List.of("2017-11-30 18:17:05.123 +0530"), both("SELECT * FROM tz_driver"));
    }

    @Test
    void textBindsInUpdateAndMergeKeepTheirOffsets() throws SQLException {
        // data-types-datetime: TIMESTAMP_TZ keeps the offset a text value names; without one, the session zone's
        execute(arrow, "CREATE TABLE tz_set_binds (id INT, ts TIMESTAMP_TZ, note VARCHAR)",
                "INSERT INTO tz_set_binds VALUES (1, '2024-01-01 00:00:00 +0000', 'a'), (2, '2024-01-01 00:00:00 +0000', 'b')");
        try (PreparedStatement ps = arrow.prepareStatement("UPDATE tz_set_binds SET note = ?, ts = ? WHERE id = ?")) {
            ps.setString(1, "set");
            ps.setString(2, "2024-03-03 03:03:03 -0230");
            ps.setInt(3, 1);
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps = arrow.prepareStatement("MERGE INTO tz_set_binds d USING (SELECT ? AS id) s ON d.id = s.id "
                + "WHEN MATCHED THEN UPDATE SET ts = ? WHEN NOT MATCHED THEN INSERT (id, ts, note) VALUES (s.id, ?, 'new')")) {
            for (int id : new int[] {2, 3}) {
                ps.setInt(1, id);
                ps.setString(2, "2024-04-04 04:04:04 +0930");
                ps.setString(3, "2024-05-05 05:05:05");
                assertEquals(1, ps.executeUpdate());
            }
        }
        assertEquals(List.of("1|2024-03-03 03:03:03.000 -0230|set", "2|2024-04-04 04:04:04.000 +0930|b",
                "3|2024-05-05 05:05:05.000 -0700|new"), both("SELECT * FROM tz_set_binds ORDER BY id"));
    }

    private static List<String> describe(String sql) throws SQLException {
        return describe(arrow, sql);
    }

    private static List<String> describe(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int nameCol = 0;
            int typeCol = 0;
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnLabel(i).equalsIgnoreCase("name") || md.getColumnLabel(i).equalsIgnoreCase("column_name")) {
                    nameCol = i;
                }
                if (md.getColumnLabel(i).equalsIgnoreCase("type") || md.getColumnLabel(i).equalsIgnoreCase("data_type")) {
                    typeCol = i;
                }
            }
            while (rs.next()) {
                out.add(rs.getString(nameCol) + "|" + rs.getString(typeCol));
            }
        }
        return out;
    }

    @Test
    void copyIntoKeepsTheFilesOffsets() throws Exception {
        // copy-into-table: a CSV's text with an offset keeps it, text without one takes the session zone's; a
        // transformation's TO_TIMESTAMP_TZ / TRY_CAST keeps the offset it read (the pipeline's own COPY, JSON files)
        Path csv = dir.resolve("tz.csv");
        Files.writeString(csv, "1,2024-06-01 10:00:00 +0530\n2,2024-06-01 10:00:00\n3,2024-06-01T10:00:00Z\n");
        Path ndjson = dir.resolve("tz.json");
        Files.writeString(ndjson, "{\"id\": 1, \"at\": \"2024-06-01T10:00:00-03:00\"}\n{\"id\": 2, \"at\": \"2024-06-01T10:00:00\"}\n");
        execute(arrow, "CREATE TABLE tz_csv (id INT, ts TIMESTAMP_TZ)", "CREATE TABLE tz_json (id INT, ts TIMESTAMP_TZ, raw VARIANT)",
                "CREATE STAGE tz_stage", "PUT file://" + csv + " @%tz_csv", "PUT file://" + ndjson + " @tz_stage",
                "COPY INTO tz_csv FROM @%tz_csv FILE_FORMAT = (TYPE = CSV)",
                "COPY INTO tz_json (id, ts, raw) FROM (SELECT $1:id, TRY_CAST($1:at::VARCHAR AS TIMESTAMP_TZ), $1 FROM @tz_stage) "
                        + "FILE_FORMAT = (TYPE = JSON)");
        assertEquals(List.of("1|2024-06-01 10:00:00.000 +0530", "2|2024-06-01 10:00:00.000 -0700", "3|2024-06-01 10:00:00.000 Z"),
                both("SELECT * FROM tz_csv ORDER BY id"));
        assertEquals(List.of("1|2024-06-01 10:00:00.000 -0300", "2|2024-06-01 10:00:00.000 -0700"),
                both("SELECT id, ts FROM tz_json ORDER BY id"));
    }

    @Test
    void streamsCarryTheOffsetsOfChangedRows() throws SQLException {
        // streams: the change records of a TIMESTAMP_TZ column keep their offsets, and a MERGE from the stream (the
        // pipeline's task) writes them on; METADATA$ columns stay as they are
        execute(arrow, "CREATE TABLE tz_base (id INT, ts TIMESTAMP_TZ)", "CREATE STREAM tz_stream ON TABLE tz_base",
                "CREATE TABLE tz_norm (id INT, ts TIMESTAMP_TZ)",
                "INSERT INTO tz_base VALUES (1, '2024-09-01 07:00:00 +0100'), (2, '2024-09-01 07:00:00 -0600')");
        assertEquals(List.of("1|2024-09-01 07:00:00.000 +0100|INSERT|FALSE", "2|2024-09-01 07:00:00.000 -0600|INSERT|FALSE"),
                both("SELECT id, ts, METADATA$ACTION, METADATA$ISUPDATE FROM tz_stream ORDER BY id"));
        assertEquals(List.of("ID", "TS", "METADATA$ACTION", "METADATA$ISUPDATE", "METADATA$ROW_ID"), columnNames("SELECT * FROM tz_stream"));
        execute(arrow, "MERGE INTO tz_norm AS t USING (SELECT s.id, s.ts FROM (SELECT * FROM tz_stream) AS s) AS n ON t.id = n.id "
                + "WHEN MATCHED THEN UPDATE SET ts = n.ts WHEN NOT MATCHED THEN INSERT (id, ts) VALUES (n.id, n.ts)");
        assertEquals(List.of("1|2024-09-01 07:00:00.000 +0100", "2|2024-09-01 07:00:00.000 -0600"),
                both("SELECT * FROM tz_norm ORDER BY id"));
        execute(arrow, "UPDATE tz_base SET ts = '2024-09-02 07:00:00 +0900' WHERE id = 1");
        assertEquals(List.of("1|2024-09-01 07:00:00.000 +0100|DELETE|TRUE", "1|2024-09-02 07:00:00.000 +0900|INSERT|TRUE"),
                both("SELECT id, ts, METADATA$ACTION, METADATA$ISUPDATE FROM tz_stream WHERE id = 1 ORDER BY METADATA$ACTION"));
    }

    private static List<String> columnNames(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = arrow.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i));
            }
        }
        return out;
    }

    @Test
    void bindsCtasAndAlter() throws SQLException {
        execute(arrow, "CREATE TABLE tz_bind (id INT, ts TIMESTAMP_TZ)");
        try (PreparedStatement ps = arrow.prepareStatement("INSERT INTO tz_bind (id, ts) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "2024-02-02 10:00:00 +0100");
            ps.executeUpdate();
        }
        assertEquals(List.of("1|2024-02-02 10:00:00.000 +0100"), both("SELECT * FROM tz_bind"));
        // create-table: CREATE TABLE AS keeps the column's type and offsets
        execute(arrow, "CREATE TABLE tz_ctas AS SELECT * FROM tz_bind",
                "CREATE TABLE tz_ctas2 AS SELECT id, '2024-02-02 10:00:00 +0300'::TIMESTAMP_TZ AS t2 FROM tz_bind");
        assertEquals(List.of("1|2024-02-02 10:00:00.000 +0100"), both("SELECT * FROM tz_ctas"));
        assertEquals(List.of("1|2024-02-02 10:00:00.000 +0300"), both("SELECT * FROM tz_ctas2"));
        assertEquals(List.of("ID|NUMBER(38,0)", "T2|TIMESTAMP_TZ(9)"), describe("DESC TABLE tz_ctas2"));
        // alter-table: ADD / RENAME / DROP COLUMN move the companion with its column
        execute(arrow, "ALTER TABLE tz_bind ADD COLUMN extra TIMESTAMP_TZ",
                "INSERT INTO tz_bind VALUES (2, '2024-02-02 10:00:00 -0200', '2024-02-03 00:00:00 +1000')",
                "ALTER TABLE tz_bind RENAME COLUMN ts TO ts2");
        assertEquals(List.of("1|2024-02-02 10:00:00.000 +0100|null", "2|2024-02-02 10:00:00.000 -0200|2024-02-03 00:00:00.000 +1000"),
                both("SELECT * FROM tz_bind ORDER BY id"));
        execute(arrow, "ALTER TABLE tz_bind DROP COLUMN ts2");
        assertEquals(List.of("1|null", "2|2024-02-03 00:00:00.000 +1000"), both("SELECT * FROM tz_bind ORDER BY id"));
        // views and RESULT_SCAN
        execute(arrow, "CREATE VIEW tz_view AS SELECT * FROM tz_bind");
        assertEquals(List.of("2|2024-02-03 00:00:00.000 +1000"), both("SELECT * FROM tz_view WHERE id = 2"));
        assertEquals(List.of("2024-02-03 00:00:00.000 +1000"), both("SELECT extra FROM tz_view WHERE id = 2"));
        assertFalse(describe("DESC VIEW tz_view").toString().contains("SF$"));
    }
}
