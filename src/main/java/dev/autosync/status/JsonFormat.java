package dev.autosync.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON document: {@code schemaVersion} first, then the report's fields in camelCase, as
 * described by {@code autosync/status.schema.json} (shipped in the plugin jar). Fields are only
 * ever added within a schema version, never renamed or removed.
 */
public final class JsonFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFormat() {
    }

    public static String render(StatusReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", StatusReport.SCHEMA_VERSION);
        root.setAll((ObjectNode) JSON.valueToTree(r));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
