package dev.autosync.emulator.engine;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The COPY transformation's JSON paths hoisted into its source: same rows, string literals untouched. */
class CopySubexpressionsTest {
    private static final String SOURCE = "(SELECT * FROM src)";
    private static final String TEXT = "(CASE WHEN typeof(json_extract(\"$1\", '/a')) = 'JSON' THEN CAST(json_extract_string("
            + "CAST(json_extract(\"$1\", '/a') AS VARCHAR), '$') AS VARCHAR) ELSE CAST(json_extract(\"$1\", '/a') AS VARCHAR) END)";

    private static List<String> run(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE src AS SELECT CAST(j AS JSON) AS \"$1\" FROM (VALUES ('{\"a\":\"x\",\"b\":{\"c\":2}}'), "
                    + "('{\"a\":7}'), ('{\"b\":null}'), (NULL)) AS v(j)");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        }
    }

    @Test
    void hoistedPathsGiveTheSameRows() throws SQLException {
        String transform = "SELECT " + TEXT + ", upper(" + TEXT + "), json_extract(\"$1\", '/b'), json_extract(\"$1\", '/b/c'), "
                + "'json_extract(\"$1\", ''/a'')' FROM " + SOURCE;
        String hoisted = CopySubexpressions.hoist(transform, SOURCE);
        assertNotEquals(transform, hoisted);
        assertTrue(hoisted.contains("'json_extract(\"$1\", ''/a'')'"), "a string literal is left as written: " + hoisted);
        assertEquals(run(transform), run(hoisted));
        assertEquals("x|X|{\"c\":2}|2|json_extract(\"$1\", '/a')", run(hoisted).get(0));
    }

    @Test
    void aVariantsTextForAConversionIsComputedOnce() throws SQLException {
        // the text a conversion of a VARIANT reads (a BINARY as hex, else the field's text), as the translator repeats it
        String value = "(CASE WHEN typeof(json_extract(\"$1\", '/a')) = 'BLOB' THEN hex(CAST(CAST(json_extract(\"$1\", '/a')"
                + " AS VARCHAR) AS BLOB)) ELSE " + TEXT + " END)";
        // the field's JSON value is read too, so its paths stay hoisted as JSON values
        String transform = "SELECT " + value + ", length(" + value + "), TRY_CAST(" + value + " AS INTEGER), json_extract(\"$1\", '/a') FROM "
                + SOURCE;
        String hoisted = CopySubexpressions.hoist(transform, SOURCE);
        assertEquals(1, hoisted.split("'BLOB'", -1).length - 1, "the wrapper is written once: " + hoisted);
        assertEquals(4, hoisted.split("\"autosync\\$value1\"", -1).length - 1, "defined once, used three times: " + hoisted);
        assertEquals(run(transform), run(hoisted));
        assertEquals(List.of("x|1|null|\"x\"", "7|1|7|7", "null|null|null|null", "null|null|null|null"), run(hoisted));
    }

    @Test
    void fieldsReadOnlyAsTextComeFromOneExtractionOfTheirStrings() throws SQLException {
        String value = "(CASE WHEN typeof(json_extract(\"$1\", '/a')) = 'BLOB' THEN hex(CAST(CAST(json_extract(\"$1\", '/a')"
                + " AS VARCHAR) AS BLOB)) ELSE " + TEXT + " END)";
        String objectText = TEXT.replace("'/a'", "'/b'");
        String nullText = TEXT.replace("'/a'", "'/b/c'");
        String transform = "SELECT " + value + ", TRY_CAST(" + value + " AS INTEGER), " + objectText + ", upper(" + nullText + "), \"$1\" FROM "
                + SOURCE;
        String hoisted = CopySubexpressions.hoist(transform, SOURCE);
        assertTrue(hoisted.contains("json_extract_string(\"$1\", ['/a', '/b', '/b/c'])") && !hoisted.contains("json_extract(\"$1\""),
                "one extraction of the three fields' strings: " + hoisted);
        assertEquals(run(transform), run(hoisted));
        assertEquals(List.of("x|null|{\"c\":2}|2|{\"a\":\"x\",\"b\":{\"c\":2}}", "7|7|null|null|{\"a\":7}",
                "null|null|null|null|{\"b\":null}", "null|null|null|null|null"), run(hoisted));
    }

    @Test
    void aTransformationSelectingStarIsLeftAsItIs() {
        String transform = "SELECT *, json_extract(\"$1\", '/a') FROM " + SOURCE;
        assertEquals(transform, CopySubexpressions.hoist(transform, SOURCE));
    }
}
