package dev.autosync.warehouse;

import dev.autosync.emulator.LocalEmulator;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * One JDBC session on a {@link Target} through snowflake-jdbc, local or Snowflake alike. Errors
 * never carry a secret: messages are scrubbed of every credential value before they leave.
 */
public final class Warehouse implements AutoCloseable {
    private final Target target;
    private final Connection connection;

    private Warehouse(Target target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    /** Connects; for the local target, starts (or reuses) the in-process emulator first. */
    public static Warehouse connect(Target target, Consumer<String> log) throws WarehouseException, InvalidConnectionException {
        DriverLog.Bridge.ensureInstalled();
        String url = target.url();
        Properties props = new Properties();
        if (target.local()) {
            try {
                LocalEmulator e = LocalTargets.acquire(target.localDataDir(), target.localPolicy(), log);
                url = e.jdbcUrl();
                props.putAll(e.connectionProperties(null, null, null, null));
                props.remove("warehouse");
            } catch (IOException | SQLException e) {
                throw new WarehouseException("Cannot start the local emulator in " + target.localDataDir() + ": "
                        + e.getMessage(), null);
            }
        }
        props.putAll(driverProperties(target));
        long start = System.nanoTime();
        try {
            return new Warehouse(target, DriverManager.getConnection(url, props));
        } catch (SQLException e) {
            throw new WarehouseException(loginMessage(target, url, e, Duration.ofNanos(System.nanoTime() - start)), null);
        }
    }

    /** The target's properties plus what every connection gets: a bounded login timeout, no platform detection. */
    static Properties driverProperties(Target target) {
        Properties props = target.properties();
        props.putIfAbsent("loginTimeout", Long.toString(DEFAULT_LOGIN_TIMEOUT.toSeconds()));
        // The driver otherwise probes cloud metadata addresses (AWS, Azure, GCP) before it logs in: seconds lost,
        // and errors logged, on every machine outside those clouds. Off for every connection, whatever the settings say.
        props.put(DISABLE_PLATFORM_DETECTION, "true");
        return props;
    }

    /** snowflake-jdbc's connection property (3.x and 4.x) that turns off cloud platform detection. */
    static final String DISABLE_PLATFORM_DETECTION = "disablePlatformDetection";
    /** How long the driver keeps retrying a login: a wrong account or no network fails within it. */
    static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(30);

    private static String loginMessage(Target target, String url, SQLException e, Duration took) {
        String reason = scrub(target, e.getMessage());
        if (e.getErrorCode() == 390100 || e.getErrorCode() == 390144) {
            return "Cannot log in to " + target.describe() + ": " + reason + " [" + e.getErrorCode() + "/" + e.getSQLState() + "]"
                    + " Check the user and the password or key for this target (the message names no secret on purpose).";
        }
        if (unreachable(e)) {
            return "Cannot reach " + accountUrl(url) + " (gave up after " + Math.max(1, took.toSeconds()) + " s: "
                    + firstLine(reason) + "). Check the account identifier (orgname-accountname, as in the account URL "
                    + "https://<orgname>-<accountname>.snowflakecomputing.com), the network and any proxy or firewall "
                    + "between this machine and it. Target: " + target.describe();
        }
        return "Cannot log in to " + target.describe() + ": " + reason + " [" + e.getErrorCode() + "/" + e.getSQLState() + "]";
    }

    /** No answer from the host at all (unknown host, refused, timed out), as opposed to an answer that says no. */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // snowflake-jdbc wraps the cause in its own message text (JDBC driver encountered communication error)
        return e.getErrorCode() == 200061 || e.getErrorCode() == 200003 || m.contains("communication error")
                || m.contains("connection refused") || m.contains("unknownhost") || m.contains("timed out")
                || m.contains("name or service not known") || m.contains("nodename nor servname");
    }

    /** The https address the driver calls, from a jdbc:snowflake:// URL (without its query string). */
    static String accountUrl(String jdbcUrl) {
        String u = jdbcUrl.replaceFirst("^jdbc:snowflake://", "");
        int q = u.indexOf('?');
        u = q >= 0 ? u.substring(0, q) : u;
        u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        boolean plain = jdbcUrl.toLowerCase(Locale.ROOT).matches(".*[?&]ssl=off(&.*)?");
        return (plain ? "http://" : "https://") + u;
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }

    /** A message with every secret of the target replaced by ****. */
    public static String scrub(Target target, String message) {
        if (message == null) {
            return "";
        }
        String out = message;
        for (Secret s : target.secrets().values()) {
            if (s.reveal().length() >= 3) {
                out = out.replace(s.reveal(), "****");
            }
        }
        return out;
    }

    public Target target() {
        return target;
    }

    public Connection jdbc() {
        return connection;
    }

    public void execute(String sql) throws WarehouseException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Rows as column name (upper case) to text value. */
    public List<Map<String, String>> query(String sql) throws WarehouseException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toUpperCase(Locale.ROOT), rs.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
        return rows;
    }

    /** The first column of the first row, or null. */
    public String scalar(String sql) throws WarehouseException {
        List<Map<String, String>> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    /** A failed statement as a WarehouseException: scrubbed of secrets, naming the statement. */
    public WarehouseException failure(String sql, SQLException e) {
        String first = sql.strip().lines().filter(l -> !l.strip().startsWith("--")).findFirst().orElse(sql).strip();
        return new WarehouseException(scrub(target, e.getMessage()) + " [" + e.getErrorCode() + "/" + e.getSQLState() + "] in: "
                + (first.length() > 160 ? first.substring(0, 160) + "..." : first), e.getErrorCode(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a session that the server may already have dropped
        }
    }
}
