package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.util.List;
import java.util.Set;

/** CREATE and ALTER for databases, schemas (the containers other objects live in) and warehouses, parsed. */
final class ContainerStatements {
    private ContainerStatements() {
    }

    record CreateDatabase(String name, ObjectNode props) {
    }

    record CreateSchema(String database, String name, ObjectNode props) {
    }

    record CreateWarehouse(String name, ObjectNode props) {
    }

    /** ALTER DATABASE / SCHEMA / WAREHOUSE: the properties it SETs, null for warehouse commands that change nothing here. */
    record Alter(String kind, List<String> parts, ObjectNode set) {
    }

    static CreateDatabase createDatabase(StatementContext st) {
        String db = single(st.translator().nameParts(), "database");
        return new CreateDatabase(db, Options.parse(st.cursor(), Set.of()));
    }

    /** The database must exist (checked here, before the rest is read, as Snowflake reports it first). */
    static CreateSchema createSchema(StatementContext st, Catalog catalog) {
        List<String> parts = st.translator().nameParts();
        String db = parts.size() == 2 ? parts.get(0) : st.session().database();
        String schema = parts.get(parts.size() - 1);
        if (db == null) {
            throw SnowflakeError.noCurrentDatabase("CREATE SCHEMA");
        }
        if (!catalog.databaseExists(db)) {
            throw SnowflakeError.doesNotExist("Database", Names.display(db));
        }
        Cursor c = st.cursor();
        c.acceptAll("WITH", "MANAGED", "ACCESS");
        return new CreateSchema(db, schema, Options.parse(c, Set.of()));
    }

    static CreateWarehouse createWarehouse(StatementContext st) {
        String wh = single(st.translator().nameParts(), "warehouse");
        return new CreateWarehouse(wh, Options.parse(st.cursor(), Set.of()));
    }

    static Alter alter(StatementContext st, String kind) {
        Cursor c = st.cursor();
        c.acceptAll("IF", "EXISTS");
        List<String> parts = st.translator().nameParts();
        if (c.accept("SET")) {
            return new Alter(kind, parts, Options.parse(c, Set.of()));
        }
        if (kind.equals("WAREHOUSE")) {
            Options.parse(c, Set.of());
            return new Alter(kind, parts, null);
        }
        throw SnowflakeError.unsupported("ALTER " + kind + " " + c.peek().upper());
    }

    /** An account-level object's name: one part. */
    static String single(List<String> parts, String what) {
        if (parts.size() != 1) {
            throw SnowflakeError.compilation("invalid " + what + " name '" + String.join(".", parts) + "'");
        }
        return parts.get(0);
    }
}
