package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Timestamps, times and intervals as Snowflake documents them (pages named beside each example: to_timestamp,
 * date-time-input-output, timestamp_from_parts, convert_timezone, data-types-datetime, to_time), through snowflake-jdbc.
 */
class TimestampFunctionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("TSF",
            "CREATE TABLE demo1 (description VARCHAR, value VARCHAR)",
            "INSERT INTO demo1 VALUES ('Seconds', '31536000'), ('Milliseconds', '31536000000'),"
                    + " ('Microseconds', '31536000000000'), ('Nanoseconds', '31536000000000000')");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        "date-time-input-output # TO_TIMESTAMP('1487654321') # 2017-02-21 05:18:41.000",
        "date-time-input-output # TO_TIMESTAMP('1487654321321') # 2017-02-21 05:18:41.321",
        "to_timestamp           # TO_TIMESTAMP(1000000000, 3) # 1970-01-12 13:46:40.000",
        "to_timestamp           # TO_TIMESTAMP(1000000000, 9) # 1970-01-01 00:00:01.000",
        "to_timestamp           # 0::TIMESTAMP_NTZ # 1970-01-01 00:00:00.000",
        "data-types-datetime    # TO_TIMESTAMP('2024-01-01 08:08:08.99') + INTERVAL '1 01:01:01.7878' DAY TO SECOND # 2024-01-02 09:09:10.777",
        "data-types-datetime    # '2024-01-31'::DATE + INTERVAL '1-2' YEAR TO MONTH # 2025-03-31",
        "data-types-datetime    # TO_TIMESTAMP('2024-01-01 00:00:00') - INTERVAL '-01:30' HOUR(2) TO MINUTE # 2024-01-01 01:30:00.000",
        "to_timestamp           # 1.5::TIMESTAMP_NTZ # 1970-01-01 00:00:01.500",
        "to_timestamp           # CAST(86400 + 0 AS TIMESTAMP_NTZ) # 1970-01-02 00:00:00.000",
        "to_timestamp           # TO_TIMESTAMP_NTZ(40 * 365.25 * 86400) # 2010-01-01 00:00:00.000",
        "to_timestamp           # TO_TIMESTAMP_NTZ('2024-01-17 19:00:00.000 -0800') # 2024-01-17 19:00:00.000",
        "to_time                # TO_TIME('11.15.00', 'HH24.MI.SS') # 11:15:00",
        "to_time                # TIME('13:30:00.000') # 13:30:00",
        "timestamp_from_parts   # TIMESTAMP_FROM_PARTS(2013, 4, 5, 12, 0, -3600) # 2013-04-05 11:00:00.000",
        "timestamp_from_parts   # TIMESTAMP_NTZ_FROM_PARTS(TO_DATE('2013-04-05'), TO_TIME('12:00:00')) # 2013-04-05 12:00:00.000",
        "convert_timezone       # CONVERT_TIMEZONE('America/Los_Angeles', 'America/New_York', '2024-01-01 14:00:00'::TIMESTAMP_NTZ) # 2024-01-01 17:00:00.000",
        "data-types-datetime    # TO_DATE('2019-02-28') + INTERVAL '1 day, 1 year' # 2020-03-01",
        "data-types-datetime    # TO_DATE('2019-02-28') + INTERVAL '1 year, 1 day' # 2020-02-29",
        "data-types-datetime    # TO_TIME('04:15:29') + INTERVAL '3 hours, 18 minutes' # 07:33:29",
        "data-types-datetime    # TO_DATE('2023-04-15') + INTERVAL '1 year' # 2024-04-15",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), db.rows("SELECT " + expression), page + ": " + expression);
    }

    @Test
    void fromPartsKeepNanoseconds() throws SQLException {
        // time_from_parts and timestamp_from_parts pages: the nanosecond part is kept to nine digits
        try (Connection own = db.fixture().connect("TSF", "PUBLIC")) {
            EmulatorFixture.execute(own, "ALTER SESSION SET TIME_OUTPUT_FORMAT = 'HH24:MI:SS.FF9'",
                    "ALTER SESSION SET TIMESTAMP_NTZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF9'");
            assertEquals(List.of("12:34:56.987654321|01:40:00.000000000"),
                    rows(own, "SELECT TIME_FROM_PARTS(12, 34, 56, 987654321), TIME_FROM_PARTS(0, 100, 0, 0)"));
            assertEquals(List.of("2013-04-05 12:00:00.987654321|2013-04-05 11:00:00.000000000"), rows(own,
                    "SELECT TIMESTAMP_NTZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 987654321), TIMESTAMP_FROM_PARTS(2013, 4, 5, 12, 0, -3600)"));
        }
    }

    @Test
    void integerStringsAreSecondsToNanosecondsBySize() throws SQLException {
        // to_timestamp page: a string of digits in a column
        assertEquals(List.of("1971-01-01 00:00:00.000|1971-01-01"), db.rows("SELECT DISTINCT TO_TIMESTAMP(value), TO_DATE(value) FROM demo1"));
    }

    @Test
    void timestampsWithASpacedOffsetAreReadInInsertsAndCasts() throws SQLException {
        // date-time-input-output / data-types-datetime pages: '2024-01-02 16:00:00 +00:00'
        try (Connection own = db.fixture().connect("TSF", "PUBLIC"); Statement s = own.createStatement()) {
            s.execute("ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'");
            s.execute("CREATE TABLE ts_test (ltz TIMESTAMP_LTZ, ntz TIMESTAMP_NTZ, txt VARCHAR)");
            s.execute("INSERT INTO ts_test VALUES ('2024-01-02 16:00:00 +00:00', '2024-01-02 16:00:00 +00:00', '2024-01-02 16:00:00 +00:00')");
            assertEquals(List.of("2024-01-02 08:00:00.000 -0800|8|2024-01-02 16:00:00.000|2024-01-02 16:00:00 +00:00"),
                    rows(own, "SELECT ltz, HOUR(ltz), ntz, txt FROM ts_test"));
            s.execute("ALTER SESSION SET TIMEZONE = 'America/New_York'");
            assertEquals(List.of("2024-01-02 11:00:00.000 -0500|11"), rows(own, "SELECT ltz, HOUR(ltz) FROM ts_test"));
            assertEquals(List.of("2013-04-05 12:00:00.000 -0400"), rows(own, "SELECT TIMESTAMP_LTZ_FROM_PARTS(2013, 4, 5, 12, 00, 00)"));
        }
    }
}
