package dev.autosync.warehouse;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a deploy behaves: whether destructive changes are allowed, how long a pipe may take to
 * drain, who applies it, and where progress goes. {@code interruptAfter} stops the deploy after
 * that many applied objects, as a crash would (for testing that a re-run converges); 0 disables it.
 */
public record DeployOptions(boolean allowDestructive, Duration drainTimeout, String appliedBy, String pluginVersion,
                            int interruptAfter, Consumer<String> progress) {
    public static DeployOptions defaults(Consumer<String> progress) {
        return new DeployOptions(false, Duration.ofMinutes(5), System.getProperty("user.name"), "dev", 0, progress);
    }
}
