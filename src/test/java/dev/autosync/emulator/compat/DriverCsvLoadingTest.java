package dev.autosync.emulator.compat;

import dev.autosync.emulator.EmulatorDatabase;
import dev.autosync.emulator.EmulatorFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading CSV through snowflake-jdbc: PUT to a table stage and the user stage, COPY INTO a table
 * without FROM, CSV format options for COPY and stage queries. Pages: "COPY INTO <table>"
 * (sql-reference/sql/copy-into-table), "CREATE FILE FORMAT" (sql-reference/sql/create-file-format,
 * TYPE = CSV options), "CREATE TABLE" (STAGE_FILE_FORMAT), "Querying data in staged files".
 */
class DriverCsvLoadingTest {
    @RegisterExtension
    static final EmulatorDatabase db = EmulatorDatabase.named("D", "CREATE SCHEMA D.S");

    @TempDir
    static Path files;

    private static Path file(String name, String content) throws Exception {
        Path p = files.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        return EmulatorFixture.rows(s.getConnection(), sql);
    }

    @Test
    @DisplayName("COPY INTO <table> without FROM loads the table stage with the table's STAGE_FILE_FORMAT (trailing delimiter, no count check)")
    void tableStageWithStageFileFormat() throws Exception {
        Path a = file("orders_a.csv", "1|36901|O|nstructions sleep|\n2|78002|O| foxes. pending|\n");
        Path b = file("orders_b.csv", "3|123314|F|sly final|\r\n");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE ORDERS (C1 STRING NOT NULL, C2 STRING, C3 STRING, C4 STRING) "
                    + "STAGE_FILE_FORMAT = (FIELD_DELIMITER = '|' ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE)");
            assertTrue(s.execute("PUT file://" + a + " @%ORDERS"));
            assertTrue(s.execute("PUT file://" + b + " @%orders"));
            assertEquals(2, rows(s, "LIST @%ORDERS").size());
            assertEquals(3, s.executeUpdate("COPY INTO ORDERS"));
            assertEquals(List.of("1|36901|O|nstructions sleep", "2|78002|O| foxes. pending", "3|123314|F|sly final"),
                    rows(s, "SELECT * FROM ORDERS ORDER BY C1"));
            assertEquals(0, s.executeUpdate("COPY INTO ORDERS"), "files loaded once are not loaded again");
        }
    }

    @Test
    @DisplayName("CSV options: SKIP_HEADER, FIELD_OPTIONALLY_ENCLOSED_BY with doubled quotes and new lines, NULL_IF, EMPTY_FIELD_AS_NULL, from the user stage")
    void enclosedFieldsFromUserStage() throws Exception {
        Path f = file("people.csv", "id,name,note\n1,\"Smith, Jo\",\"said \"\"hi\"\"\nthen left\"\n2,NULL,\n3,\"\",x\n");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE PEOPLE (ID INT, NAME STRING, NOTE STRING)");
            s.execute("PUT file://" + f + " @~/people/");
            assertEquals(3, s.executeUpdate("COPY INTO PEOPLE FROM @~/people/ FILE_FORMAT = (TYPE = CSV SKIP_HEADER = 1 "
                    + "FIELD_OPTIONALLY_ENCLOSED_BY = '\"' NULL_IF = ('NULL'))"));
            try (ResultSet rs = s.executeQuery("SELECT ID, NAME, NOTE, NAME IS NULL, NOTE IS NULL FROM PEOPLE ORDER BY ID")) {
                assertTrue(rs.next());
                assertEquals("Smith, Jo", rs.getString(2));
                assertEquals("said \"hi\"\nthen left", rs.getString(3));
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(4), "NULL_IF turns NULL into SQL NULL");
                assertTrue(rs.getBoolean(5), "an empty unenclosed field is NULL (EMPTY_FIELD_AS_NULL)");
                assertTrue(rs.next());
                assertEquals("", rs.getString(2), "an enclosed empty field stays an empty string");
            }
        }
    }

    @Test
    @DisplayName("ERROR_ON_COLUMN_COUNT_MISMATCH (default TRUE): a record with another field count fails the COPY; ON_ERROR = CONTINUE loads the rest")
    void columnCountMismatch() throws Exception {
        Path f = file("counts.csv", "1,a\n2,b,extra\n3,c\n");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE COUNTS (ID INT, V STRING)");
            s.execute("CREATE OR REPLACE STAGE CSV_STAGE FILE_FORMAT = (TYPE = CSV)");
            s.execute("PUT file://" + f + " @CSV_STAGE");
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("COPY INTO COUNTS FROM @CSV_STAGE"));
            assertTrue(e.getMessage().contains("Number of columns in file (3) does not match that of the corresponding table (2)"),
                    e.getMessage());
            assertEquals(0, rows(s, "SELECT * FROM COUNTS").size(), "nothing is loaded by a failed COPY");
            assertEquals(2, s.executeUpdate("COPY INTO COUNTS FROM @CSV_STAGE ON_ERROR = CONTINUE"));
            assertEquals(List.of("1|a", "3|c"), rows(s, "SELECT * FROM COUNTS ORDER BY ID"));
        }
    }

    @Test
    @DisplayName("Stage queries on CSV: SELECT $1, $3 FROM @stage with a named format (FIELD_DELIMITER, TRIM_SPACE), and a quoted lower-case stage name")
    void stageQuery() throws Exception {
        Path f = file("scores.csv", " ana ; 10 ; x\n bo ; 20 ; y\n");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FILE FORMAT SEMI TYPE = CSV FIELD_DELIMITER = ';' TRIM_SPACE = TRUE");
            s.execute("CREATE OR REPLACE STAGE \"lower_stage\"");
            s.execute("PUT file://" + f + " @\"lower_stage\"");
            assertEquals(List.of("ana|x|30"), rows(s, "SELECT MIN($1), MIN($3), SUM($2::INT) FROM @\"lower_stage\" (FILE_FORMAT => 'SEMI')"));
        }
    }

    @Test
    @DisplayName("PARSE_HEADER with MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE loads fields by the header's names")
    void parseHeader() throws Exception {
        Path f = file("byname.csv", "note,Id\nhello,7\n");
        try (Connection c = db.fixture().connect("D", "S"); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE BYNAME (ID INT, NOTE STRING)");
            s.execute("PUT file://" + f + " @%BYNAME");
            assertEquals(1, s.executeUpdate("COPY INTO BYNAME FILE_FORMAT = (TYPE = CSV PARSE_HEADER = TRUE) "
                    + "MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE"));
            assertEquals(List.of("7|hello"), rows(s, "SELECT ID, NOTE FROM BYNAME"));
        }
    }
}
