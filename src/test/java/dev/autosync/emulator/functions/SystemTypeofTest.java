package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SYSTEM$TYPEOF as the system_typeof, cast and data-types-datetime pages show it, through snowflake-jdbc. */
class SystemTypeofTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("TYPEOFS",
            "CREATE TABLE conv (varchar_value VARCHAR, number_value NUMBER(5,4), timestamp_value TIMESTAMP_NTZ, f FLOAT, b BINARY)",
            "INSERT INTO conv SELECT '9.8765', 1.2345, '2024-05-09 14:32:29.135', 1.5, X'AB'");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "system_typeof # NULL # NULL[LOB]",
        "system_typeof # 1 # NUMBER(1,0)[SB1]",
        "system_typeof # 1e10 # NUMBER(11,0)[SB8]",
        "system_typeof # 10000 # NUMBER(5,0)[SB2]",
        "system_typeof # 'something' # VARCHAR(9)[LOB]",
        "system_typeof # CONCAT('every', 'body') # VARCHAR(9)[LOB]",
        "data-types-datetime # TO_TIMESTAMP('2025-10-05 01:02:03') - TO_TIMESTAMP('2025-09-15 11:36:22') # INTERVAL DAY(9) TO SECOND(9)[SB16]",
        "(types of values) # 12.50 # NUMBER(4,2)[SB2]",
        "(types of values) # TRUE # BOOLEAN[SB1]",
        "(types of values) # '2024-01-01'::DATE # DATE[SB4]",
        "(types of values) # 'x'::VARCHAR(20) # VARCHAR(20)[LOB]",
    })
    void literalsAndExpressions(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), db.rows("SELECT SYSTEM$TYPEOF(" + expression + ")"), page + ": " + expression);
    }

    /** cast page: SYSTEM$TYPEOF of a select-list alias types the aliased cast; a column reads its own type. */
    @Test
    void castPageExamples() throws SQLException {
        assertEquals(List.of("9.88|NUMBER(5,2)[SB4]"), db.rows("SELECT CAST(varchar_value AS NUMBER(5,2)) AS varchar_to_number1, SYSTEM$TYPEOF(varchar_to_number1) FROM conv"));
        assertEquals(List.of("9.87650|NUMBER(6,5)[SB4]"), db.rows("SELECT varchar_value::NUMBER(6,5) AS varchar_to_number2, SYSTEM$TYPEOF(varchar_to_number2) FROM conv"));
        assertEquals(List.of("1|NUMBER(38,0)[SB1]"), db.rows("SELECT CAST(number_value AS INTEGER) AS number_to_integer, SYSTEM$TYPEOF(number_to_integer) FROM conv"));
        assertEquals(List.of("1.2345|VARCHAR[LOB]"), db.rows("SELECT CAST(number_value AS VARCHAR) AS number_to_varchar, SYSTEM$TYPEOF(number_to_varchar) FROM conv"));
        assertEquals(List.of("VARCHAR(16777216)[LOB]|VARCHAR(9)[LOB]|DATE[SB4]"), db.rows("SELECT SYSTEM$TYPEOF(varchar_value), CAST(varchar_value AS VARCHAR(9)) AS converted_varchar,"
                        + " SYSTEM$TYPEOF(converted_varchar), CAST(timestamp_value AS DATE) AS d, SYSTEM$TYPEOF(d) FROM conv")
                        .stream().map(r -> r.replaceFirst("\\|9\\.8765\\|", "|").replaceFirst("\\|2024-05-09\\|", "|")).toList());
        assertEquals(List.of("NUMBER(5,4)[SB4]|TIMESTAMP_NTZ(9)[SB8]|FLOAT[DOUBLE]|BINARY(8388608)[LOB]"), db.rows("SELECT SYSTEM$TYPEOF(number_value), SYSTEM$TYPEOF(timestamp_value), SYSTEM$TYPEOF(f), SYSTEM$TYPEOF(b) FROM conv"));
    }
}
