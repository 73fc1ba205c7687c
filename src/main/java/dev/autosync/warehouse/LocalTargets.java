package dev.autosync.warehouse;

import dev.autosync.config.PropertyNames;
import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.engine.IncompatibleDataFolderException;
import dev.autosync.emulator.wire.LoginPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The in-process emulators of this JVM, one per data folder: render, deploy, e2e and status in one
 * Maven build share the emulator the first of them started, and it stops when the JVM exits.
 */
public final class LocalTargets {
    private static final Map<Path, Running> RUNNING = new HashMap<>();
    private static boolean hookInstalled;

    private record Running(LocalEmulator emulator, LoginPolicy policy) {
    }

    private LocalTargets() {
    }

    /** The emulator for a data folder, started on a free loopback port when none runs in this JVM. */
    public static synchronized LocalEmulator acquire(Path dataDir, LoginPolicy policy, Consumer<String> log)
            throws IOException, SQLException, InvalidConnectionException {
        Path key = Files.createDirectories(dataDir).toRealPath();
        Running r = RUNNING.get(key);
        if (r != null && r.policy().equals(policy)) {
            return r.emulator();
        }
        if (r != null) {
            r.emulator().close();
            RUNNING.remove(key);
        }
        LocalEmulator e;
        try {
            e = LocalEmulator.start(key, 0, policy, log);
        } catch (IncompatibleDataFolderException older) {
            throw new InvalidConnectionException(older.getMessage());
        } catch (IllegalStateException busy) {
            throw new InvalidConnectionException(busy.getMessage() + " If it is `mvn autosync:emulator`, connect to it "
                    + "instead with -D" + PropertyNames.JDBC_URL + "=<the URL it printed> -D" + PropertyNames.TARGET + "=snowflake.");
        }
        RUNNING.put(key, new Running(e, policy));
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(LocalTargets::stopAll, "autosync-local-targets-stop"));
        }
        return e;
    }

    /** Stops every emulator this JVM started (JVM exit; tests). */
    public static synchronized void stopAll() {
        RUNNING.values().forEach(r -> r.emulator().close());
        RUNNING.clear();
    }
}
