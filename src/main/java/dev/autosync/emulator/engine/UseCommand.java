package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.List;

/** USE: changes the session's current warehouse, role, database or schema (which must exist). */
final class UseCommand {
    private final Catalog catalog;

    UseCommand(Catalog catalog) {
        this.catalog = catalog;
    }

    Result run(StatementContext st) {
        UseStatement use = UseStatement.parse(st);
        Session s = st.session();
        switch (use.kind()) {
            case "WAREHOUSE" -> s.warehouse(use.parts().get(0));
            case "ROLE" -> s.role(use.parts().get(0));
            case "DATABASE" -> useDatabase(s, use.parts().get(0));
            case "SCHEMA" -> useSchema(s, use.parts());
            default -> {
                // USE SECONDARY ROLES: one role is all the emulator has
            }
        }
        return Result.status(StatementKind.USE, "Statement executed successfully.");
    }

    private void useDatabase(Session s, String db) {
        if (!catalog.databaseExists(db)) {
            throw notFound();
        }
        s.database(db);
        s.schema(catalog.schemaExists(db, "PUBLIC") ? "PUBLIC" : null);
    }

    private void useSchema(Session s, List<String> parts) {
        String db = parts.size() == 2 ? parts.get(0) : s.database();
        String schema = parts.get(parts.size() - 1);
        if (db == null || !catalog.schemaExists(db, schema)) {
            throw notFound();
        }
        s.database(db);
        s.schema(schema);
    }

    private static SnowflakeError notFound() {
        return new SnowflakeError("002043", "02000", "SQL compilation error:\nObject does not exist, or operation cannot be performed.");
    }
}
