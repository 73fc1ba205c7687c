package dev.autosync.emulator.engine;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions, each on its own DuckDB connection (a duplicate of the engine's root connection). */
final class Sessions {
    private final DuckDBConnection root;
    private final EngineLock lock;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    Sessions(DuckDBConnection root, EngineLock lock) {
        this.root = root;
        this.lock = lock;
    }

    Session open(String user, String database, String schema, String warehouse, String role) throws SQLException {
        Connection c = root.duplicate();
        Session s = new Session(UUID.randomUUID().toString(), user == null ? "AUTOSYNC" : user.toUpperCase(), c);
        // DuckDB's TimeZone of the session's connection follows its TIMEZONE parameter (TIMESTAMP_LTZ casts and arithmetic)
        s.exec("SET TimeZone = '" + Session.DEFAULT_TIMEZONE + "'");
        s.database(normaliseLoginName(database));
        s.schema(normaliseLoginName(schema == null && database != null ? "PUBLIC" : schema));
        s.warehouse(normaliseLoginName(warehouse));
        if (role != null) {
            s.role(normaliseLoginName(role));
        }
        open.put(s.id(), s);
        return s;
    }

    /** A session for the engine's own work (pipe loading), named after it. */
    Session internal(String name) throws SQLException {
        return open(name, null, null, null, "SYSADMIN");
    }

    /** Login parameters are names as a user types them: unquoted means upper case. */
    private static String normaliseLoginName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toUpperCase();
    }

    Result recent(String user, String queryId) {
        for (Session s : open.values()) {
            if (s.user().equals(user)) {
                Result r = s.recent(queryId);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    Session find(String id) {
        Session s = open.get(id);
        if (s != null) {
            s.touch();
        }
        return s;
    }

    /** Ends a session: an open transaction rolls back and gives up the engine lock. */
    void close(Session s) {
        if (open.remove(s.id()) == null) {
            return;
        }
        if (s.inExplicitTransaction()) {
            try {
                s.conn().rollback();
                s.conn().setAutoCommit(true);
            } catch (SQLException e) {
                // closing anyway
            }
            s.explicitTransaction(false);
        }
        lock.releaseAll(s);
        s.close();
    }

    void closeAll() {
        for (Session s : new ArrayList<>(open.values())) {
            close(s);
        }
    }
}
