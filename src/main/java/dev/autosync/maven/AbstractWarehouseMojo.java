package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.warehouse.ConnectionRequest;
import dev.autosync.warehouse.ConnectionResolver;
import dev.autosync.warehouse.DriverLog;
import dev.autosync.warehouse.InvalidConnectionException;
import dev.autosync.warehouse.Secret;
import dev.autosync.warehouse.Target;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.nio.file.Path;

/**
 * The connection parameters every goal that talks to a warehouse shares (deploy, e2e, status),
 * and the one place that turns them into a {@link Warehouse}. Passwords are never parameters: they
 * come from a settings.xml server (decrypted by Maven), the environment or connections.toml.
 */
public abstract class AbstractWarehouseMojo extends AbstractAutosyncMojo {

    /** {@code local} (the embedded emulator) or {@code snowflake}; default snowflake when an account or connection is configured. */
    @Parameter(property = PropertyNames.TARGET)
    protected String target;

    /** An explicit snowflake-jdbc URL (no credentials in it). */
    @Parameter(property = PropertyNames.JDBC_URL)
    protected String jdbcUrl;

    /** The Snowflake account identifier, e.g. {@code myorg-myaccount}. */
    @Parameter(property = PropertyNames.ACCOUNT)
    protected String account;

    /** The Snowflake user. */
    @Parameter(property = PropertyNames.USER)
    protected String user;

    /** The role to use. */
    @Parameter(property = PropertyNames.ROLE)
    protected String role;

    /** The warehouse for the session. */
    @Parameter(property = PropertyNames.WAREHOUSE)
    protected String warehouse;

    /** A settings.xml {@code <server>} id holding the user and password (or private key and passphrase). */
    @Parameter(property = PropertyNames.SERVER_ID)
    protected String serverId;

    /** A PEM private key for key-pair authentication; its passphrase comes from the server or SNOWFLAKE_PRIVATE_KEY_FILE_PWD. */
    @Parameter(property = PropertyNames.PRIVATE_KEY_FILE)
    protected File privateKeyFile;

    /** A connection name from Snowflake's connections.toml. */
    @Parameter(property = PropertyNames.CONNECTION_NAME)
    protected String connectionName;

    /** The connections.toml to read (default {@code $SNOWFLAKE_HOME/connections.toml} or {@code ~/.snowflake/connections.toml}). */
    @Parameter(property = PropertyNames.CONNECTIONS_FILE)
    protected File connectionsFile;

    /** The local emulator's data folder. */
    @Parameter(property = PropertyNames.EMULATOR_DATA_DIR, defaultValue = "${project.build.directory}/autosync/local")
    protected File emulatorDataDir;

    /** The one user the local emulator accepts (default: any); its password comes from AUTOSYNC_EMULATOR_PASSWORD. */
    @Parameter(property = PropertyNames.EMULATOR_USER)
    protected String emulatorUser;

    /** Where the password the emulator accepts comes from (an environment variable, so that no build log shows it). */
    java.util.Map<String, String> environment = System.getenv();

    /** An RSA public key (PEM) with which the local emulator verifies key-pair logins of {@code emulatorUser}. */
    @Parameter(property = PropertyNames.EMULATOR_PUBLIC_KEY_FILE)
    protected File emulatorPublicKeyFile;

    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    /** Resolves the connection settings from every source, or fails naming each problem. */
    protected Target resolveTarget() throws InvalidConnectionException {
        ConnectionRequest r = new ConnectionRequest().target(target).jdbcUrl(jdbcUrl).account(account).user(user).role(role)
                .warehouse(warehouse).connectionName(connectionName)
                .privateKeyFile(privateKeyFile == null ? null : privateKeyFile.toPath())
                .connectionsFile(connectionsFile == null ? null : connectionsFile.toPath())
                .environment(environment).localDataDir(emulatorDataDir.toPath())
                .emulatorLogin(emulatorUser, Secret.of(environment.get(PropertyNames.EMULATOR_PASSWORD_ENV)),
                        emulatorPublicKeyFile == null ? null : emulatorPublicKeyFile.toPath());
        if (serverId != null && !serverId.isBlank()) {
            Server server = decryptedServer(serverId.strip());
            r.server(server.getId(), server.getUsername(), Secret.of(server.getPassword()),
                    server.getPrivateKey() == null ? null : Path.of(server.getPrivateKey()), Secret.of(server.getPassphrase()));
        }
        Target t = ConnectionResolver.resolve(r);
        if (t.local() && target == null) {
            getLog().info("No Snowflake connection is configured: using the local emulator in " + display(emulatorDataDir)
                    + " (set autosync.account, autosync.connectionName or autosync.serverId for Snowflake).");
        }
        return t;
    }

    private Server decryptedServer(String id) throws InvalidConnectionException {
        Server server = settings == null ? null : settings.getServer(id);
        if (server == null) {
            throw new InvalidConnectionException("autosync.serverId is '" + id + "' but settings.xml has no <server> with that "
                    + "<id>. Add one with <username> and <password> (encrypt it with mvn --encrypt-password).");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem p : result.getProblems()) {
            if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new InvalidConnectionException("the password of settings.xml server '" + id + "' cannot be decrypted: "
                        + p.getMessage() + ". Check ~/.m2/settings-security.xml and re-encrypt with mvn --encrypt-password.");
            }
        }
        return result.getServer();
    }

    /** Connects to the resolved target, logging where (never with what secret). */
    protected Warehouse connect() throws InvalidConnectionException, WarehouseException {
        Target t = resolveTarget();
        getLog().info("Connecting to " + t.describe());
        org.apache.maven.plugin.logging.Log log = getLog();
        DriverLog.route(new DriverLog() {
            @Override
            public void debug(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }
        }, log.isDebugEnabled());
        return Warehouse.connect(t, m -> getLog().debug("emulator: " + m));
    }
}
