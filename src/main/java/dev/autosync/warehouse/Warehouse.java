package dev.autosync.warehouse;

import dev.autosync.emulator.LocalEmulator;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
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
        props.putAll(target.properties());
        props.putIfAbsent("loginTimeout", "60");
        try {
            return new Warehouse(target, DriverManager.getConnection(url, props));
        } catch (SQLException e) {
            throw new WarehouseException(loginMessage(target, e), null);
        }
    }

    private static String loginMessage(Target target, SQLException e) {
        String reason = scrub(target, e.getMessage());
        String hint = e.getErrorCode() == 390100 || e.getErrorCode() == 390144
                ? " Check the user and the password or key for this target (the message names no secret on purpose)."
                : "";
        return "Cannot log in to " + target.describe() + ": " + reason + " [" + e.getErrorCode() + "/" + e.getSQLState() + "]" + hint;
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
