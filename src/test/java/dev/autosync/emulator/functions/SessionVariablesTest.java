package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session variables and session parameters as Snowflake documents them (pages: session-variables, sql/set,
 * sql/unset, functions/getvariable, identifier-literal, constructs/order-by, parameters), through snowflake-jdbc.
 */
class SessionVariablesTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE SVARS");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void setAssignsEveryRightSideBeforeAnyVariable() throws SQLException {
        // sql/set page: SET (min, max) = (50, 2 * $min) uses the old $min
        exec("SET (min, max) = (40, 70)");
        exec("SET (min, max) = (50, 2 * $min)");
        assertEquals(List.of("50|80"), rows(c, "SELECT $min, $max"));
        exec("SET v2 = 'example'");
        assertEquals(List.of("example|7"), rows(c, "SELECT $V2, LENGTH($v2)"));
    }

    @Test
    void getvariableIsCaseSensitiveWhileDollarNamesAreNot() throws SQLException {
        // getvariable page: SET var_2 stores VAR_2
        exec("SET var_2 = 'value_2'");
        assertEquals(List.of("null|value_2|null|value_2|value_2"),
                rows(c, "SELECT GETVARIABLE('var_2'), GETVARIABLE('VAR_2'), SESSION_CONTEXT('var_2'), SESSION_CONTEXT('VAR_2'), $var_2"));
    }

    @Test
    void unsetVariablesNoLongerExist() throws SQLException {
        // session-variables page: a variable that is not set is an error
        exec("SET gone = 1");
        exec("UNSET gone");
        SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT $gone"));
        assertTrue(e.getMessage().contains("Session variable '$GONE' does not exist"), e.getMessage());
    }

    @Test
    void identifierNamesObjectsFromLiteralsAndVariables() throws SQLException {
        // identifier-literal and session-variables pages
        exec("CREATE OR REPLACE TABLE IDENTIFIER('svars.public.idt') (c1 NUMBER)");
        exec("SET table_name = 'idt'");
        exec("INSERT INTO IDENTIFIER($table_name) VALUES (1), (2), (3)");
        assertEquals(List.of("1", "2", "3"), rows(c, "SELECT * FROM IDENTIFIER($table_name) ORDER BY 1"));
        assertEquals(List.of("3"), rows(c, "SELECT COUNT(*) FROM TABLE($table_name)"));
    }

    @Test
    void showVariablesListsNameValueAndType() throws SQLException {
        // show-variables page: name, value and type columns
        exec("SET shown_number = 10");
        exec("SET shown_text = 'abc'");
        assertEquals(List.of("SHOWN_NUMBER|10|fixed", "SHOWN_TEXT|abc|text"), showVariables());
    }

    private static List<String> showVariables() throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SHOW VARIABLES LIKE 'SHOWN%'")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString("name") + "|" + rs.getString("value") + "|" + rs.getString("type"));
            }
            return out;
        }
    }

    @Test
    void defaultNullOrderingFollowsTheSessionParameter() throws SQLException {
        // order-by page: NULLs are larger than any value by default; DEFAULT_NULL_ORDERING = 'FIRST' makes them smaller
        try (Connection own = fx.connect(); Statement s = own.createStatement()) {
            assertEquals(List.of("null", "3", "1"), rows(own, "SELECT column1 FROM VALUES (1), (null), (3) ORDER BY column1 DESC"));
            s.execute("ALTER SESSION SET DEFAULT_NULL_ORDERING = 'FIRST'");
            assertEquals(List.of("null", "1", "3"), rows(own, "SELECT column1 FROM VALUES (1), (null), (3) ORDER BY column1"));
            assertEquals(List.of("1", "3", "null"), rows(own, "SELECT column1 FROM VALUES (1), (null), (3) ORDER BY column1 NULLS LAST"));
        }
    }
}
