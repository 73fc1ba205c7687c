package dev.autosync.warehouse;

import dev.autosync.config.PropertyNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one named connection from Snowflake's {@code connections.toml} (the file the Snowflake CLI and drivers share). */
final class ConnectionsToml {
    private ConnectionsToml() {
    }

    /** The default file: {@code $SNOWFLAKE_HOME/connections.toml}, else {@code ~/.snowflake/connections.toml}. */
    static Path defaultFile(Map<String, String> env) {
        String home = env.get("SNOWFLAKE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "connections.toml");
        }
        return Path.of(System.getProperty("user.home"), ".snowflake", "connections.toml");
    }

    /** The named section's keys and values as text. */
    static Map<String, String> read(Path file, String name) throws InvalidConnectionException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConnectionException(PropertyNames.CONNECTION_NAME + " is '" + name + "' but " + file
                    + " does not exist. Create it (see Snowflake's connections.toml documentation) or set SNOWFLAKE_HOME "
                    + "to the folder that holds it.");
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidConnectionException(file + " is not valid TOML: " + firstLine(e.getMessage()));
        }
        JsonNode section = root.get(name);
        if (section == null || !section.isObject()) {
            List<String> names = new ArrayList<>();
            root.fieldNames().forEachRemaining(names::add);
            throw new InvalidConnectionException("there is no connection [" + name + "] in " + file + "; it has "
                    + (names.isEmpty() ? "no connections" : "[" + String.join("], [", names) + "]") + ".");
        }
        Map<String, String> out = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText());
            }
        });
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
