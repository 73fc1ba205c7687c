package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.execute;
import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BINARY values as Snowflake documents them (pages: binary-input-output, to_binary, try_to_binary, hex_decode_binary,
 * base64_decode_binary, to_boolean), through snowflake-jdbc in both result formats (ARROW and JSON must agree).
 */
class BinaryValuesTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        try (Connection c = fx.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE BINV");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Connection connect(String format) throws SQLException {
        return format.equals("JSON") ? fx.connectJson("BINV", "PUBLIC") : fx.connect("BINV", "PUBLIC");
    }

    /** binary-input-output page: the text is hex digits (BINARY_INPUT_FORMAT HEX), shown again as hex digits. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void hexTextIsDecodedAndShownAsHex(String format) throws SQLException {
        try (Connection c = connect(format)) {
            String t = "bio_" + format;
            execute(c, "CREATE OR REPLACE TABLE " + t + " (v VARCHAR, b BINARY)",
                    "INSERT INTO " + t + " (v, b) SELECT 'AB', TO_BINARY('AB')");
            assertEquals(List.of("AB|AB"), rows(c, "SELECT v, b FROM " + t));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT b, TO_VARCHAR(b), b::VARCHAR FROM " + t)) {
                rs.next();
                assertArrayEquals(new byte[] {(byte) 0xAB}, rs.getBytes(1), "one byte, not the two characters");
                assertEquals("BINARY", rs.getMetaData().getColumnTypeName(1));
                assertEquals("AB", rs.getString(2));
                assertEquals("AB", rs.getString(3));
            }
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT TO_BINARY('HELP', 'HEX')"));
            assertEquals(100115, e.getErrorCode());
            assertTrue(e.getMessage().contains("The following string is not a legal hex-encoded value: 'HELP'"), e.getMessage());
        }
    }

    /** Issue 15 / snowflake-jdbc: a hex string inserted into a BINARY column stores the decoded bytes; a bound byte[] too. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void insertedHexAndBoundBytesAreStoredAsBytes(String format) throws SQLException {
        try (Connection c = connect(format)) {
            String t = "ins_" + format;
            execute(c, "CREATE OR REPLACE TABLE " + t + " (id INT, b BINARY)", "INSERT INTO " + t + " VALUES (1, '48656C6C6F'), (2, NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " VALUES (3, ?)")) {
                ps.setBytes(1, new byte[] {0, (byte) 0xFF, 0x5C, 0x41});
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, b, TO_VARCHAR(b, 'UTF-8') FROM " + t
                    + " WHERE id = 1")) {
                rs.next();
                assertArrayEquals("Hello".getBytes(StandardCharsets.UTF_8), rs.getBytes(2));
                assertEquals("48656C6C6F", rs.getString(2));
                assertEquals("Hello", rs.getString(3));
            }
            assertEquals(List.of("2|null|null", "3|00FF5C41|AP9cQQ=="),
                    rows(c, "SELECT id, TO_VARCHAR(b), TO_VARCHAR(b, 'BASE64') FROM " + t + " WHERE id > 1 ORDER BY id"));
            // BINARY operands compare by their bytes; X'..' is a BINARY constant
            assertEquals(List.of("1|TRUE|TRUE"), rows(c, "SELECT id, b = TO_BINARY('48656c6c6f'), b = X'48656C6C6F' FROM " + t
                    + " WHERE id = 1"));
        }
    }

    /** to_binary, try_to_binary, hex_decode_binary, base64_decode_binary pages. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void documentedConversions(String format) throws SQLException {
        try (Connection c = connect(format)) {
            assertEquals(List.of("534E4F57|534E4F57"), rows(c, "SELECT TO_BINARY('SNOW', 'utf-8'), TO_VARCHAR(TO_BINARY('SNOW', 'utf-8'), 'HEX')"));
            assertEquals(List.of("null|null|null|48656C6C6F"),
                    rows(c, "SELECT TRY_TO_BINARY('zz'), TRY_CAST('zz' AS BINARY), TRY_TO_BINARY('x', 'foo'), TRY_TO_BINARY('SGVs bG8=', 'BASE64')"));
            assertEquals(List.of("48454C4C4F|EDF1439075A83A447FB8B630DDC9C8DE"),
                    rows(c, "SELECT HEX_DECODE_BINARY(HEX_ENCODE('HELLO')), HEX_DECODE_BINARY(HEX_ENCODE(MD5_BINARY('Snowflake')))"));
            // an alphabet with '$' for index 63 decodes what BASE64_ENCODE(b, 0, '$') wrote; BASE64_ENCODE of a BINARY encodes its bytes
            assertEquals(List.of("SEVMUA==|FFFF|$$8="), rows(c, "SELECT BASE64_ENCODE(TO_BINARY('HELP', 'UTF-8')),"
                    + " BASE64_DECODE_BINARY('$$8=', '+$'), BASE64_ENCODE(X'FFFF', 0, '+$')"));
        }
    }

    /** binary-input-output page: BINARY_INPUT_FORMAT and BINARY_OUTPUT_FORMAT session parameters. */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void sessionFormats(String format) throws SQLException {
        try (Connection c = connect(format)) {
            execute(c, "ALTER SESSION SET BINARY_INPUT_FORMAT = 'UTF-8'", "ALTER SESSION SET BINARY_OUTPUT_FORMAT = 'BASE64'");
            assertEquals(List.of("SGVsbG8=|SGVsbG8=|48656C6C6F"),
                    rows(c, "SELECT TO_BINARY('Hello'), TO_VARCHAR('Hello'::BINARY), TO_VARCHAR(TO_BINARY('Hello'), 'HEX')"));
        }
    }

    /** to_boolean page: text words, and numbers (0 is FALSE, any other number TRUE). */
    @ParameterizedTest
    @ValueSource(strings = {"ARROW", "JSON"})
    void toBoolean(String format) throws SQLException {
        try (Connection c = connect(format)) {
            execute(c, "CREATE OR REPLACE TABLE tb_" + format + " (n NUMBER, f FLOAT, s STRING)",
                    "INSERT INTO tb_" + format + " VALUES (2, 0.0, 'On'), (0, -1.5, 'no'), (NULL, NULL, NULL)");
            assertEquals(List.of("TRUE|FALSE|TRUE", "FALSE|TRUE|FALSE", "null|null|null"),
                    rows(c, "SELECT TO_BOOLEAN(n), TO_BOOLEAN(f), TO_BOOLEAN(s) FROM tb_" + format + " ORDER BY n DESC NULLS LAST"));
        }
    }
}
