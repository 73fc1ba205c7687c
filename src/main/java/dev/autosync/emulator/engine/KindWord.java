package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Cursor;

/**
 * The object kind a statement names after its verb: one word, joined to the next for FILE FORMAT
 * and STORAGE / NOTIFICATION INTEGRATION.
 */
final class KindWord {
    private KindWord() {
    }

    /** Reads the kind at the cursor, upper case, two-word kinds joined by '_' (FILE_FORMAT, STORAGE_INTEGRATIONS). */
    static String read(Cursor c) {
        String kind = c.next().upper();
        if (kind.equals("FILE") || kind.equals("STORAGE") || kind.equals("NOTIFICATION")
                || kind.equals("USER") && (c.isWord("PROCEDURES") || c.isWord("FUNCTIONS"))) {
            kind = kind + "_" + c.next().upper();
        }
        return kind;
    }
}
