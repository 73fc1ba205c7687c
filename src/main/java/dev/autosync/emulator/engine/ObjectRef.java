package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;

import java.util.Objects;

/** A resolved Snowflake name: database, schema and object, each normalised (upper-case unless quoted). */
public record ObjectRef(String db, String schema, String name) {
    public ObjectRef {
        Objects.requireNonNull(name);
    }

    public static ObjectRef account(String name) {
        return new ObjectRef(null, null, name);
    }

    /** How Snowflake prints the name in messages: DB.SCHEMA.NAME with quotes where needed. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        if (db != null) {
            sb.append(Names.display(db)).append('.');
        }
        if (schema != null) {
            sb.append(Names.display(schema)).append('.');
        }
        return sb.append(Names.display(name)).toString();
    }

    public String duckName() {
        return Names.qualified(db, schema, name);
    }

    public String duckSchema() {
        return Names.schema(db, schema);
    }

    @Override
    public String toString() {
        return display();
    }
}
