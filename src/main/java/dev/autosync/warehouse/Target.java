package dev.autosync.warehouse;

import dev.autosync.emulator.wire.LoginPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A resolved connection: the local emulator (its data folder and login policy) or Snowflake (a
 * JDBC URL). {@link #properties} holds the credentials for the driver; {@link #describe} is safe
 * to log and never contains a secret.
 */
public record Target(Kind kind, String url, Map<String, String> settings, Map<String, Secret> secrets,
                     Path localDataDir, LoginPolicy localPolicy, List<String> sources) {

    public enum Kind { LOCAL, SNOWFLAKE }

    public Target {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        sources = List.copyOf(sources);
    }

    public boolean local() {
        return kind == Kind.LOCAL;
    }

    /** Driver properties, secrets included: only for {@code DriverManager.getConnection}. */
    Properties properties() {
        Properties p = new Properties();
        settings.forEach(p::setProperty);
        secrets.forEach((k, v) -> p.setProperty(k, v.reveal()));
        return p;
    }

    /** One line for the log: where, as whom, and where each credential came from. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (local()) {
            sb.append("the local emulator (data in ").append(localDataDir).append(')');
        } else {
            sb.append("Snowflake at ").append(url);
        }
        String user = settings.get("user");
        if (user != null) {
            sb.append(" as ").append(user);
        }
        if (settings.containsKey("role")) {
            sb.append(", role ").append(settings.get("role"));
        }
        if (settings.containsKey("warehouse")) {
            sb.append(", warehouse ").append(settings.get("warehouse"));
        }
        if (!sources.isEmpty()) {
            sb.append(" (").append(String.join("; ", sources)).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
