package dev.autosync.emulator;

import dev.autosync.emulator.wire.LoginPolicy;

import dev.autosync.emulator.engine.Engine;
import dev.autosync.emulator.wire.WireServer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The embedded local Snowflake: an {@link Engine} on a data folder behind a {@link WireServer} on
 * 127.0.0.1. Clients connect with the real snowflake-jdbc driver using {@link #jdbcUrl()} and
 * {@link #connectionProperties}.
 */
public final class LocalEmulator implements AutoCloseable {
    /** The user the plugin logs in as when no credentials are configured. */
    public static final String DEFAULT_USER = "AUTOSYNC";

    private final Engine engine;
    private final WireServer server;

    private LocalEmulator(Engine engine, WireServer server) {
        this.engine = engine;
        this.server = server;
    }

    /**
     * Opens (or creates) the data folder and starts listening.
     *
     * @param port 0 for a free port
     * @param user null to accept any login; else the user name logins must use
     * @param password the password logins must give (ignored when {@code user} is null)
     */
    public static LocalEmulator start(Path dataDir, int port, String user, String password, Consumer<String> log)
            throws IOException, SQLException {
        return start(dataDir, port, user == null ? LoginPolicy.anyone() : new LoginPolicy(user, password, null), log);
    }

    /** Opens (or creates) the data folder and starts listening, accepting the logins the policy allows. */
    public static LocalEmulator start(Path dataDir, int port, LoginPolicy policy, Consumer<String> log)
            throws IOException, SQLException {
        Engine engine = new Engine(dataDir, log);
        try {
            WireServer server = new WireServer(engine, port, policy);
            engine.startBackgroundWork();
            return new LocalEmulator(engine, server);
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return engine.dataDir();
    }

    /** The JDBC URL: plain HTTP on loopback, no platform detection (no traffic leaves the machine). */
    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** The JDBC URL of an emulator (or a bare wire server) listening on {@code port} of loopback. */
    public static String jdbcUrl(int port) {
        return "jdbc:snowflake://127.0.0.1:" + port + "/?account=local&ssl=off&disablePlatformDetection=true";
    }

    /**
     * The snowflake-jdbc properties every connection to a loopback emulator needs: the login, plain HTTP, no
     * platform detection, no client telemetry.
     */
    public static Properties loopbackProperties(String user, String password) {
        Properties p = new Properties();
        p.put("user", user == null ? DEFAULT_USER : user);
        p.put("password", password == null ? "local" : password);
        p.put("account", "local");
        p.put("ssl", "off");
        p.put("disablePlatformDetection", "true");
        p.put("CLIENT_TELEMETRY_ENABLED", "false");
        return p;
    }

    /** Connection properties for snowflake-jdbc. */
    public Properties connectionProperties(String user, String password, String database, String schema) {
        Properties p = loopbackProperties(user, password);
        p.put("loginTimeout", "30");
        if (database != null) {
            p.put("db", database);
        }
        if (schema != null) {
            p.put("schema", schema);
        }
        p.put("warehouse", "LOCAL_WH");
        return p;
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
