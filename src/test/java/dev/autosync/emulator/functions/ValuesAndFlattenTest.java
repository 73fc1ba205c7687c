package dev.autosync.emulator.functions;

import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows from VALUES and the FLATTEN / SPLIT_TO_TABLE table functions as Snowflake documents them (pages:
 * constructs/values, functions/flatten, constructs/join-lateral, functions/split_to_table), through snowflake-jdbc.
 */
class ValuesAndFlattenTest {
    private static EmulatorFixture fx;
    private static Connection c;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE VALF");
            s.execute("CREATE TABLE events AS SELECT column1 AS id, PARSE_JSON(column2) AS payload FROM VALUES"
                    + " (1, '{\"student\": \"s1\", \"marks\": [{\"subject\": \"math\", \"grade\": 5}, {\"subject\": \"art\", \"grade\": 4}]}'),"
                    + " (2, '{\"student\": \"s2\", \"marks\": []}')");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void dollarNumbersArePositionsOutsideStages() throws SQLException {
        // values page: SELECT column1, $2 FROM (VALUES ...) reads the second column, labelled $2
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT column1, $2 FROM (VALUES (1, 'one'), (2, 'two'))"
                + " ORDER BY column1")) {
            assertEquals("$2", rs.getMetaData().getColumnLabel(2));
            assertTrue(rs.next());
            assertEquals("one", rs.getString(2));
        }
        // over a table or a subquery too (result_scan page: SELECT $1 FROM TABLE(RESULT_SCAN(...)))
        assertEquals(List.of("b|2"), rows(c, "SELECT $2, $1 FROM (SELECT 2 AS n, 'b' AS w) WHERE $1 = 2"));
    }

    @Test
    void valuesWithoutParenthesesNamesItsColumnsColumn1ToN() throws SQLException {
        // values page: SELECT * FROM VALUES (1, 'one'), ... has the columns COLUMN1 and COLUMN2
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM VALUES (1, 'one'), (2, 'two') ORDER BY 1")) {
            assertEquals("COLUMN1", rs.getMetaData().getColumnLabel(1));
            assertEquals("COLUMN2", rs.getMetaData().getColumnLabel(2));
        }
        assertEquals(List.of("1|one", "2|two"), rows(c, "SELECT column1, column2 FROM (VALUES (1, 'one'), (2, 'two')) ORDER BY 1"));
        // an alias with column names renames them; joins read VALUES like a table
        assertEquals(List.of("2|two|b"), rows(c, "SELECT v.n, v.word, w.column2 FROM VALUES (1, 'one'), (2, 'two') AS v (n, word)"
                + " JOIN (VALUES (2, 'b')) w ON w.column1 = v.n"));
    }

    @Test
    void flattenListsEachElementWithItsKeyPathIndexAndContainer() throws SQLException {
        // flatten page: PATH => 'b'
        assertEquals(List.of("1|null|b[0]|0|77", "1|null|b[1]|1|88"), rows(c,
                "SELECT seq, key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('{\"a\":1, \"b\":[77,88]}'), PATH => 'b')) f"));
        // flatten page: RECURSIVE => TRUE, MODE => 'OBJECT' keeps the fields of objects only
        assertEquals(List.of("a|a", "b|b", "c|c", "d|c.d"), rows(c, "SELECT key, path FROM TABLE(FLATTEN(INPUT => "
                + "PARSE_JSON('{\"a\":1, \"b\":[77,88], \"c\": {\"d\":\"X\"}}'), RECURSIVE => TRUE, MODE => 'OBJECT')) f ORDER BY path"));
        // flatten page: OUTER => TRUE gives one row for an empty array
        assertEquals(List.of("1|null||null|null|[]"), rows(c, "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'), OUTER => TRUE)) f"));
        assertEquals(List.of(), rows(c, "SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'))) f"));
    }

    @Test
    void lateralFlattenExplodesEventPayloadArrays() throws SQLException {
        // join-lateral page: LATERAL FLATTEN over a column, chained paths of the element
        assertEquals(List.of("1|s1|art|4", "1|s1|math|5"), rows(c,
                "SELECT e.id, e.payload:student::STRING, m.value:subject::STRING, m.value:grade::INT"
                        + " FROM events e, LATERAL FLATTEN(INPUT => e.payload:marks) m ORDER BY 3"));
        // OUTER keeps the event whose array is empty
        assertEquals(List.of("1|2", "2|0"), rows(c, "SELECT e.id, COUNT(m.value) FROM events e,"
                + " LATERAL FLATTEN(INPUT => e.payload, PATH => 'marks', OUTER => TRUE) m GROUP BY e.id ORDER BY e.id"));
    }

    @Test
    void chainedLateralFlattenOverObjectsWithUnquotedKeys() throws SQLException {
        // flatten page: PARSE_JSON reads { name: ... } and two LATERAL FLATTENs chain
        assertEquals(List.of("1|\"email\"", "1|\"phone\""), rows(c, "SELECT p.id, f1.value:type FROM (SELECT 1 AS id, PARSE_JSON("
                + "'{ contact: [ { business: [ { type: \"phone\" }, { type: \"email\" } ] } ] }') AS c) p,"
                + " LATERAL FLATTEN(INPUT => p.c, PATH => 'contact') f, LATERAL FLATTEN(INPUT => f.value:business) f1 ORDER BY 2"));
    }

    @Test
    void splitToTableNumbersThePartsFromOne() throws SQLException {
        // split_to_table page
        assertEquals(List.of("1|a", "2|b"), rows(c, "SELECT index, value FROM TABLE(SPLIT_TO_TABLE('a.b', '.')) ORDER BY index"));
    }
}
