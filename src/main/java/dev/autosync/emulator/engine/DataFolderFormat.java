package dev.autosync.emulator.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The format version of a data folder's stored layout, in the file {@code format-version}. A folder written by a build
 * with another layout would fail later with DuckDB errors far from the cause (a stream's change table missing, say), so
 * the engine refuses it at start with what to do, before it opens, locks or writes anything there. The version is a
 * file, not a row in the catalog, so it can be read without opening the DuckDB file (which replays and checkpoints).
 */
final class DataFolderFormat {
    /**
     * Bump when the stored layout changes in a way an older folder cannot be read with: the {@code _AUTOSYNC} catalog
     * tables or their columns, the DuckDB tables or columns the engine keeps per object (a stream's change records, a
     * TIMESTAMP_TZ column's offset companion, load history), or the files and folders beside the database.
     */
    static final int CURRENT = 1;
    static final String FILE = "format-version";

    private DataFolderFormat() {
    }

    /**
     * Fails, changing nothing, when the folder holds emulator data of another format version, or data written before
     * versions were recorded. A folder without a database yet is new and passes.
     */
    static void check(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        String found;
        if (Files.exists(file)) {
            found = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (found.equals(String.valueOf(CURRENT))) {
                return;
            }
            found = "format version " + found;
        } else if (holdsDatabase(dataDir)) {
            found = "no format version (it was written by a build from before versions were recorded)";
        } else {
            return;
        }
        throw new IncompatibleDataFolderException("The emulator data folder " + dataDir + " has " + found + "; this build expects "
                + "format version " + CURRENT + " and cannot use it (nothing in it was changed). Delete the folder (it is local "
                + "test state; `mvn clean` removes the default target/autosync/local), or point the emulator at another "
                + "folder with -Dautosync.emulator.dataDir=<folder> (the emulator goal's <dataDir> parameter, the other "
                + "goals' <emulatorDataDir>).");
    }

    /** Records the current version in a folder that passed {@link #check} and has none yet (a new folder). */
    static void recordIfNew(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return;
        }
        Path written = dataDir.resolve(FILE + ".tmp");
        Files.writeString(written, CURRENT + "\n", StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean holdsDatabase(Path dataDir) {
        return Files.exists(dataDir.resolve(Engine.DATABASE_FILE)) || Files.exists(dataDir.resolve(Engine.DATABASE_FILE + ".wal"));
    }
}
