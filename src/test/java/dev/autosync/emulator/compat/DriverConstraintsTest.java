package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
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
 * PRIMARY KEY, UNIQUE and FOREIGN KEY constraints through snowflake-jdbc. Pages: "CREATE | ALTER TABLE ...
 * CONSTRAINT" (sql-reference/sql/create-table-constraint: recorded, not enforced, NOT NULL is; a foreign
 * key without columns references the primary key), "SHOW PRIMARY KEYS" (sql-reference/sql/show-primary-keys),
 * SHOW IMPORTED / EXPORTED KEYS, "DESCRIBE TABLE" (primary key / unique key columns) and JDBC's
 * DatabaseMetaData getPrimaryKeys / getImportedKeys / getExportedKeys / getCrossReference.
 */
class DriverConstraintsTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S",
            "CREATE TABLE D.S.PARENT (ID INT PRIMARY KEY, CODE VARCHAR(5) UNIQUE, NAME STRING)",
            "CREATE TABLE D.S.CHILD (ID INT, PARENT_ID INT REFERENCES PARENT, NOTE STRING,"
                    + " CONSTRAINT CHILD_PK PRIMARY KEY (ID, NOTE) COMMENT 'two columns')",
            "CREATE TABLE D.S.GRANDCHILD (G INT, N STRING, CONSTRAINT G_FK FOREIGN KEY (G, N) REFERENCES CHILD (ID, NOTE)"
                    + " ON DELETE CASCADE)");

    private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (String c : columns) {
                    row.add(rs.getString(c));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    @Test
    @DisplayName("SHOW PRIMARY KEYS: one row per key column with its key_sequence; named and generated constraint names")
    void showPrimaryKeys() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            assertEquals(List.of("CHILD|ID|1|CHILD_PK", "CHILD|NOTE|2|CHILD_PK"),
                    rows(s.executeQuery("SHOW PRIMARY KEYS IN TABLE CHILD"), "table_name", "column_name", "key_sequence",
                            "constraint_name"));
            List<String> all = rows(s.executeQuery("SHOW PRIMARY KEYS IN SCHEMA D.S"), "table_name", "column_name");
            assertEquals(List.of("CHILD|ID", "CHILD|NOTE", "PARENT|ID"), all);
            try (ResultSet rs = s.executeQuery("SHOW PRIMARY KEYS IN D.S.PARENT")) {
                assertTrue(rs.next());
                assertTrue(rs.getString("constraint_name").startsWith("SYS_CONSTRAINT_"), rs.getString("constraint_name"));
            }
            assertEquals(List.of("PARENT|CODE"), rows(s.executeQuery("SHOW UNIQUE KEYS IN SCHEMA S"), "table_name", "column_name"));
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SHOW PRIMARY KEYS IN TABLE NOPE"));
            assertEquals(2003, e.getErrorCode());
        }
    }

    @Test
    @DisplayName("DESCRIBE TABLE: primary key / unique key flags; a primary key column is NOT NULL, and NOT NULL is enforced")
    void describeTableAndNotNull() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            assertEquals(List.of("ID|N|Y|N", "CODE|Y|N|Y", "NAME|Y|N|N"),
                    rows(s.executeQuery("DESC TABLE PARENT"), "name", "null?", "primary key", "unique key"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO PARENT (ID) VALUES (NULL)"));
            assertTrue(e.getMessage().contains("NULL"), e.getMessage());
            // recorded, not enforced: a duplicate key and a dangling reference are accepted, as in Snowflake
            s.execute("INSERT INTO PARENT (ID, CODE) VALUES (1, 'A'), (1, 'A')");
            s.execute("INSERT INTO CHILD (ID, PARENT_ID, NOTE) VALUES (1, 99, 'x')");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PARENT WHERE ID = 1")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
            s.execute("DELETE FROM PARENT");
            s.execute("DELETE FROM CHILD");
        }
    }

    @Test
    @DisplayName("SHOW IMPORTED / EXPORTED KEYS: a foreign key without columns references the primary key; multi-column keys in order")
    void showForeignKeys() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            String[] cols = {"pk_table_name", "pk_column_name", "fk_table_name", "fk_column_name", "key_sequence", "delete_rule"};
            assertEquals(List.of("PARENT|ID|CHILD|PARENT_ID|1|NO ACTION"), rows(s.executeQuery("SHOW IMPORTED KEYS IN TABLE CHILD"), cols));
            assertEquals(List.of("CHILD|ID|GRANDCHILD|G|1|CASCADE", "CHILD|NOTE|GRANDCHILD|N|2|CASCADE"),
                    rows(s.executeQuery("SHOW EXPORTED KEYS IN TABLE CHILD"), cols));
            try (ResultSet rs = s.executeQuery("SHOW IMPORTED KEYS IN TABLE GRANDCHILD")) {
                assertTrue(rs.next());
                assertEquals("G_FK", rs.getString("fk_name"));
                assertEquals("CHILD_PK", rs.getString("pk_name"));
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE BAD (X INT REFERENCES NOPE)"));
            assertEquals(2003, e.getErrorCode());
            e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE BAD (X INT, PRIMARY KEY (Y))"));
            assertTrue(e.getMessage().contains("invalid identifier 'Y'"), e.getMessage());
        }
    }

    @Test
    @DisplayName("DatabaseMetaData: getPrimaryKeys, getImportedKeys, getExportedKeys and getCrossReference answer from the kept constraints")
    void databaseMetaData() throws Exception {
        try (Connection c = db.fixture().connect("D", "S")) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("D|S|CHILD|ID|1|CHILD_PK", "D|S|CHILD|NOTE|2|CHILD_PK"),
                    rows(md.getPrimaryKeys("D", "S", "CHILD"), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
                            "PK_NAME"));
            String[] fk = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE",
                    "DEFERRABILITY"};
            String noAction = String.valueOf(DatabaseMetaData.importedKeyNoAction);
            String notDeferrable = String.valueOf(DatabaseMetaData.importedKeyNotDeferrable);
            assertEquals(List.of("PARENT|ID|CHILD|PARENT_ID|1|" + noAction + "|" + noAction + "|" + notDeferrable),
                    rows(md.getImportedKeys("D", "S", "CHILD"), fk));
            assertEquals(List.of("PARENT|ID|CHILD|PARENT_ID|1|" + noAction + "|" + noAction + "|" + notDeferrable),
                    rows(md.getExportedKeys("D", "S", "PARENT"), fk));
            assertEquals(2, rows(md.getCrossReference("D", "S", "CHILD", "D", "S", "GRANDCHILD"), fk).size());
            assertTrue(rows(md.getCrossReference("D", "S", "PARENT", "D", "S", "GRANDCHILD"), fk).isEmpty());
        }
    }

    @Test
    @DisplayName("ALTER TABLE ADD / DROP CONSTRAINT, DROP PRIMARY KEY; a foreign key whose parent table is dropped is gone (DROP TABLE CASCADE)")
    void alterAndDrop() throws Exception {
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE A1 (K INT, V INT)");
            s.execute("ALTER TABLE A1 ADD CONSTRAINT A1_PK PRIMARY KEY (K)");
            s.execute("CREATE TABLE A2 (K INT REFERENCES A1)");
            assertEquals(List.of("A1|K|A1_PK"), rows(s.executeQuery("SHOW PRIMARY KEYS IN A1"), "table_name", "column_name",
                    "constraint_name"));
            assertEquals(1, rows(s.executeQuery("SHOW IMPORTED KEYS IN TABLE A2"), "fk_name").size());
            s.execute("ALTER TABLE A1 DROP PRIMARY KEY");
            assertTrue(rows(s.executeQuery("SHOW PRIMARY KEYS IN A1"), "column_name").isEmpty());
            SQLException e = assertThrows(SQLException.class, () -> s.execute("ALTER TABLE A1 DROP CONSTRAINT NOPE"));
            assertEquals(2003, e.getErrorCode());
            s.execute("DROP TABLE A1");
            assertTrue(rows(s.executeQuery("SHOW IMPORTED KEYS IN TABLE A2"), "fk_name").isEmpty());
            assertFalse(rows(s.executeQuery("SHOW IMPORTED KEYS IN SCHEMA S"), "fk_name").isEmpty());
        }
    }
}
