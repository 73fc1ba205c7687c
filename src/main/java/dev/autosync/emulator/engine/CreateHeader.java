package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

/** The part of CREATE every kind shares: OR REPLACE, TEMPORARY (and the modifiers it ignores), the kind, IF NOT EXISTS. */
record CreateHeader(String kind, boolean orReplace, boolean temporary, boolean ifNotExists) {

    /** Whether the statement at the cursor is CREATE [OR REPLACE] [SECURE] [TEMPORARY] {@code kind}. */
    static boolean isCreateOf(Cursor c, String kind) {
        for (int i = 1; i <= 5; i++) {
            if (c.peek(i).isWord(kind)) {
                return true;
            }
            if (!c.peek(i).isWordIn("OR", "REPLACE", "SECURE", "TEMPORARY", "TEMP")) {
                return false;
            }
        }
        return false;
    }

    static CreateHeader parse(Cursor c) {
        c.expect("CREATE");
        boolean orReplace = c.acceptAll("OR", "REPLACE");
        boolean temporary = false;
        while (true) {
            if (c.accept("TEMP") || c.accept("TEMPORARY") || c.accept("VOLATILE")) {
                temporary = true;
            } else if (!(c.accept("TRANSIENT") || c.accept("LOCAL") || c.accept("GLOBAL") || c.accept("SECURE")
                    || c.accept("RECURSIVE"))) {
                break;
            }
        }
        String kind = KindWord.read(c);
        if (kind.equals("MATERIALIZED") || kind.equals("EXTERNAL") || kind.equals("DYNAMIC") || kind.equals("HYBRID")
                || kind.equals("ICEBERG") || kind.equals("EVENT")) {
            throw SnowflakeError.unsupported("CREATE " + kind + " " + c.peek().upper());
        }
        boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
        if (orReplace && ifNotExists) {
            throw SnowflakeError.compilation("OR REPLACE and IF NOT EXISTS are incompatible.");
        }
        return new CreateHeader(kind, orReplace, temporary, ifNotExists);
    }
}
