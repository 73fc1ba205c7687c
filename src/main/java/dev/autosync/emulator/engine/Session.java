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
    /** DuckDB prepared statements of this session's recent queries. */
    private final PreparedQueries prepared = new PreparedQueries();
    /**
     * Held while a statement of this session runs (LockedStatements) and while the wire reads the rest of one of its
     * results on a chunk's HTTP thread (RowSource.connectionLock): one DuckDB connection, one thread at a time.
     */
    private final java.util.concurrent.locks.ReentrantLock connectionUse = new java.util.concurrent.locks.ReentrantLock();
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

    private static final java.util.regex.Pattern NTZ_ZONE_FIELDS = java.util.regex.Pattern.compile("(?i)\\s*TZH(:?TZM)?|\\s*TZM");

    /** The output formats in effect: the defaults, overridden by what the session set. */
    public Map<String, String> outputFormats() {
        Map<String, String> m = new LinkedHashMap<>(OUTPUT_FORMAT_DEFAULTS);
        synchronized (outputFormats) {
            m.putAll(outputFormats);
        }
        // a TIMESTAMP_NTZ has no time zone: Snowflake prints none even where its format names one (TZH, TZM)
        m.computeIfPresent("TIMESTAMP_NTZ_OUTPUT_FORMAT", (k, v) -> NTZ_ZONE_FIELDS.matcher(v).replaceAll(""));
        return m;
    }

    /**
     * Session parameters other than the output formats that the session set (ALTER SESSION, or the
     * login's session parameters), by name, and the ones it unset since (null): both are echoed to the
     * driver with every result, an unset one with its default, so driver-side settings follow.
     */
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * Defaults of the session parameters the driver acts on ("Parameters" page); AUTOCOMMIT is always
     * echoed. UNVERIFIED: which parameters Snowflake lists in a result's {@code parameters}; the
     * driver only needs the ones that changed.
     */
    public static final Map<String, String> CLIENT_PARAMETER_DEFAULTS = Map.of(
            "AUTOCOMMIT", "true",
            "JDBC_TREAT_DECIMAL_AS_INT", "true",
            "CLIENT_RESULT_COLUMN_CASE_INSENSITIVE", "false",
            "JDBC_USE_SESSION_TIMEZONE", "true",
            "JDBC_TREAT_TIMESTAMP_NTZ_AS_UTC", "false",
            "JDBC_FORMAT_DATE_WITH_TIMEZONE", "true",
            "CLIENT_TIMESTAMP_TYPE_MAPPING", "TIMESTAMP_LTZ",
            "CLIENT_SESSION_KEEP_ALIVE", "false",
            "QUERY_TAG", "");

    /**
     * Sets ({@code value} non-null) or unsets a session parameter of any kind: output formats, those the
     * emulator honours ({@link #PARAMETER_DEFAULTS}; TIMEZONE moves DuckDB's TimeZone, which TIMESTAMP_LTZ
     * arithmetic and casts follow) and the rest, kept to be echoed to the driver.
     */
    public void parameter(String name, String value) throws SQLException {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        if (outputFormat(n, value)) {
            return;
        }
        if (value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            value = value.toLowerCase(java.util.Locale.ROOT);
        }
        if (n.equals("CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY") && value != null && value.matches("\\d{1,9}")) {
            // "Parameters": 900 to 3600 seconds; a value outside is moved to the nearest limit (UNVERIFIED: clamped, not refused)
            value = String.valueOf(Math.max(900, Math.min(3600, Integer.parseInt(value))));
        }
        if (n.equals("TIMEZONE")) {
            prepared.clear();
            String zone = value == null ? PARAMETER_DEFAULTS.get(n) : value;
            try (java.sql.PreparedStatement ps = conn.prepareStatement("SET TimeZone = '" + zone.replace("'", "''") + "'")) {
                ps.execute();
            }
        }
        synchronized (parameters) {
            parameters.put(n, value);
        }
    }

    /** A session parameter's value: what the session set, else its default (null when neither). */
    public String parameterValue(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        if (OUTPUT_FORMAT_DEFAULTS.containsKey(n)) {
            return outputFormats().get(n);
        }
        String v;
        synchronized (parameters) {
            v = parameters.get(n);
        }
        if (v != null) {
            return v;
        }
        v = PARAMETER_DEFAULTS.get(n);
        return v != null ? v : CLIENT_PARAMETER_DEFAULTS.get(n);
    }

    /** The parameters echoed to the driver: AUTOCOMMIT, and each one the session set or unset (with its value now). */
    public Map<String, String> echoedParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AUTOCOMMIT", parameterValue("AUTOCOMMIT"));
        synchronized (parameters) {
            for (String n : parameters.keySet()) {
                String v = parameterValue(n);
                // TIMEZONE goes out with the output formats; the driver reads the heartbeat frequency as an int it
                // first parsed as a boolean (a ClassCastException), so it is not echoed
                if (v != null && !n.equals("TIMEZONE") && !n.equals("CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY")) {
                    m.put(n, v);
                }
            }
        }
        return m;
    }

    /** One row of SHOW PARAMETERS. */
    public record Parameter(String name, String value, String defaultValue, boolean set, String type) {
    }

    /** Every parameter the session knows: the defaults and what it set, by name. */
    public java.util.List<Parameter> parameterList() {
        java.util.TreeMap<String, String> defaults = new java.util.TreeMap<>(CLIENT_PARAMETER_DEFAULTS);
        defaults.putAll(OUTPUT_FORMAT_DEFAULTS);
        defaults.putAll(PARAMETER_DEFAULTS);
        java.util.TreeSet<String> names = new java.util.TreeSet<>(defaults.keySet());
        synchronized (parameters) {
            names.addAll(parameters.keySet());
        }
        synchronized (outputFormats) {
            names.addAll(outputFormats.keySet());
        }
        java.util.List<Parameter> out = new java.util.ArrayList<>();
        for (String n : names) {
            String v = parameterValue(n);
            boolean set;
            synchronized (parameters) {
                set = parameters.get(n) != null;
            }
            synchronized (outputFormats) {
                set |= outputFormats.containsKey(n);
            }
            if (v == null) {
                continue;
            }
            String d = defaults.getOrDefault(n, "");
            String type = v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? "BOOLEAN"
                    : v.matches("-?\\d+") ? "NUMBER" : "STRING";
            out.add(new Parameter(n, v, d, set, type));
        }
        return out;
    }

    /** Whether statements outside an explicit transaction commit on their own (the AUTOCOMMIT parameter). */
    public boolean autocommit() {
        String v = parameterValue("AUTOCOMMIT");
        return v == null || !(v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("off") || v.equalsIgnoreCase("no"));
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

    /** Snowflake's default TIMEZONE ("Parameters" page): sessions start in it, as on an account that never set it. */
    public static final String DEFAULT_TIMEZONE = "America/Los_Angeles";

    /** Other session parameters the emulator honours ("Parameters" page), with Snowflake's defaults. */
    public static final Map<String, String> PARAMETER_DEFAULTS = Map.of(
            "TIMEZONE", DEFAULT_TIMEZONE, "WEEK_START", "0", "WEEK_OF_YEAR_POLICY", "0", "DEFAULT_NULL_ORDERING", "LAST",
            "TIMESTAMP_TYPE_MAPPING", "TIMESTAMP_NTZ", "TIMESTAMP_INPUT_FORMAT", "AUTO", "DATE_INPUT_FORMAT", "AUTO",
            "TIME_INPUT_FORMAT", "AUTO", "STATEMENT_TIMEOUT_IN_SECONDS", "172800");
    /** Session variables (SET), by name, as DuckDB SQL literals with their text and Snowflake type. */
    private final Map<String, Variable> variables = new java.util.concurrent.ConcurrentHashMap<>();

    /** A session variable: {@code sql} is a DuckDB literal of the value, {@code text} how it reads, {@code type} its Snowflake type. */
    public record Variable(String name, String sql, String text, String type, long createdOn, long updatedOn) {
    }

    /** A parameter's value in this session (see {@link #parameterValue}). */
    public String parameter(String name) {
        return parameterValue(name);
    }

    public Map<String, Variable> variables() {
        return variables;
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

    /** The lock of this session's DuckDB connection (see {@link #connectionUse}). */
    java.util.concurrent.locks.ReentrantLock connectionUse() {
        return connectionUse;
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
        // DuckDB settings and variables set here may be folded into kept plans
        prepared.clear();
        try (Statement st = conn.createStatement()) {
            for (String q : sql) {
                st.execute(q);
            }
        }
    }

    /** This session's kept DuckDB prepared statements of queries. */
    PreparedQueries preparedQueries() {
        return prepared;
    }

    /** Stream offsets to move when the open transaction commits. */
    Map<Long, Long> pendingStreamOffsets() {
        return pendingStreamOffsets;
    }

    synchronized void remember(String queryId, Result r) {
        // a result read whole (a large one is still in DuckDB, for the wire alone to read)
        if (r.rest() == null && r.rows().size() <= 10_000) {
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
        connectionUse.lock();
        try {
            prepared.clear();
            conn.close();
        } catch (SQLException e) {
            // the connection is gone either way
        } finally {
            connectionUse.unlock();
        }
    }
}
