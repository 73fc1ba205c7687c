package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.util.Set;

/**
 * {@code CREATE STREAM <name> ON TABLE <table> [APPEND_ONLY = ...] [SHOW_INITIAL_ROWS = ...]}, parsed,
 * with the table looked up.
 */
record CreateStream(ObjectRef ref, CatalogObject table, ObjectRef tableRef, ObjectNode props) {

    static CreateStream parse(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        ObjectRef ref = st.name("CREATE STREAM");
        catalog.requireSchema(ref);
        c.acceptAll("COPY", "GRANTS");
        c.expect("ON");
        if (!c.accept("TABLE")) {
            throw SnowflakeError.unsupported("streams on " + c.peek().upper() + " (the emulator supports streams on tables)");
        }
        ObjectRef tableRef = st.name("CREATE STREAM");
        if (c.isWord("AT") || c.isWord("BEFORE")) {
            throw SnowflakeError.unsupported("CREATE STREAM ... " + c.peek().upper() + " (time travel)");
        }
        ObjectNode props = Options.parse(c, Set.of());
        if (props.has("INSERT_ONLY")) {
            throw SnowflakeError.unsupported("INSERT_ONLY streams (external tables)");
        }
        CatalogObject table = catalog.find(CatalogKind.TABLE, tableRef)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Table", tableRef.display()));
        return new CreateStream(ref, table, tableRef, props);
    }
}
