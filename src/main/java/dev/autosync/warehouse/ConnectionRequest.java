package dev.autosync.warehouse;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the user configured for connecting, from every source, before it is resolved: goal
 * parameters, a settings.xml server (already decrypted), environment variables, and the folder of
 * Snowflake's connections.toml. {@link ConnectionResolver} turns it into one {@link Target}.
 */
public final class ConnectionRequest {
    String target;
    String jdbcUrl;
    String account;
    String user;
    Secret password;
    String role;
    String warehouse;
    Path privateKeyFile;
    Secret privateKeyPassphrase;
    String connectionName;
    Path connectionsFile;
    String serverId;
    String serverUser;
    Secret serverPassword;
    Path serverPrivateKey;
    Secret serverPassphrase;
    Map<String, String> environment = Map.of();
    Path localDataDir;
    String database;
    String schema;
    String emulatorUser;
    Secret emulatorPassword;
    Path emulatorPublicKeyFile;

    public ConnectionRequest target(String v) {
        target = blankToNull(v);
        return this;
    }

    public ConnectionRequest jdbcUrl(String v) {
        jdbcUrl = blankToNull(v);
        return this;
    }

    public ConnectionRequest account(String v) {
        account = blankToNull(v);
        return this;
    }

    public ConnectionRequest user(String v) {
        user = blankToNull(v);
        return this;
    }

    public ConnectionRequest password(Secret v) {
        password = v;
        return this;
    }

    public ConnectionRequest role(String v) {
        role = blankToNull(v);
        return this;
    }

    public ConnectionRequest warehouse(String v) {
        warehouse = blankToNull(v);
        return this;
    }

    public ConnectionRequest privateKeyFile(Path v) {
        privateKeyFile = v;
        return this;
    }

    public ConnectionRequest privateKeyPassphrase(Secret v) {
        privateKeyPassphrase = v;
        return this;
    }

    public ConnectionRequest connectionName(String v) {
        connectionName = blankToNull(v);
        return this;
    }

    /** The connections.toml to read; default {@code $SNOWFLAKE_HOME/connections.toml} or {@code ~/.snowflake/connections.toml}. */
    public ConnectionRequest connectionsFile(Path v) {
        connectionsFile = v;
        return this;
    }

    /** A settings.xml server's id and its decrypted credentials. */
    public ConnectionRequest server(String id, String username, Secret password, Path privateKey, Secret passphrase) {
        serverId = id;
        serverUser = blankToNull(username);
        serverPassword = password;
        serverPrivateKey = privateKey;
        serverPassphrase = passphrase;
        return this;
    }

    public ConnectionRequest environment(Map<String, String> v) {
        environment = Map.copyOf(v);
        return this;
    }

    /** The local emulator's data folder (target/autosync/local). */
    public ConnectionRequest localDataDir(Path v) {
        localDataDir = v;
        return this;
    }

    public ConnectionRequest database(String v) {
        database = blankToNull(v);
        return this;
    }

    public ConnectionRequest schema(String v) {
        schema = blankToNull(v);
        return this;
    }

    /** Logins the local emulator accepts; by default anyone. */
    public ConnectionRequest emulatorLogin(String user, Secret password, Path publicKeyFile) {
        emulatorUser = blankToNull(user);
        emulatorPassword = password;
        emulatorPublicKeyFile = publicKeyFile;
        return this;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
