package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves 1 to 3 name parts to database, schema and name: against the session's current
 * database and schema, or against a fixed schema (a view's body, a pipe's COPY).
 */
final class NameResolver {
    private final Session session;
    private final String database;
    private final String schema;

    NameResolver(Session session) {
        this(session, null, null);
    }

    private NameResolver(Session session, String database, String schema) {
        this.session = session;
        this.database = database;
        this.schema = schema;
    }

    /** The same session, with unqualified names resolving in {@code db.schema}. */
    NameResolver within(String db, String schema) {
        return new NameResolver(session, db, schema);
    }

    Session session() {
        return session;
    }

    String defaultDatabase() {
        return database != null ? database : session.database();
    }

    String defaultSchema() {
        return schema != null ? schema : session.schema();
    }

    ObjectRef resolve(List<String> parts, String operation) {
        String db;
        String sch;
        String name = parts.get(parts.size() - 1);
        if (parts.size() == 3) {
            db = parts.get(0);
            sch = parts.get(1);
        } else if (parts.size() == 2) {
            db = defaultDatabase();
            sch = parts.get(0);
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase(operation);
            }
        } else {
            db = defaultDatabase();
            sch = defaultSchema();
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase(operation);
            }
            if (sch == null) {
                throw SnowflakeError.noCurrentSchema(operation);
            }
        }
        return new ObjectRef(db, sch, name);
    }

    /** A name given as a string ('db.schema."obj"'), split into parts with identifier rules. */
    static List<String> parse(String text) {
        Cursor c = new Cursor(text);
        List<String> parts = new ArrayList<>();
        do {
            Token t = c.next();
            if (!t.isIdentifier()) {
                throw SnowflakeError.compilation("invalid object name '" + text + "'");
            }
            parts.add(t.identifierName());
        } while (c.accept(TokenType.DOT));
        if (!c.atEnd()) {
            throw SnowflakeError.compilation("invalid object name '" + text + "'");
        }
        return parts;
    }
}
