package dev.autosync.emulator;

import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.warehouse.InvalidConnectionException;
import dev.autosync.warehouse.LocalTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data folder's format version (no Snowflake page: this is the emulator's own storage). A new folder records the
 * version and opens again; a folder from a build with another layout, or from before versions were recorded, is refused
 * at start with the folder, both versions and the fix, and is left exactly as it was.
 */
class DataFolderFormatTest {

    @Test
    void aNewFolderRecordsItsVersionAndOpensAgain(@TempDir Path dir) throws Exception {
        withTable(dir);
        assertEquals("1", Files.readString(dir.resolve("format-version")).trim());
        try (LocalEmulator again = LocalEmulator.start(dir, 0, null, null, m -> { })) {
            assertEquals(1L, count(again));
        }
    }

    @Test
    void aFolderFromBeforeVersionsIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        withTable(dir);
        Files.delete(dir.resolve("format-version"));
        Map<String, String> before = contents(dir);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalEmulator.start(dir, 0, null, null, m -> { }));
        String message = refused.getMessage();
        assertTrue(message.contains(dir.toAbsolutePath().normalize().toString()), message);
        assertTrue(message.contains("has no format version"), message);
        assertTrue(message.contains("expects format version 1"), message);
        assertTrue(message.contains("Delete the folder"), message);
        assertTrue(message.contains("-Dautosync.emulator.dataDir="), message);
        assertEquals(before, contents(dir), "the refused folder was changed");
    }

    @Test
    void aFolderOfAnotherVersionIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        withTable(dir);
        Files.writeString(dir.resolve("format-version"), "0\n");
        Map<String, String> before = contents(dir);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalEmulator.start(dir, 0, null, null, m -> { }));
        assertTrue(refused.getMessage().contains("has format version 0; this build expects format version 1"),
                refused.getMessage());
        assertEquals(before, contents(dir), "the refused folder was changed");
    }

    @Test
    void theGoalsReportItAsAConnectionProblemWithoutTheBusyFolderAdvice(@TempDir Path dir) throws Exception {
        withTable(dir);
        Files.writeString(dir.resolve("format-version"), "0\n");
        InvalidConnectionException refused = assertThrows(InvalidConnectionException.class,
                () -> LocalTargets.acquire(dir, LoginPolicy.anyone(), m -> { }));
        assertTrue(refused.getMessage().contains("has format version 0"), refused.getMessage());
        assertFalse(refused.getMessage().contains("connect to it instead"), refused.getMessage());
    }

    private static void withTable(Path dir) throws Exception {
        try (LocalEmulator first = LocalEmulator.start(dir, 0, null, null, m -> { });
             Connection c = DriverManager.getConnection(first.jdbcUrl(), first.connectionProperties(null, null, null, null));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE KEEP");
            s.execute("CREATE TABLE KEEP.PUBLIC.T (A VARCHAR)");
            s.execute("INSERT INTO KEEP.PUBLIC.T VALUES ('persisted')");
        }
    }

    private static long count(LocalEmulator emulator) throws Exception {
        try (Connection c = DriverManager.getConnection(emulator.jdbcUrl(), emulator.connectionProperties(null, null, null, null));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM KEEP.PUBLIC.T")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file under {@code dir} with its SHA-256 and modification time. */
    private static Map<String, String> contents(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String key = dir.relativize(f).toString();
                if (Files.isDirectory(f)) {
                    out.put(key + "/", "");
                } else {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    out.put(key, HexFormat.of().formatHex(digest) + " " + Files.getLastModifiedTime(f));
                }
            }
        }
        return out;
    }
}
