package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Date functions as Snowflake's SQL reference documents them (the page is named beside each example), through
 * snowflake-jdbc: a DATE stays a DATE, months clamp to their end, weeks follow WEEK_START / WEEK_OF_YEAR_POLICY.
 */
class DateFunctionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("DATEF",
            "CREATE TABLE accounts (id INT, billing_date DATE, balance_due NUMBER(11, 2))",
            "INSERT INTO accounts VALUES (1, '2018-07-31', 100.00), (2, '2018-08-01', 200.00), (3, '2018-08-25', 400.00)");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        "dateadd        # DATEADD(month, 1, '2023-01-31'::DATE) # 2023-02-28",
        "dateadd        # DATEADD(year, 2, '2022-04-05'::DATE) # 2024-04-05",
        "dateadd        # DATEADD(hour, 2, '2022-04-05'::DATE) # 2022-04-05 02:00:00.000",
        "dateadd        # DATEADD(month, 1, '2023-01-31 10:00:00'::TIMESTAMP_NTZ) # 2023-02-28 10:00:00.000",
        "add_months     # ADD_MONTHS('2016-02-29'::DATE, 1) # 2016-03-31",
        "add_months     # ADD_MONTHS('2016-05-31'::DATE, -1) # 2016-04-30",
        "add_months     # ADD_MONTHS('2016-05-15'::TIMESTAMP_NTZ, 2) # 2016-07-15 00:00:00.000",
        "date_trunc     # DATE_TRUNC('MONTH', '2024-05-09'::DATE) # 2024-05-01",
        "date_trunc     # DATE_TRUNC('WEEK', '2024-05-09'::DATE) # 2024-05-06",
        "date_trunc     # DATE_TRUNC('HOUR', '2024-05-09 08:50:57.891'::TIMESTAMP_NTZ) # 2024-05-09 08:00:00.000",
        "dayname        # DAYNAME('2024-04-01'::DATE) # Mon",
        "monthname      # MONTHNAME('2024-01-01'::DATE) # Jan",
        "last_day       # LAST_DAY('2024-05-08'::DATE, 'year') # 2024-12-31",
        "last_day       # LAST_DAY('2024-02-08'::DATE) # 2024-02-29",
        "last_day       # LAST_DAY('2024-05-08'::DATE, 'quarter') # 2024-06-30",
        "date_from_parts # DATE_FROM_PARTS(2004, 2, 1) # 2004-02-01",
        "date_from_parts # DATE_FROM_PARTS(2004, 1, -1) # 2003-12-30",
        "date_from_parts # DATE_FROM_PARTS(2010, 1, 100) # 2010-04-10",
        "months_between # MONTHS_BETWEEN('2019-03-01'::DATE, '2019-02-15'::DATE) # 0.548387",
        "months_between # MONTHS_BETWEEN('2019-03-31'::DATE, '2019-02-28'::DATE) # 1.000000",
        "months_between # MONTHS_BETWEEN('2019-03-01 02:00:00'::TIMESTAMP, '2019-02-15 01:00:00'::TIMESTAMP) # 0.549731",
        "time_slice     # TIME_SLICE('2019-02-28'::DATE, 4, 'MONTH', 'START') # 2019-01-01",
        "time_slice     # TIME_SLICE('2019-02-28'::DATE, 4, 'MONTH', 'END') # 2019-05-01",
        "time_slice     # TIME_SLICE('2019-02-28T12:34:56.789'::TIMESTAMP_NTZ, 8, 'HOUR') # 2019-02-28 08:00:00.000",
        "date_part      # DATE_PART(epoch_second, '2024-04-08 23:39:20.123'::TIMESTAMP_NTZ) # 1712619560",
        "date_part      # DATE_PART(epoch_millisecond, '2024-04-08 23:39:20.123'::TIMESTAMP_NTZ) # 1712619560123",
        "date_part      # DATE_PART(quarter, '2024-04-08'::DATE) # 2",
        "extract        # EXTRACT(year FROM '2024-04-10 23:39:20.123'::TIMESTAMP_NTZ) # 2024",
        "date_trunc     # EXTRACT('quarter', '2024-05-09 08:50:57.891'::TIMESTAMP_NTZ) # 2",
        "to_date        # TO_DATE('2024-05-10', 'AUTO') # 2024-05-10",
        "year           # WEEKISO('2016-01-02'::DATE) # 53",
        "year           # YEAROFWEEKISO('2016-01-02'::DATE) # 2015",
        "year           # DAYOFWEEKISO('2025-04-05'::DATE) # 6",
        "year           # DAYOFWEEK('2025-04-05'::DATE) # 6",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), db.rows("SELECT " + expression), page + ": " + expression);
    }

    @Test
    void dateaddOfADateIsADateInTheMetadata() throws SQLException {
        // dateadd page: "If date_or_time_expr is a date ... the return value is a date" for date parts
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DATEADD(day, 1, billing_date), DATE_TRUNC('month', billing_date), DATEADD(hour, 1, billing_date) FROM accounts")) {
            assertEquals("DATE", rs.getMetaData().getColumnTypeName(1));
            assertEquals("DATE", rs.getMetaData().getColumnTypeName(2));
            assertEquals("TIMESTAMPNTZ", rs.getMetaData().getColumnTypeName(3));
        }
    }

    @Test
    void timeSliceGroupsIntoWeeksCountedFromAMonday() throws SQLException {
        // time_slice page: two-week slices of billing dates
        assertEquals(List.of("2018-07-23|2018-08-06|2|300.00", "2018-08-20|2018-09-03|1|400.00"), db.rows("SELECT TIME_SLICE(billing_date, 2, 'WEEK', 'START') AS s, TIME_SLICE(billing_date, 2, 'WEEK', 'END') AS e,"
                        + " COUNT(*), SUM(balance_due) FROM accounts GROUP BY s, e ORDER BY s"));
    }

    @Test
    void weeksFollowTheSessionsWeekStartAndPolicy() throws SQLException {
        // year page ("Calendar weeks and weekdays"): WEEK_OF_YEAR_POLICY = 1 makes the week of January 1 week 1
        try (Connection own = db.fixture().connect(); Statement s = own.createStatement()) {
            s.execute("ALTER SESSION SET WEEK_OF_YEAR_POLICY = 1");
            assertEquals(List.of("1|53|2016|2015"), rows(own, "SELECT WEEK('2016-01-02'::DATE), WEEKISO('2016-01-02'::DATE),"
                    + " YEAROFWEEK('2016-01-02'::DATE), YEAROFWEEKISO('2016-01-02'::DATE)"));
            s.execute("ALTER SESSION SET WEEK_START = 7");
            assertEquals(List.of("7|6"), rows(own, "SELECT DAYOFWEEK('2025-04-05'::DATE), DAYOFWEEKISO('2025-04-05'::DATE)"));
            s.execute("ALTER SESSION SET WEEK_START = 1");
            assertEquals(List.of("6|2025-03-31"), rows(own, "SELECT DAYOFWEEK('2025-04-05'::DATE), DATE_TRUNC('week', '2025-04-05'::DATE)"));
        }
    }
}
