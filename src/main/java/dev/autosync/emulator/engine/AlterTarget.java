package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.Locale;

/** The object an {@code ALTER <kind> [IF EXISTS] <name>} names. */
final class AlterTarget {
    private AlterTarget() {
    }

    /**
     * Reads {@code [IF EXISTS] <name>} and finds the object; null when it is missing and IF EXISTS
     * was given (the statement then succeeds doing nothing).
     */
    static CatalogObject read(StatementContext st, Catalog catalog, CatalogKind kind, String what) {
        boolean ifExists = st.cursor().acceptAll("IF", "EXISTS");
        ObjectRef ref = st.name("ALTER " + what.toUpperCase(Locale.ROOT));
        CatalogObject o = catalog.find(kind, ref).orElse(null);
        if (o == null && !ifExists) {
            throw SnowflakeError.doesNotExist(what, ref.display());
        }
        return o;
    }
}
