package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.emulator.EmulatorMain;
import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.wire.LoginPolicy;
import dev.autosync.warehouse.ConnectionRequest;
import dev.autosync.warehouse.ConnectionResolver;
import dev.autosync.warehouse.Secret;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Snowflake emulator in the foreground for other clients (a SQL tool, another
 * build) until Ctrl-C. It listens on 127.0.0.1 only and prints its JDBC URL and connection properties.
 */
@Mojo(name = EmulatorMojo.GOAL_NAME, requiresProject = false, threadSafe = true)
public class EmulatorMojo extends AbstractAutosyncMojo {
    public static final String GOAL_NAME = "emulator";

    /** The loopback port to listen on (0 picks a free one). */
    @Parameter(property = PropertyNames.EMULATOR_PORT, defaultValue = "8086")
    private int port;

    /** The data folder (DuckDB file, stage and bucket folders); the other goals use the same default. */
    @Parameter(property = PropertyNames.EMULATOR_DATA_DIR, defaultValue = "${project.build.directory}/autosync/local")
    private File dataDir;

    /** The one user the emulator accepts (default: any user and password); its password comes from AUTOSYNC_EMULATOR_PASSWORD. */
    @Parameter(property = PropertyNames.EMULATOR_USER)
    private String emulatorUser;

    /** Where the password the emulator accepts comes from (an environment variable, so that no build log shows it). */
    java.util.Map<String, String> environment = System.getenv();

    /** An RSA public key (PEM) with which key-pair logins of {@code emulatorUser} are verified. */
    @Parameter(property = PropertyNames.EMULATOR_PUBLIC_KEY_FILE)
    private File emulatorPublicKeyFile;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return false;
    }

    @Override
    protected void doExecute() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UserFacingException(PropertyNames.EMULATOR_PORT + " is " + port + "; use a port from 1 to 65535, or 0 "
                    + "for a free one.");
        }
        LoginPolicy policy = ConnectionResolver.resolve(new ConnectionRequest().target("local").localDataDir(dataDir.toPath())
                .emulatorLogin(emulatorUser, Secret.of(environment.get(PropertyNames.EMULATOR_PASSWORD_ENV)),
                        emulatorPublicKeyFile == null ? null : emulatorPublicKeyFile.toPath())).localPolicy();
        LocalEmulator emulator;
        try {
            emulator = LocalEmulator.start(dataDir.toPath(), port, policy, m -> getLog().info("emulator: " + m));
        } catch (java.net.BindException e) {
            throw new UserFacingException("Port " + port + " on 127.0.0.1 is in use. Choose another with -D"
                    + PropertyNames.EMULATOR_PORT + "=N (0 for a free one).");
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "autosync-emulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        EmulatorMain.banner(emulator, policy.user()).forEach(getLog()::info);
        getLog().info("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            emulator.close();
            getLog().info("Emulator stopped.");
        }
    }
}
