package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Conversions as Snowflake's SQL reference documents them (page named beside each example: to_decimal,
 * try_to_decimal, to_char, cast, try_cast), through snowflake-jdbc.
 */
class ConversionFunctionsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("CONVF",
            "CREATE TABLE n (v NUMBER(8,3))", "INSERT INTO n VALUES (-12.391), (0), (3987), (0.1)");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', nullValues = "NULL", value = {
        "to_decimal     # TO_DECIMAL('ae5', 'XXX') # 2789",
        "to_decimal     # TO_DECIMAL('3,741.72', '9,999.99', 6, 2) # 3741.72",
        "to_decimal     # TO_DECIMAL('$3,741.72', '$9,999.99', 6, 2) # 3741.72",
        "to_decimal     # TO_DECIMAL('- 0.1', 'TM9', 9, 5) # -0.10000",
        "to_decimal     # TO_DECIMAL('-12.3', '99.9') # -12",
        "try_to_decimal # TRY_TO_DECIMAL('$7,543.21', '9,999.99', 6, 2) # NULL",
        "to_char        # TO_VARCHAR(LOG(3, 4)) # 1.261859507",
        "to_char        # TO_CHAR(3::FLOAT) # 3",
        "try_cast       # TRY_CAST('ABCD' AS CHAR(2)) # NULL",
        "try_cast       # TRY_CAST('AB' AS CHAR(2)) # AB",
        "to_double      # TO_DOUBLE(1.1)::NUMBER(38, 18) # 1.100000000000000089",
        "to_double      # TRY_CAST(TO_DOUBLE('nan') AS NUMBER(10, 2)) # NULL",
        "to_boolean     # TO_BOOLEAN(-0.5) # TRUE",
    })
    void documentedExample(String page, String expression, String expected) throws SQLException {
        assertEquals(List.of(String.valueOf(expected)), db.rows("SELECT " + expression), page + ": " + expression);
    }

    @Test
    void numberFormatModelsPadSignAndOverflow() throws SQLException {
        // to_char page: fixed-width digit positions, the sign and $ next to the first digit, # when too wide
        assertEquals(List.of(">-$12.4<|>   -12.4<|>-1.2391E1<|>FFF4<|>-000C<", ">  $0.0<|>      .0<|>0E0<|>0000<|>+0000<",
                        ">  $0.1<|>      .1<|>1E-1<|>0000<|>+0000<", "> $##.#<|> 3,987.0<|>3.987E3<|>0F93<|>+0F93<"),
                db.rows("SELECT TO_CHAR(v, '\">\"$99.0\"<\"'), TO_CHAR(v, '\">\"B9,999.0\"<\"'), TO_CHAR(v, '\">\"TME\"<\"'), "
                        + "TO_CHAR(v, '\">\"0XXX\"<\"'), TO_CHAR(v, '\">\"S0XXX\"<\"') FROM n ORDER BY v"));
    }

    @Test
    void errorsAreSnowflakes() {
        // to_decimal page: a hex value wider than the format; cast page: a string too long for VARCHAR(n)
        SQLException hex = assertThrows(SQLException.class, () -> db.rows("SELECT TO_DECIMAL('ae5', 'XX')"));
        assertEquals(100140, hex.getErrorCode(), hex.getMessage());
        SQLException tooLong = assertThrows(SQLException.class, () -> db.rows("SELECT CAST('9.8765' AS VARCHAR(4))"));
        assertEquals(100078, tooLong.getErrorCode(), tooLong.getMessage());
        SQLException notANumber = assertThrows(SQLException.class, () -> db.rows("SELECT TO_DECIMAL('$7,543.21', '9,999.99', 6, 2)"));
        assertEquals(100038, notANumber.getErrorCode(), notANumber.getMessage());
    }
}
