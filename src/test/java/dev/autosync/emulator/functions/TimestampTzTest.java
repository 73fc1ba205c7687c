package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TIMESTAMP_TZ keeps the offset each value was written with, and sessions start in Snowflake's default time zone,
 * America/Los_Angeles (pages named beside each example: data-types-datetime, convert_timezone, to_timestamp,
 * timestamp_from_parts, parameters), through snowflake-jdbc, in both result formats.
 */
class TimestampTzTest {
    private static EmulatorFixture fx;
    private static Connection arrow;
    private static Connection json;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        arrow = fx.connect();
        EmulatorFixture.execute(arrow, "CREATE DATABASE TZT");
        arrow.close();
        arrow = fx.connect("TZT", "PUBLIC");
        json = fx.connectJson("TZT", "PUBLIC");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        // data-types-datetime: a TIMESTAMP_TZ without an offset takes the session zone's (America/Los_Angeles by default)
        "data-types-datetime # '2024-01-01 12:00:00'::TIMESTAMP_TZ # 2024-01-01 12:00:00.000 -0800",
        "data-types-datetime # '2024-07-01 12:00:00'::TIMESTAMP_TZ # 2024-07-01 12:00:00.000 -0700",
        // data-types-datetime: DATEADD keeps the offset the value was written with, across daylight saving time
        "data-types-datetime # DATEADD(MONTH, 6, '2024-01-01 12:00:00'::TIMESTAMP_TZ) # 2024-07-01 12:00:00.000 -0800",
        "data-types-datetime # '2024-01-01 12:00:00 +0200'::TIMESTAMP_TZ + INTERVAL '1 day, 2 hours' # 2024-01-02 14:00:00.000 +0200",
        "data-types-datetime # HOUR('2024-01-02 16:00:00 +00:00'::TIMESTAMP_TZ) # 16",
        "data-types-datetime # DATE_TRUNC('DAY', '2024-01-02 01:30:00 +05:30'::TIMESTAMP_TZ) # 2024-01-02 00:00:00.000 +0530",
        "data-types-datetime # '2024-01-02 01:30:00 +05:30'::TIMESTAMP_TZ::DATE # 2024-01-02",
        "date_part           # DATE_PART(TIMEZONE_HOUR, '2024-01-02 01:30:00 -03:30'::TIMESTAMP_TZ) # -3",
        "date_part           # DATE_PART(TIMEZONE_MINUTE, '2024-01-02 01:30:00 -03:30'::TIMESTAMP_TZ) # -30",
        "to_timestamp        # TO_TIMESTAMP_TZ('2024-04-05 01:02:03 +02:00') # 2024-04-05 01:02:03.000 +0200",
        "to_timestamp        # TO_TIMESTAMP_TZ('2024-04-05T01:02:03-0330') # 2024-04-05 01:02:03.000 -0330",
        // issue 15 (driver values): a five-minute offset and the TIMESTAMPTZ spelling
        "data-types-datetime # '2024-04-05 01:02:03 +00:05'::TIMESTAMPTZ # 2024-04-05 01:02:03.000 +0005",
        // convert_timezone: two arguments give a TIMESTAMP_TZ at the target zone's offset
        "convert_timezone    # CONVERT_TIMEZONE('America/Los_Angeles', '2024-04-05 12:00:00 +02:00') # 2024-04-05 03:00:00.000 -0700",
        // (snowflake-jdbc prints a zero offset of TZHTZM as Z: its Java pattern is XX)
        "convert_timezone    # CONVERT_TIMEZONE('UTC', '2024-04-05 12:00:00'::TIMESTAMP_NTZ) # 2024-04-05 19:00:00.000 Z",
        "timestamp_from_parts # TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 0, 'America/New_York') # 2013-04-05 12:00:00.000 -0400",
        // comparisons are by instant (data-types-datetime: TIMESTAMP_TZ compares its UTC time)
        "data-types-datetime # '2024-01-01 12:00:00 +0000'::TIMESTAMP_TZ = '2024-01-01 04:00:00 -0800'::TIMESTAMP_TZ # TRUE",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), rows(arrow, "SELECT " + expression), page + ": " + expression + " (ARROW)");
        assertEquals(List.of(expected), rows(json, "SELECT " + expression), page + ": " + expression + " (JSON)");
    }

    @Test
    void resultMetadataSaysTimestampTz() throws SQLException {
        // data-types-datetime / convert_timezone: the result column is a TIMESTAMP_TZ, a LTZ stays a LTZ
        for (Connection c : List.of(arrow, json)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT '2024-01-01 12:00:00 +0100'::TIMESTAMP_TZ AS tz, "
                         + "'2024-01-01 12:00:00'::TIMESTAMP_LTZ AS ltz, CONVERT_TIMEZONE('UTC', CURRENT_TIMESTAMP()) AS conv")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals("TIMESTAMPTZ", md.getColumnTypeName(1));
                assertEquals("TIMESTAMPLTZ", md.getColumnTypeName(2));
                assertEquals("TIMESTAMPTZ", md.getColumnTypeName(3));
                rs.next();
                // the instant is kept: 11:00 UTC
                assertEquals(java.time.Instant.parse("2024-01-01T11:00:00Z"), rs.getTimestamp(1).toInstant());
            }
        }
    }

    @Test
    void orderByIsByInstantAndEachRowKeepsItsOffset() throws SQLException {
        // data-types-datetime: values of different offsets sort by their UTC time
        String sql = "SELECT t::TIMESTAMP_TZ AS ts FROM (VALUES ('2024-01-01 10:00:00 +0500'), ('2024-01-01 08:00:00 +0000'),"
                + " ('2024-01-01 01:00:00 -0800')) v(t) ORDER BY ts";
        List<String> expected = List.of("2024-01-01 10:00:00.000 +0500", "2024-01-01 08:00:00.000 Z",
                        "2024-01-01 01:00:00.000 -0800");
        assertEquals(expected, rows(arrow, sql));
        assertEquals(expected, rows(json, sql));
    }

    @Test
    void conditionalsAndMinMaxKeepTheChosenValuesOffset() throws SQLException {
        // data-types-datetime: a TIMESTAMP_TZ keeps the offset it was written with through CASE / COALESCE / IFF (the
        // chosen value's) and MIN / MAX (compared by instant, the chosen row's offset)
        String values = "(VALUES (1, '2024-01-01 12:00:00 -0800'), (2, '2024-01-01 12:00:00 +0530'), (3, NULL)) v(id, s)";
        String sql = "SELECT id, COALESCE(s::TIMESTAMP_TZ, '2000-01-01 00:00:00 +0100'::TIMESTAMP_TZ) AS c,"
                + " IFF(id = 1, s::TIMESTAMP_TZ, NULL) AS i,"
                + " CASE WHEN id = 2 THEN s::TIMESTAMP_TZ ELSE '2020-02-02 02:02:02 +0200'::TIMESTAMP_TZ END AS k FROM " + values
                + " ORDER BY id";
        List<String> expected = List.of(
                "1|2024-01-01 12:00:00.000 -0800|2024-01-01 12:00:00.000 -0800|2020-02-02 02:02:02.000 +0200",
                "2|2024-01-01 12:00:00.000 +0530|null|2024-01-01 12:00:00.000 +0530",
                "3|2000-01-01 00:00:00.000 +0100|null|2020-02-02 02:02:02.000 +0200");
        assertEquals(expected, rows(arrow, sql));
        assertEquals(expected, rows(json, sql));
        String minMax = "SELECT MIN(s::TIMESTAMP_TZ) AS mn, MAX(s::TIMESTAMP_TZ) AS mx FROM " + values;
        assertEquals(List.of("2024-01-01 12:00:00.000 +0530|2024-01-01 12:00:00.000 -0800"), rows(arrow, minMax));
        assertEquals(List.of("2024-01-01 12:00:00.000 +0530|2024-01-01 12:00:00.000 -0800"), rows(json, minMax));
        assertEquals(List.of("TRUE|2024-01-01 12:00:00.000 -0800"),
                rows(json, "SELECT id > 0 AS g, MAX(s::TIMESTAMP_TZ) AS mx FROM " + values + " GROUP BY 1"));
    }

    @Test
    void groupedAndDistinctResultsKeepTheOffsets() throws SQLException {
        // data-types-datetime: a group of one TIMESTAMP_TZ value keeps its offset; grouping is by instant
        String values = "(VALUES ('2024-01-01 10:00:00 +0500'), ('2024-01-01 10:00:00 +0500'), ('2024-01-01 01:00:00 -0800')) v(t)";
        assertEquals(List.of("2024-01-01 10:00:00.000 +0500|2", "2024-01-01 01:00:00.000 -0800|1"),
                rows(json, "SELECT t::TIMESTAMP_TZ AS ts, COUNT(*) AS n FROM " + values + " GROUP BY 1 ORDER BY 1"));
        assertEquals(List.of("2024-01-01 10:00:00.000 +0500", "2024-01-01 01:00:00.000 -0800"),
                rows(arrow, "SELECT DISTINCT t::TIMESTAMP_TZ AS ts FROM " + values + " ORDER BY ts"));
    }

    @Test
    void sessionTimezoneDefaultsToLosAngeles() throws SQLException {
        // parameters page: TIMEZONE defaults to America/Los_Angeles
        try (Connection c = fx.connect("TZT", "PUBLIC")) {
            assertEquals(List.of("TIMEZONE|America/Los_Angeles"), rows(c, "SHOW PARAMETERS LIKE 'TIMEZONE' IN SESSION")
                    .stream().map(r -> String.join("|", List.of(r.split("\\|")).subList(0, 2))).toList());
            assertEquals(List.of("2024-01-01 04:00:00.000 -0800"), rows(c, "SELECT '2024-01-01 12:00:00 +0000'::TIMESTAMP_LTZ"));
            EmulatorFixture.execute(c, "ALTER SESSION SET TIMEZONE = 'UTC'");
            assertEquals(List.of("2024-01-01 12:00:00.000 Z"), rows(c, "SELECT '2024-01-01 12:00:00 +0000'::TIMESTAMP_LTZ"));
            EmulatorFixture.execute(c, "ALTER SESSION UNSET TIMEZONE");
            assertEquals(List.of("2024-01-01 04:00:00.000 -0800"), rows(c, "SELECT '2024-01-01 12:00:00 +0000'::TIMESTAMP_LTZ"));
        }
    }

    @Test
    void timestampTypeMappingMakesTimestampATimestampTz() throws SQLException {
        // parameters page (TIMESTAMP_TYPE_MAPPING): TIMESTAMP is an alias of the type it names
        try (Connection c = fx.connect("TZT", "PUBLIC")) {
            EmulatorFixture.execute(c, "ALTER SESSION SET TIMESTAMP_TYPE_MAPPING = 'TIMESTAMP_TZ'");
            assertEquals(List.of("2024-01-01 12:00:00.000 +0300"), rows(c, "SELECT '2024-01-01 12:00:00 +03:00'::TIMESTAMP"));
        }
    }

    @Test
    void aTimestampTzBoundAsTextKeepsItsInstant() throws SQLException {
        // issue 15: a TIMESTAMP_TZ sent as text is read with its offset (printed at the session zone's: a bind parameter
        // is not read twice, see QueryGenerator.companions)
        for (Connection c : List.of(arrow, json)) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT ?::TIMESTAMP_TZ")) {
                ps.setString(1, "2024-03-10 08:15:00 +09:00");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(java.time.Instant.parse("2024-03-09T23:15:00Z"), rs.getTimestamp(1).toInstant());
                }
            }
        }
    }
}
