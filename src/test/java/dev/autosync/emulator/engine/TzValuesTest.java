package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Translator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A value DuckDB already types TIMESTAMPTZ, written to a TIMESTAMP_TZ column, skips the generic conversion
 * ({@link TzValues}): the same stored instant and the same offset as the generic CASE gives it (data-types-datetime
 * page, "TIMESTAMP_TZ": a value without an offset of its own takes the session zone's at that instant), for instants
 * across zones with half-hour, 45-minute and +14 offsets, DST changes and pre-1900 local mean time.
 */
class TzValuesTest {
    private static Engine engine;
    private static Session session;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        engine = new Engine(dir, m -> { });
        session = engine.openSession("TESTER", null, null, null, null);
    }

    @AfterAll
    static void stop() {
        engine.closeSession(session);
        engine.close();
    }

    private static List<String> instants() {
        List<String> out = new ArrayList<>(List.of("2024-01-01 12:00:00+00", "2024-03-10 10:30:00+00",
                "2024-11-03 08:30:00+00", "2024-03-31 01:00:00+00", "2024-10-06 15:30:00+00", "1850-06-01 00:00:00+00",
                "1900-01-01 00:00:00.123456+00", "2038-01-19 03:14:08+00", "1970-01-01 00:00:00+00"));
        Random r = new Random(16);
        for (int i = 0; i < 60; i++) {
            // seconds between 1800 and 2100, with microseconds
            long seconds = -5_364_662_400L + (long) (r.nextDouble() * 9_467_280_000L);
            out.add("epoch " + seconds + "." + String.format("%06d", r.nextInt(1_000_000)));
        }
        return out;
    }

    @Test
    void fastPathGivesTheGenericValueAndOffset() throws SQLException {
        List<String> values = new ArrayList<>();
        for (String instant : instants()) {
            values.add(instant.startsWith("epoch ") ? "to_timestamp(" + instant.substring(6) + ")" : "TIMESTAMPTZ '" + instant + "'");
        }
        String v = "v";
        String sql = "SELECT CAST(v AS VARCHAR), " + Translator.tzValue(v) + " = v, " + Translator.tzOffsetOfInstant(v) + ", $GENERIC"
                + " FROM (SELECT unnest([" + String.join(", ", values) + "]) AS v)";
        int compared = 0;
        for (String zone : List.of("America/Los_Angeles", "Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu",
                "Australia/Lord_Howe", "Pacific/Kiritimati", "Europe/London", "UTC")) {
            session.parameter("TIMEZONE", zone);
            try (Statement s = session.conn().createStatement();
                 ResultSet rs = s.executeQuery(sql.replace("$GENERIC", Translator.tzOffsetOfValue(v, zone)))) {
                while (rs.next()) {
                    assertEquals(true, rs.getBoolean(2), "same instant for " + rs.getString(1) + " in " + zone);
                    assertEquals(rs.getInt(4), rs.getInt(3), "same offset for " + rs.getString(1) + " in " + zone);
                    compared++;
                }
            }
        }
        assertEquals(8 * instants().size(), compared);
        session.parameter("TIMEZONE", null);
    }

    @Test
    void offsetIsTheZonesAtThatInstant() throws SQLException {
        // America/Los_Angeles: -0800 in winter, -0700 in summer; -0752 (local mean time, whole minutes) before 1883
        session.parameter("TIMEZONE", "America/Los_Angeles");
        try (Statement s = session.conn().createStatement();
             ResultSet rs = s.executeQuery("SELECT " + Translator.tzOffsetOfInstant("v") + " FROM (SELECT unnest([TIMESTAMPTZ "
                     + "'2024-01-01 12:00:00+00', TIMESTAMPTZ '2024-07-01 12:00:00+00', TIMESTAMPTZ '1850-01-01 12:00:00+00']) AS v)")) {
            List<Integer> offsets = new ArrayList<>();
            while (rs.next()) {
                offsets.add(rs.getInt(1));
            }
            assertEquals(List.of(-480, -420, -472), offsets);
        } finally {
            session.parameter("TIMEZONE", null);
        }
    }

    @Test
    void onlyTimestampTzValuesAreKnown() {
        String from = "(SELECT TIMESTAMPTZ '2024-01-01 00:00:00+02' AS ts, '2024-01-01 00:00:00 +0200' AS tx, "
                + "CAST('\"2024-01-01\"' AS JSON) AS j, 1700000000 AS n, TIMESTAMP '2024-01-01 00:00:00' AS ntz) AS s";
        assertArrayEquals(new boolean[] {true, false, false, false, false, true},
                TzValues.timestampTz(session, from, List.of("s.ts", "s.tx", "s.j", "s.n", "s.ntz", "s.ts + INTERVAL 1 HOUR")));
        // a source with a bind parameter is prepared without its value; a value that does not bind alone: generic
        assertArrayEquals(new boolean[] {true}, TzValues.timestampTz(session, from.replace("AS ntz)", "AS ntz WHERE 1 = ?)"),
                List.of("s.ts")));
        assertArrayEquals(new boolean[] {false, false}, TzValues.timestampTz(session, from, List.of("s.ts", "t.ts")));
        System.setProperty(TzValues.PROPERTY, "false");
        try {
            assertArrayEquals(new boolean[] {false}, TzValues.timestampTz(session, from, List.of("s.ts")));
        } finally {
            System.clearProperty(TzValues.PROPERTY);
        }
    }

    @Test
    void lookingUpLeavesTheTransactionUsable() throws SQLException {
        // DuckDB aborts a transaction on a DESCRIBE whose bind parameter has no value; a failed bind is harmless
        session.exec("BEGIN TRANSACTION");
        try {
            session.exec("CREATE TEMP TABLE tzv_probe (a INT, ts TIMESTAMPTZ)");
            TzValues.timestampTz(session, "tzv_probe", List.of("missing_column"));
            assertArrayEquals(new boolean[] {true}, TzValues.timestampTz(session, "tzv_probe WHERE a = ?", List.of("ts")));
            assertEquals(null, TzValues.columns(session, "SELECT ? FROM tzv_probe"), "a bind's unknown type: not described");
            session.exec("INSERT INTO tzv_probe VALUES (1, NULL)");
        } finally {
            session.exec("ROLLBACK");
        }
    }

    @Test
    void columnAndOffsetKeepsTheCarriedOffset() {
        String[] carried = {"n.ts", "n.off", null, "CASE_OF(n.ts)", null};
        assertArrayEquals(new String[] {"n.ts", "coalesce(n.off, " + Translator.tzOffsetOfInstant("n.ts") + ")"},
                TzValues.columnAndOffset(carried, true, List.of(), "UTC"));
        assertEquals("CASE_OF(n.ts)", TzValues.columnAndOffset(carried, false, List.of(), "UTC")[0]);
        String[] bound = {"?", null, "bound", "CASE_OF(?)", "0"};
        assertArrayEquals(new String[] {"CASE_OF(?)", "CAST(330 AS SMALLINT)"},
                TzValues.columnAndOffset(bound, true, List.of("2024-01-01 00:00:00 +05:30"), "UTC"));
    }
}
