package dev.autosync.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.autosync.emulator.EmulatorFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamlit objects as sql-reference/sql/create-streamlit.md, show-streamlits.md, desc-streamlit.md,
 * alter-streamlit.md and drop-streamlit.md document them: CREATE ... FROM an internal stage copies
 * the files once, SHOW lists the documented columns, DROP forgets the app.
 */
class StreamlitObjectsTest {
    private static EmulatorFixture fx;
    private static Connection c;
    @TempDir
    static Path files;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
        c = fx.connect();
        exec("CREATE DATABASE APPS", "CREATE SCHEMA APPS.S", "CREATE STAGE APP_STAGE");
        Files.createDirectories(files.resolve("pages"));
        Files.writeString(files.resolve("streamlit_app.py"), "import streamlit as st\n", StandardCharsets.UTF_8);
        Files.writeString(files.resolve("environment.yml"), "name: app\nchannels:\n  - snowflake\ndependencies:\n  - pandas\n  - altair\n");
        Files.writeString(files.resolve("pages").resolve("status.py"), "print(1)\n");
        exec("PUT 'file://" + path("streamlit_app.py") + "' @APP_STAGE/app AUTO_COMPRESS = FALSE",
                "PUT 'file://" + path("environment.yml") + "' @APP_STAGE/app AUTO_COMPRESS = FALSE",
                "PUT 'file://" + path("pages/status.py") + "' @APP_STAGE/app/pages AUTO_COMPRESS = FALSE");
    }

    private static String path(String name) {
        return files.resolve(name).toAbsolutePath().toString().replace('\\', '/');
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void exec(String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void createFromAStageCopiesTheFilesAndShowListsIt() throws Exception {
        exec("CREATE STREAMLIT APPS.S.STATUS_APP FROM '@APPS.S.APP_STAGE/app' MAIN_FILE = 'streamlit_app.py' "
                + "QUERY_WAREHOUSE = APP_WH TITLE = 'Auto-Sync Status' COMMENT = 'v1'");
        List<String> shown = rows(c, "SHOW STREAMLITS LIKE 'status%' IN SCHEMA APPS.S");
        assertEquals(1, shown.size(), shown.toString());
        String[] cols = shown.get(0).split("\\|", -1);
        assertEquals("STATUS_APP", cols[1]);
        assertEquals("APPS", cols[2]);
        assertEquals("S", cols[3]);
        assertEquals("Auto-Sync Status", cols[4]);
        assertEquals("v1", cols[6]);
        assertEquals("APP_WH", cols[7]);
        String[] desc = rows(c, "DESC STREAMLIT APPS.S.STATUS_APP").get(0).split("\\|", -1);
        assertEquals("streamlit_app.py", desc[3]);
        assertEquals("pandas,altair", desc[7]);
        Path copy = fx.dataDir().resolve("streamlits");
        try (var walk = Files.walk(copy)) {
            List<String> names = walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("environment.yml", "status.py", "streamlit_app.py"), names);
        }
        // later changes on the stage do not reach the app ("Files are copied only one time")
        exec("REMOVE @APPS.S.APP_STAGE/app/environment.yml", "ALTER STREAMLIT APPS.S.STATUS_APP SET QUERY_WAREHOUSE = OTHER_WH",
                "ALTER STREAMLIT APPS.S.STATUS_APP ADD LIVE VERSION FROM LAST");
        assertTrue(rows(c, "SHOW STREAMLITS IN SCHEMA APPS.S").get(0).contains("|OTHER_WH|"));
        assertEquals("pandas,altair", rows(c, "DESC STREAMLIT APPS.S.STATUS_APP").get(0).split("\\|", -1)[7]);

        SQLException again = assertThrows(SQLException.class, () -> exec("CREATE STREAMLIT APPS.S.STATUS_APP FROM @APPS.S.APP_STAGE/app"));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        exec("CREATE OR REPLACE STREAMLIT APPS.S.STATUS_APP FROM @APPS.S.APP_STAGE/app MAIN_FILE = 'streamlit_app.py' COMMENT = 'v2'");
        assertTrue(rows(c, "SHOW STREAMLITS IN SCHEMA APPS.S").get(0).contains("|v2|"));

        exec("DROP STREAMLIT APPS.S.STATUS_APP");
        assertEquals(List.of(), rows(c, "SHOW STREAMLITS IN SCHEMA APPS.S"));
        exec("DROP STREAMLIT IF EXISTS APPS.S.STATUS_APP");
    }

    @Test
    void theMainFileMustBeInTheSourceLocation() {
        SQLException e = assertThrows(SQLException.class, () -> exec("CREATE STREAMLIT APPS.S.NO_MAIN FROM @APPS.S.APP_STAGE/app "
                + "MAIN_FILE = 'missing.py'"));
        assertTrue(e.getMessage().contains("'missing.py' was not found"), e.getMessage());
    }
}
