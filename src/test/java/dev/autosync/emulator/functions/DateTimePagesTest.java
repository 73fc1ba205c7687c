package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Date and time behaviour from the pages date_trunc, trunc2, date-time-examples ("Working with date and time values"),
 * parameters (TIMESTAMP_TYPE_MAPPING), as_date, as_time and as_timestamp, through snowflake-jdbc.
 */
class DateTimePagesTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("DTPAGES",
            "CREATE TABLE clock (t TIME, t3 TIME(3))",
            "INSERT INTO clock VALUES ('08:50:48.123456', '23:59:59.999')",
            "CREATE TABLE variants (v VARIANT)",
            "INSERT INTO variants SELECT TO_VARIANT(TO_DATE('2024-10-10'))",
            "INSERT INTO variants SELECT TO_VARIANT(TO_TIME('12:34:56'))",
            "INSERT INTO variants SELECT TO_VARIANT(TO_TIMESTAMP_NTZ('2024-10-10 12:34:56'))",
            "INSERT INTO variants SELECT TO_VARIANT('not a date')",
            "INSERT INTO variants SELECT TO_VARIANT(42)");

    @Test
    void dateTruncOfATimeStaysATimeOnTheClockOfADay() throws SQLException {
        // date_trunc page: DATE_TRUNC('minute', mytime) of 08:50:48 is 08:50:00; trunc2 page: TRUNC(time, 'minute')
        assertEquals(List.of("08:50:00|08:00:00|08:50:48|23:59:00"), db.rows(
                "SELECT DATE_TRUNC('minute', t), DATE_TRUNC('HOUR', t), TRUNC(t, 'second'), DATE_TRUNC('minute', t3) FROM clock"));
        assertEquals(List.of("08:50:00"), db.rows("SELECT DATE_TRUNC('minute', '08:50:48'::TIME)"));
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DATE_TRUNC('minute', t) FROM clock")) {
            assertEquals("TIME", rs.getMetaData().getColumnTypeName(1));
        }
    }

    @Test
    void dateTruncOfATimeToADatePartIsRefused() {
        // supported date and time parts (functions-date-time page): a TIME has no year, month, week or day
        SQLException e = assertThrows(SQLException.class, () -> db.rows("SELECT DATE_TRUNC('day', t) FROM clock"));
        assertTrue(e.getMessage().contains("invalid date or time part 'DAY'"), e.getMessage());
    }

    @Test
    void timestampColumnsFollowTheTypeMapping() throws SQLException {
        // date-time-examples page: under TIMESTAMP_TYPE_MAPPING = TIMESTAMP_LTZ a TIMESTAMP column holds LTZ values
        try (Statement s = db.connection().createStatement()) {
            s.execute("ALTER SESSION SET TIMESTAMP_TYPE_MAPPING = 'TIMESTAMP_LTZ'");
            s.execute("ALTER SESSION SET TIMEZONE = 'America/Chicago'");
            try {
                s.execute("CREATE OR REPLACE TABLE mapped (ltz TIMESTAMP, ntz TIMESTAMP_NTZ)");
                s.execute("INSERT INTO mapped VALUES ('2024-04-30 19:00:00.000 -0800', '2024-04-30 19:00:00.000 -0800')");
                try (ResultSet rs = s.executeQuery("SELECT ltz, ntz FROM mapped")) {
                    assertEquals("TIMESTAMPLTZ", rs.getMetaData().getColumnTypeName(1));
                    assertEquals("TIMESTAMPNTZ", rs.getMetaData().getColumnTypeName(2));
                    assertTrue(rs.next());
                    assertEquals("2024-04-30 22:00:00.000 -0500", rs.getString(1));
                    assertEquals("2024-04-30 19:00:00.000", rs.getString(2));
                }
                s.execute("ALTER SESSION UNSET TIMESTAMP_TYPE_MAPPING");
                s.execute("CREATE OR REPLACE TABLE unmapped (ts TIMESTAMP)");
                try (ResultSet rs = s.executeQuery("SELECT ts FROM unmapped")) {
                    assertEquals("TIMESTAMPNTZ", rs.getMetaData().getColumnTypeName(1));
                }
            } finally {
                s.execute("ALTER SESSION UNSET TIMESTAMP_TYPE_MAPPING");
                s.execute("ALTER SESSION UNSET TIMEZONE");
            }
        }
    }

    @Test
    void aFormatWithoutAYearReadsTheYear1970() throws SQLException {
        // date-time-examples page: "If you insert a DATE that was defined with only a time, then the default date is
        // January 1, 1970"
        assertEquals(List.of("1970-01-01|1970-03-04|2024-02-20"), db.rows(
                "SELECT TO_DATE('11:20:30', 'hh:mi:ss'), TO_DATE('03-04', 'MM-DD'), TO_DATE('2024.02.20 11:15:00', 'YYYY.MM.DD HH:MI:SS')"));
        assertEquals(List.of("1970-01-01 11:20:30.000"), db.rows("SELECT TO_TIMESTAMP('11:20:30', 'HH24:MI:SS')"));
    }

    @Test
    void asDateTimeAndTimestampReadOnlyValuesOfTheirType() throws SQLException {
        // as_date, as_time, as_timestamp pages; a VARIANT of another type gives NULL
        assertEquals(List.of("2024-10-10|null|null", "null|12:34:56|null", "null|null|2024-10-10 12:34:56.000", "null|null|null",
                "null|null|null"), db.rows("SELECT AS_DATE(v), AS_TIME(v), AS_TIMESTAMP_NTZ(v) FROM variants"));
    }
    @Test
    void wallClockValuesKeepNanoseconds() throws SQLException {
        // the same values in both result formats the driver reads
        for (String format : List.of("ARROW", "JSON")) {
            try (Statement s = db.connection().createStatement()) {
                s.execute("ALTER SESSION SET JDBC_QUERY_RESULT_FORMAT = '" + format + "'");
                s.execute("ALTER SESSION SET TIMESTAMP_NTZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF9'");
                s.execute("ALTER SESSION SET TIME_OUTPUT_FORMAT = 'HH24:MI:SS.FF9'");
                try {
                    assertNanoseconds(s, format);
                } finally {
                    s.execute("ALTER SESSION UNSET TIMESTAMP_NTZ_OUTPUT_FORMAT");
                    s.execute("ALTER SESSION UNSET TIME_OUTPUT_FORMAT");
                    s.execute("ALTER SESSION UNSET JDBC_QUERY_RESULT_FORMAT");
                }
            }
        }
    }

    private static void assertNanoseconds(Statement s, String format) throws SQLException {
        // data-types-datetime page: TIMESTAMP_NTZ(9) / TIME(9); FF9 prints all nine digits
        assertEquals(List.of("2024-03-12 01:02:03.123456789|2024-03-12 01:02:03.123456789|01:02:03.123456789"
                + "|2024-03-12 01:02:03.123456000"), db.rows("SELECT '2024-03-12 01:02:03.123456789'::TIMESTAMP_NTZ,"
                + " TO_TIMESTAMP_NTZ('2024-03-12 01:02:03.123456789'), '01:02:03.123456789'::TIME,"
                + " '2024-03-12 01:02:03.123456'::TIMESTAMP_NTZ"), format);
        // dateadd page: nanosecond is a part; an interval constant's ns part (data-types-datetime page)
        assertEquals(List.of("2024-03-12 01:02:03.000000007|2027-03-30 07:31:32.841505498"), db.rows(
                "SELECT DATEADD(nanosecond, 7, '2024-03-12 01:02:03'::TIMESTAMP_NTZ), TO_DATE('2025-01-17') + INTERVAL"
                + " '1 y, 3 q, 4 mm, 5 w, 6 d, 7 h, 9 m, 8 s, 1000 ms, 445343232 us, 898498273498 ns'"), format);
        // to_timestamp page: a number with scale 9 is nanoseconds since the epoch
        assertEquals(List.of("2017-02-21 05:18:41.123456789"), db.rows("SELECT TO_TIMESTAMP(1487654321123456789, 9)"), format);
        try (ResultSet rs = s.executeQuery("SELECT '2024-03-12 01:02:03.123456789'::TIMESTAMP_NTZ")) {
            assertEquals("TIMESTAMPNTZ", rs.getMetaData().getColumnTypeName(1));
        }
    }

    @Test
    void qualifiedIntervalLiterals() throws SQLException {
        // data-types-datetime page, interval literals: a qualifier in singular or plural form; a year-month interval
        // keeps a DATE a DATE, a day-time interval makes it a timestamp
        assertEquals(List.of("2026-04-04 00:00:00.000|2026-04-04 00:00:00.000|2025-02-01|2022-12-01|2026-03-29 12:00:00.000"),
                db.rows("SELECT '2026-04-01'::DATE + INTERVAL '3' DAYS, '2026-04-01'::DATE + INTERVAL '3' DAY,"
                        + " TO_DATE('2024-01-01') + INTERVAL '1-1' YEAR TO MONTH, TO_DATE('2024-01-01') + INTERVAL '-1-1' YEARS TO MONTHS,"
                        + " '2026-04-01'::DATE - INTERVAL '2 12' DAY TO HOUR"));
        // interval constants: a number without a date or time part is seconds
        assertEquals(List.of("2024-01-01 00:00:02.000|2024-01-01 00:01:03.000"), db.rows(
                "SELECT '2024-01-01'::TIMESTAMP_NTZ + INTERVAL '2', '2024-01-01'::TIMESTAMP_NTZ + INTERVAL '1 minute, 3'"));
    }

    @Test
    void autoFormatsWithNamesAndATwelveHourClock() throws SQLException {
        // date-time-input-output page, supported formats for AUTO detection: DY, DD MON YYYY HH24:MI:SS TZHTZM;
        // DY, DD MON YYYY HH12:MI:SS AM TZHTZM; DY MON DD HH24:MI:SS TZHTZM YYYY; HH12:MI:SS AM
        try (Statement s = db.connection().createStatement()) {
            s.execute("ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
            try {
                assertEquals(List.of("2024-01-01 10:00:00.000|2024-01-01 10:00:00.000 -0800|2013-07-08 18:09:51.000 Z"
                        + "|2000-12-21 06:01:07.000 -0800"), db.rows("SELECT TO_TIMESTAMP('Mon, 01 Jan 2024 10:00:00 -0800'),"
                        + " TO_TIMESTAMP_TZ('Mon, 01 Jan 2024 10:00:00 -0800'), TO_TIMESTAMP_TZ('Mon Jul 08 18:09:51 +0000 2013'),"
                        + " TO_TIMESTAMP_LTZ('Thu, 21 Dec 2000 04:01:07 PM +0200')"));
                assertEquals(List.of("22:00:00|00:30:00|23:15:20"), db.rows(
                        "SELECT TO_TIME('10:00:00 PM'), TO_TIME('12:30 AM'), '11:15:20.5 pm'::TIME"));
                // date-time-examples page: a text column compared as a DATE reads the RFC form
                assertEquals(List.of("Fri, 05 Apr 2013 00:00:00 -0700"), db.rows("SELECT t FROM (SELECT 'Fri, 05 Apr 2013 00:00:00 -0700'"
                        + " AS t UNION ALL SELECT 'Wed, 01 Jan 2020 00:00:00 -0800') WHERE t::DATE < '2014-01-01'::DATE"));
            } finally {
                s.execute("ALTER SESSION UNSET TIMEZONE");
            }
        }
    }

    @Test
    void timesWrittenWithAFormatAndDatesFromEpochSeconds() throws SQLException {
        // to_char page: a TIME with a format; functions-date-time page: TO_DATE supports integers (seconds since the epoch)
        assertEquals(List.of("10:20 AM|23 h 05|2024-04-05|1970-01-01"), db.rows("SELECT TO_VARCHAR('10:20:30'::TIME, 'HH12:MI AM'),"
                + " TO_CHAR('23:05:00'::TIME, 'HH24 \"h\" MI'), TO_DATE(1712345678), DATE(0)"));
        assertEquals(List.of("08:50 AM"), db.rows("SELECT TO_VARCHAR(t, 'HH12:MI AM') FROM clock"));
    }

    @Test
    void offsetElementsInTextFormats() throws SQLException {
        // to_char page with the format elements of functions-conversion: TZH:TZM, TZHTZM, TZH; a TIMESTAMP_TZ writes its
        // own offset, a TIMESTAMP_LTZ the session zone's at that instant
        try (Statement s = db.connection().createStatement()) {
            s.execute("ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
            try {
                assertEquals(List.of("2024-04-05 01:02 -07:00|-0800|01 -08|2024-04-05 01:02:03 +05:30|01:02 -0330"), db.rows(
                        "SELECT TO_CHAR('2024-04-05 01:02:03'::TIMESTAMP_LTZ, 'YYYY-MM-DD HH24:MI TZH:TZM'),"
                        + " TO_CHAR('2024-01-05 01:02:03'::TIMESTAMP_LTZ, 'TZHTZM'), TO_CHAR('2024-01-05 01:02:03'::TIMESTAMP_LTZ, 'HH24 TZH'),"
                        + " TO_CHAR('2024-04-05 01:02:03 +05:30'::TIMESTAMP_TZ, 'YYYY-MM-DD HH24:MI:SS TZH:TZM'),"
                        + " TO_VARCHAR(TO_TIMESTAMP_TZ('2024-04-05 01:02:03 -0330'), 'HH24:MI TZHTZM')"));
            } finally {
                s.execute("ALTER SESSION UNSET TIMEZONE");
            }
        }
    }

    @Test
    void nanosecondPartsOfWallClockValues() throws SQLException {
        // date_part page (nanosecond), datediff page (nanosecond) on TIMESTAMP_NTZ(9) values
        assertEquals(List.of("123456789|123456789|123456000|500000000|01:00:00"), db.rows(
                "SELECT DATE_PART(nanosecond, '2024-04-05 01:02:03.123456789'::TIMESTAMP_NTZ),"
                + " DATEDIFF(nanosecond, '2024-04-05 01:02:03'::TIMESTAMP_NTZ, '2024-04-05 01:02:03.123456789'::TIMESTAMP_NTZ),"
                + " DATE_PART(nanosecond, '2024-04-05 01:02:03.123456'::TIMESTAMP_NTZ),"
                + " DATEDIFF(nanosecond, '2024-04-05 01:02:03'::TIMESTAMP_NTZ, '2024-04-05 01:02:03.5'::TIMESTAMP_NTZ), TO_TIME(3600)"));
    }

    @Test
    void aVariantNumberIsAnInstantAndAVariantStringIsText() throws SQLException {
        // to_timestamp page, usage notes: a number inside a VARIANT is converted through the session zone, a plain
        // integer is not; a string inside a VARIANT is read as text (digits are seconds since the epoch, UTC)
        try (Statement s = db.connection().createStatement()) {
            s.execute("ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
            try {
                assertEquals(List.of("1970-01-01 00:00:00.000|1969-12-31 16:00:00.000|1970-01-01 00:00:00.000|1969-12-31 16:00:01.500"
                        + "|1970-01-01 00:00:00.000|2024-01-02 03:04:05.000|null"), db.rows("SELECT 0::TIMESTAMP_NTZ,"
                        + " PARSE_JSON(0)::TIMESTAMP_NTZ, PARSE_JSON(0)::INT::TIMESTAMP_NTZ, TRY_TO_TIMESTAMP_NTZ(PARSE_JSON(1.5)),"
                        + " PARSE_JSON('\"0\"')::TIMESTAMP_NTZ, TO_TIMESTAMP_NTZ(PARSE_JSON('\"2024-01-02 03:04:05\"')),"
                        + " PARSE_JSON('null')::TIMESTAMP_NTZ"));
                assertEquals(List.of("1969-12-31 16:00:00.000 -0800"), db.rows("SELECT PARSE_JSON(0)::TIMESTAMP_LTZ"));
            } finally {
                s.execute("ALTER SESSION UNSET TIMEZONE");
            }
        }
    }

    @Test
    void timesWithNanosecondsCompareByAllNineDigits() throws SQLException {
        // datediff page ("nanosecond uses the hour, minute, second, and all nine digits"), date_part page (nanosecond),
        // on TIME(9) values, also against a TIME without fraction
        assertEquals(List.of("123456789|123456789|1|1500|7"), db.rows(
                "SELECT DATE_PART(nanosecond, '01:02:03.123456789'::TIME),"
                + " DATEDIFF(nanosecond, '01:02:03'::TIME, '01:02:03.123456789'::TIME),"
                + " DATEDIFF(second, '01:02:03'::TIME, '01:02:04.500000001'::TIME),"
                + " TIMEDIFF(millisecond, '01:02:03.000000009'::TIME, '01:02:04.500000001'::TIME),"
                + " TIMESTAMPDIFF(nanosecond, '2024-04-05 01:02:03'::TIMESTAMP_NTZ, '2024-04-05 01:02:03.000000007'::TIMESTAMP_NTZ)"));
    }

    @Test
    void addingToATimeWithNanosecondsKeepsThemAndWrapsAtMidnight() throws SQLException {
        // dateadd page (time parts of a TIME), data-types-datetime page (TIME keeps up to nine digits)
        assertEquals(List.of("01:02:04|123456789|123456794|00:02:03|123456789"), db.rows(
                "SELECT DATEADD(second, 1, '01:02:03.123456789'::TIME),"
                + " DATE_PART(nanosecond, DATEADD(second, 1, '01:02:03.123456789'::TIME)),"
                + " DATE_PART(nanosecond, TIMEADD(nanosecond, 5, '01:02:03.123456789'::TIME)),"
                + " DATEADD(hour, 23, '01:02:03.123456789'::TIME), DATE_PART(nanosecond, DATEADD(hour, 23, '01:02:03.123456789'::TIME))"));
    }

    @Test
    void toCharOfATimeWritesAllNineDigits() throws SQLException {
        // to_char page (FF9 of a TIME), data-types-datetime page (TIME(9) keeps nanoseconds)
        assertEquals(List.of("01:02:04.123456789|01:02:03.123 PM|01:02:03.500000000"), db.rows(
                "SELECT TO_CHAR(DATEADD(second, 1, '01:02:03.123456789'::TIME), 'HH24:MI:SS.FF9'),"
                + " TO_CHAR('13:02:03.123456789'::TIME, 'HH12:MI:SS.FF3 AM'), TO_CHAR('01:02:03.5'::TIME, 'HH24:MI:SS.FF9')"));
    }

    @Test
    void timesWithNanosecondsCompareWithPlainTimes() throws SQLException {
        // data-types-datetime page (TIME: precision 0 to 9; any two TIME values compare), comparison-operators page
        assertEquals(List.of("TRUE|FALSE|TRUE|TRUE|FALSE|TRUE"), db.rows(
                "SELECT '01:02:03.123456789'::TIME > '01:02:03'::TIME, '01:02:03.123456789'::TIME = '01:02:03.123456'::TIME,"
                + " TIME_FROM_PARTS(1, 2, 3, 5) < '01:02:03.123456789'::TIME, '01:02:03.123456789'::TIME <> t,"
                + " '01:02:03.123456789'::TIME NOT BETWEEN '01:00:00'::TIME AND '02:00:00'::TIME,"
                + " '01:02:03.123456789'::TIME BETWEEN '01:02:03.123456'::TIME AND '01:02:03.1234568'::TIME FROM clock"));
        // in page, greatest / least pages: TIME(9) and TIME values in one list
        assertEquals(List.of("TRUE|FALSE|123456789|0"), db.rows("SELECT '01:02:03.123456789'::TIME IN ('01:00:00'::TIME,"
                + " TIME_FROM_PARTS(1, 2, 3, 123456789)), '01:02:03'::TIME NOT IN (t, '01:02:03'::TIME),"
                + " DATE_PART(nanosecond, GREATEST(t, '23:02:03.123456789'::TIME)), DATE_PART(nanosecond, LEAST('00:00:01'::TIME,"
                + " '23:02:03.123456789'::TIME)) FROM clock"));
    }

    @Test
    void dateTruncOfATimeWithNanosecondsAndItsParts() throws SQLException {
        // date_trunc page (a TIME truncated to a time part), hour-minute-second page (HOUR/MINUTE/SECOND of a TIME)
        assertEquals(List.of("01:02:03.000000000|01:02:03.123000000|01:02:03.123456789|01:00:00.000000000|1|2|3"), db.rows(
                "SELECT TO_CHAR(DATE_TRUNC('second', '01:02:03.123456789'::TIME), 'HH24:MI:SS.FF9'),"
                + " TO_CHAR(DATE_TRUNC('millisecond', '01:02:03.123456789'::TIME), 'HH24:MI:SS.FF9'),"
                + " TO_CHAR(DATE_TRUNC('nanosecond', '01:02:03.123456789'::TIME), 'HH24:MI:SS.FF9'),"
                + " TO_CHAR(DATE_TRUNC('hour', '01:02:03.123456789'::TIME), 'HH24:MI:SS.FF9'),"
                + " HOUR('01:02:03.123456789'::TIME), MINUTE('01:02:03.123456789'::TIME), SECOND('01:02:03.123456789'::TIME)"));
    }
}
