package dev.autosync.emulator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Snowflake session: its user, role, warehouse, current database and schema, transaction state,
 * and its own DuckDB connection (so each session's explicit transaction stays its own).
 */
public final class Session {
    private final String id;
    private final String user;
    private final Connection conn;
    private String role = "SYSADMIN";
    private String warehouse;
    private String database;
    private String schema;
    private boolean explicitTransaction;
    private String lastQueryId;
    private final Map<Long, Long> pendingStreamOffsets = new HashMap<>();
    private final Map<String, Result> recentResults = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > 20;
        }
    };
    private volatile long lastUsed = System.currentTimeMillis();
    /** Output-format parameters this session set (ALTER SESSION, or the login's session parameters), by name. */
    private final Map<String, String> outputFormats = new LinkedHashMap<>();
    private volatile String jdbcResultFormat;
    private volatile String clientApp = "";

    /**
     * The session parameters that shape how the driver prints values ("Parameters" page), with
     * Snowflake's account defaults; sent at login and with every result, so getString() follows
     * what the session set.
     */
    public static final Map<String, String> OUTPUT_FORMAT_DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TIMESTAMP_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM");
        m.put("TIMESTAMP_NTZ_OUTPUT_FORMAT", "YYYY-MM-DD HH24:MI:SS.FF3");
        m.put("TIMESTAMP_LTZ_OUTPUT_FORMAT", "");
        m.put("TIMESTAMP_TZ_OUTPUT_FORMAT", "");
        m.put("DATE_OUTPUT_FORMAT", "YYYY-MM-DD");
        m.put("TIME_OUTPUT_FORMAT", "HH24:MI:SS");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The output formats in effect: the defaults, overridden by what the session set. */
    public Map<String, String> outputFormats() {
        Map<String, String> m = new LinkedHashMap<>(OUTPUT_FORMAT_DEFAULTS);
        synchronized (outputFormats) {
            m.putAll(outputFormats);
        }
        return m;
    }

    /** Sets ({@code value} non-null) or unsets an output-format parameter; false when {@code name} is not one. */
    public boolean outputFormat(String name, String value) {
        if (name.equals("JDBC_QUERY_RESULT_FORMAT")) {
            jdbcResultFormat = value;
            return true;
        }
        if (!OUTPUT_FORMAT_DEFAULTS.containsKey(name)) {
            return false;
        }
        synchronized (outputFormats) {
            if (value == null) {
                outputFormats.remove(name);
            } else {
                outputFormats.put(name, value);
            }
        }
        return true;
    }

    /** JDBC_QUERY_RESULT_FORMAT as the session set it (login or ALTER SESSION), null for the default (ARROW). */
    public String jdbcResultFormat() {
        return jdbcResultFormat;
    }

    /** The client's CLIENT_APP_ID from its login ("JDBC" for snowflake-jdbc). */
    public String clientApp() {
        return clientApp;
    }

    public void clientApp(String app) {
        this.clientApp = app;
    }

    Session(String id, String user, Connection conn) {
        this.id = id;
        this.user = user;
        this.conn = conn;
    }

    public String id() {
        return id;
    }

    public String user() {
        return user;
    }

    public Connection conn() {
        return conn;
    }

    public String role() {
        return role;
    }

    public void role(String role) {
        this.role = role;
    }

    public String warehouse() {
        return warehouse;
    }

    public void warehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public String database() {
        return database;
    }

    public void database(String database) {
        this.database = database;
    }

    public String schema() {
        return schema;
    }

    public void schema(String schema) {
        this.schema = schema;
    }

    public boolean inExplicitTransaction() {
        return explicitTransaction;
    }

    void explicitTransaction(boolean on) {
        this.explicitTransaction = on;
    }

    public String lastQueryId() {
        return lastQueryId;
    }

    public void lastQueryId(String id) {
        this.lastQueryId = id;
    }

    /** Runs DuckDB statements on the session's connection. */
    void exec(String... sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }

    /** Stream offsets to move when the open transaction commits. */
    Map<Long, Long> pendingStreamOffsets() {
        return pendingStreamOffsets;
    }

    synchronized void remember(String queryId, Result r) {
        if (r.rows().size() <= 10_000) {
            recentResults.put(queryId, r);
        }
    }

    synchronized Result recent(String queryId) {
        return recentResults.get(queryId);
    }

    void touch() {
        lastUsed = System.currentTimeMillis();
    }

    long lastUsed() {
        return lastUsed;
    }

    void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            // the connection is gone either way
        }
    }
}
