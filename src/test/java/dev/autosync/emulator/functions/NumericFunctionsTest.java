package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numeric functions and arithmetic as Snowflake's SQL reference documents them (the page is named beside
 * each example: operators-arithmetic, round, trunc, floor, ceil, div0, haversine), through snowflake-jdbc.
 */
class NumericFunctionsTest {
    // FLOAT text as Snowflake renders it on these pages (the JSON format's text; ARROW leaves it to the driver)
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.namedJson("NUMF",
            "CREATE TABLE t (n FLOAT, scale INTEGER, d NUMBER(10,3))",
            "INSERT INTO t VALUES (-975.975, -1, -975.975), (-975.975, 2, 135.135)");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', value = {
        "operators-arithmetic # 2 / 7 # 0.285714",
        "operators-arithmetic # 10.1 / 2.1 # 4.8095238",
        "operators-arithmetic # 10.001 / 0.001 # 10001.000000000",
        "operators-arithmetic # .1 / .0000000000001 # 1000000000000.0000000",
        "operators-arithmetic # .1 * .0000000000001 # 0.0000000000000",
        "round                # ROUND(2.5, 0, 'HALF_TO_EVEN') # 2",
        "round                # ROUND(-2.5, 0) # -3",
        "round                # ROUND(EXPR => -2.5, SCALE => 0, ROUNDING_MODE => 'HALF_TO_EVEN') # -2",
        "floor                # FLOOR(-975.975, 1) # -976.0",
        "ceil                 # CEIL(-975.975, -1) # -970",
        "trunc                # TRUNCATE(-975.975, 2) # -975.97",
        "div0                 # DIV0(1, 2) # 0.500000",
        "div0                 # DIV0(1, 0) # 0.000000",
        "haversine            # HAVERSINE(40.7127, -74.0059, 34.0500, -118.2500)::NUMBER(20, 9) # 3936.385096389",
        "haversine            # HAVERSINE(0, 0, 0, 180)::NUMBER(20, 9) # 20015.086796021",
        "haversine            # HAVERSINE(10, 20, 10, 20) # 0",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(expected), db.rows("SELECT " + expression), page + ": " + expression);
    }

    @Test
    void aQuotientOfLiteralsHasSnowflakesScaleInTheMetadata() throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT 2 n1, 7 n2, n1 / n2")) {
            assertEquals(6, rs.getMetaData().getScale(3));
        }
    }

    @Test
    void roundingAColumnWithAColumnScaleAndFloatText() throws SQLException {
        // round / floor / trunc pages: the scale may be a column; a FLOAT that is whole reads without a fraction
        assertEquals(List.of("-980|-980|-970|-970", "-975.98|-975.98|-975.97|-975.97"),
                db.rows("SELECT ROUND(n, scale), FLOOR(n, scale), CEIL(n, scale), TRUNC(n, scale) FROM t ORDER BY scale"));
    }
}
