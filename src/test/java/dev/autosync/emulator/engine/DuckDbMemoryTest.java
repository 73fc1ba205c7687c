package dev.autosync.emulator.engine;

import dev.autosync.emulator.LocalEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's DuckDB memory limit (the emulator's own setting, no Snowflake page): 512 MB unless
 * -Dautosync.emulator.memoryLimit asks for another size; a size DuckDB refuses stops the start with the
 * property to fix, and leaves the data folder free for the next start.
 */
class DuckDbMemoryTest {

    @Test
    void theDefaultAndAnAskedSizeBecomeDuckDbsMemoryLimit() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            DuckDbMemory.limit(s, DuckDbMemory.DEFAULT);
            assertEquals("488.2 MiB", setting(s));
            DuckDbMemory.limit(s, "2GB");
            assertEquals("1.8 GiB", setting(s));
        }
    }

    @Test
    void theSystemPropertyChoosesTheSize() {
        String before = System.clearProperty(DuckDbMemory.PROPERTY);
        try {
            assertEquals("512MB", DuckDbMemory.configured());
            System.setProperty(DuckDbMemory.PROPERTY, " 3GB ");
            assertEquals("3GB", DuckDbMemory.configured());
        } finally {
            restore(before);
        }
    }

    @Test
    void aSizeDuckDbRefusesStopsTheStartNamingTheProperty(@TempDir Path dir) throws Exception {
        String before = System.setProperty(DuckDbMemory.PROPERTY, "plenty");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LocalEmulator.start(dir, 0, null, null, m -> { }));
            assertTrue(refused.getMessage().startsWith("autosync.emulator.memoryLimit is 'plenty', which DuckDB does not accept"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("-Dautosync.emulator.memoryLimit=2GB"), refused.getMessage());
        } finally {
            restore(before);
        }
        try (LocalEmulator again = LocalEmulator.start(dir, 0, null, null, m -> { })) {
            assertTrue(again.port() > 0, "the refused start released the folder and its DuckDB file");
        }
    }

    private static String setting(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(DuckDbMemory.PROPERTY);
        } else {
            System.setProperty(DuckDbMemory.PROPERTY, before);
        }
    }
}
