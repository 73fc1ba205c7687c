package dev.autosync.emulator.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A staged file's checksum (the MD5 that LIST shows and a load records: list page, copy-into-table's load metadata)
 * is read once per listed file, so a load tags its rows and writes its history with the same value.
 */
class StagedFileChecksumTest {
    @TempDir
    Path dir;

    @Test
    void theChecksumIsReadOncePerListedFile() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "abc");
        StagedFile listed = new StagedFile(file, "a.json");
        assertEquals("900150983cd24fb0d6963f7d28e17f72", listed.md5());
        Files.writeString(file, "abcd");
        assertEquals("900150983cd24fb0d6963f7d28e17f72", listed.md5(), "the value this file's load already used");
        assertEquals("e2fc714c4727ee9395f324cd2e7f331f", new StagedFile(file, "a.json").md5(), "listed again: read again");
    }

    @Test
    void aFileThatCannotBeReadHasNoChecksum() {
        assertNull(new StagedFile(dir.resolve("missing.json"), "missing.json").md5());
        assertEquals(new StagedFile(dir.resolve("x"), "x"), new StagedFile(dir.resolve("x"), "x"));
    }
}
