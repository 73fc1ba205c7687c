package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored procedures through snowflake-jdbc. Pages: "CREATE PROCEDURE", "CALL", "DROP PROCEDURE",
 * "SHOW PROCEDURES" (sql-reference/sql/show-procedures), "Snowflake Scripting developer guide"
 * (DECLARE, BEGIN ... EXCEPTION WHEN OTHER THEN ... END, :variables, LET, RETURN, RAISE) and "Writing
 * stored procedures in JavaScript" (snowflake.execute). The JavaScript subset is narrow on purpose:
 * anything else is refused by name.
 */
class DriverProceduresTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S", "CREATE TABLE D.S.T (ID INT, NAME STRING)");

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1) + (rs.getMetaData().getColumnCount() > 1 ? "|" + rs.getString(2) : ""));
            }
        }
        return out;
    }

    @Test
    @DisplayName("JavaScript: snowflake.execute runs its SQL, return gives the CALL's single value; other JavaScript is refused")
    void javascript() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE PROCEDURE JS1()\nRETURNS STRING NOT NULL\nLANGUAGE JAVASCRIPT\nAS $$\n"
                    + "  snowflake.execute({sqlText: 'INSERT INTO T VALUES (7, \\'js\\')'});\n  return 'done';\n$$");
            assertTrue(s.execute("CALL JS1()"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals("done", rs.getString(1));
                assertEquals("JS1", rs.getMetaData().getColumnName(1));
                assertFalse(rs.next());
            }
            assertEquals(List.of("7|js"), rows(s, "SELECT * FROM T WHERE ID = 7"));
            s.execute("CREATE OR REPLACE PROCEDURE PI() RETURNS FLOAT LANGUAGE JAVASCRIPT AS 'return 3.1415926;'");
            assertEquals(List.of("3.1415926"), rows(s, "CALL PI()"));
            s.execute("CREATE OR REPLACE PROCEDURE LOOPY() RETURNS STRING LANGUAGE JAVASCRIPT AS $$ for (var i = 0; i < 3; i++) {} $$");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("CALL LOOPY()"));
            assertEquals("0A000", e.getSQLState());
            s.execute("DELETE FROM T");
        }
    }

    @Test
    @DisplayName("Snowflake Scripting: DECLARE, arguments as :name, a transaction, :=, RETURN; an error runs the handler, RAISE re-raises it")
    void snowflakeScripting() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE PROCEDURE ADD_ROW(N INT, WHO STRING)\nRETURNS VARCHAR\nLANGUAGE SQL\nEXECUTE AS CALLER\nAS\n'\n"
                    + "declare\n  result varchar;\nbegin\n  BEGIN TRANSACTION;\n  -- insert the row\n"
                    + "  INSERT INTO T (ID, NAME) SELECT :n, :who;\n  COMMIT;\n  result := ''SUCCESS '' || n;\n  return result;\n"
                    + "exception\n  when other then\n    begin\n      ROLLBACK;\n      let line := ''failed: '' || SQLERRM;\n"
                    + "      INSERT INTO T VALUES (1000, :line);\n      raise;\n    end;\nend;\n'");
            try (CallableStatement cs = c.prepareCall("CALL ADD_ROW(1, 'a')")) {
                cs.execute();
                assertEquals("ADD_ROW", cs.getMetaData().getColumnName(1));
                assertEquals("VARCHAR", cs.getMetaData().getColumnTypeName(1));
                try (ResultSet rs = cs.getResultSet()) {
                    assertTrue(rs.next());
                    assertEquals("SUCCESS 1", rs.getString(1));
                }
            }
            assertEquals(List.of("1|a"), rows(s, "SELECT * FROM T"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("CALL ADD_ROW('x', 'b')"));
            assertTrue(e.getMessage().contains("x"), e.getMessage());
            List<String> after = rows(s, "SELECT ID, NAME FROM T ORDER BY ID");
            assertEquals(2, after.size(), after.toString());
            assertTrue(after.get(1).startsWith("1000|failed: "), after.toString());
            s.execute("CREATE OR REPLACE PROCEDURE BRANCHY() RETURNS INT LANGUAGE SQL AS 'BEGIN IF (1 = 1) THEN RETURN 1; END IF; END'");
            assertEquals("0A000", assertThrows(SQLException.class, () -> s.execute("CALL BRANCHY()")).getSQLState());
            s.execute("DELETE FROM T");
        }
    }

    @Test
    @DisplayName("SHOW PROCEDURES, DatabaseMetaData.getProcedures, DROP PROCEDURE name(types); CALL of a missing procedure is an error")
    void showAndDrop() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE PROCEDURE AREA(R FLOAT) RETURNS FLOAT LANGUAGE SQL AS 'BEGIN RETURN 3.14 * r * r; END'");
            try (ResultSet rs = s.executeQuery("SHOW PROCEDURES LIKE 'area%' IN SCHEMA D.S")) {
                assertTrue(rs.next());
                assertEquals("AREA|S", rs.getString("name") + "|" + rs.getString("schema_name"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SHOW PROCEDURES LIKE 'AREA'")) {
                assertTrue(rs.next());
                assertEquals("AREA(FLOAT) RETURN FLOAT", rs.getString("arguments"));
                assertEquals("D", rs.getString("catalog_name"));
            }
            assertEquals(List.of("12.56"), rows(s, "CALL AREA(2)"));
            try (ResultSet rs = c.getMetaData().getProcedures("D", "S", "AREA")) {
                assertTrue(rs.next());
                assertEquals("AREA", rs.getString("PROCEDURE_NAME"));
                assertEquals("user-defined procedure", rs.getString("REMARKS"));
            }
            s.execute("DROP PROCEDURE IF EXISTS AREA(FLOAT)");
            assertTrue(rows(s, "SHOW PROCEDURES LIKE 'AREA'").isEmpty());
            assertEquals(2003, assertThrows(SQLException.class, () -> s.execute("CALL AREA(2)")).getErrorCode());
            // a system function may be called as a procedure ("SYSTEM$WAIT": CALL SYSTEM$WAIT(10))
            assertEquals(List.of("waited 10 milliseconds"), rows(s, "CALL SYSTEM$WAIT(10, 'MILLISECONDS')"));
        }
    }
}
