package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file format's options, with Snowflake's defaults. Named formats are kept as catalog objects;
 * COPY and stage queries may also give one inline ({@code FILE_FORMAT = (TYPE = JSON ...)}).
 */
public record FileFormat(String type, ObjectNode options) {
    private static final Set<String> JSON_OPTIONS = Set.of("TYPE", "COMPRESSION", "DATE_FORMAT", "TIME_FORMAT",
            "TIMESTAMP_FORMAT", "BINARY_FORMAT", "TRIM_SPACE", "MULTI_LINE", "NULL_IF", "FILE_EXTENSION", "ENABLE_OCTAL",
            "ALLOW_DUPLICATE", "STRIP_OUTER_ARRAY", "STRIP_NULL_VALUES", "REPLACE_INVALID_CHARACTERS",
            "IGNORE_UTF8_ERRORS", "SKIP_BYTE_ORDER_MARK", "COMMENT", "FORMAT_NAME");

    /** The defaults for JSON (and for properties DESC FILE FORMAT lists). */
    static final Map<String, String> JSON_DEFAULTS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>() {
        {
            put("TYPE", "JSON");
            put("FILE_EXTENSION", "");
            put("DATE_FORMAT", "AUTO");
            put("TIME_FORMAT", "AUTO");
            put("TIMESTAMP_FORMAT", "AUTO");
            put("BINARY_FORMAT", "HEX");
            put("TRIM_SPACE", "false");
            put("MULTI_LINE", "true");
            put("NULL_IF", "[]");
            put("COMPRESSION", "AUTO");
            put("ENABLE_OCTAL", "false");
            put("ALLOW_DUPLICATE", "false");
            put("STRIP_OUTER_ARRAY", "false");
            put("STRIP_NULL_VALUES", "false");
            put("IGNORE_UTF8_ERRORS", "false");
            put("REPLACE_INVALID_CHARACTERS", "false");
            put("SKIP_BYTE_ORDER_MARK", "true");
        }
    });

    public static FileFormat csvDefault() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("TYPE", "CSV");
        return new FileFormat("CSV", o);
    }

    /** Builds a format from properties; the type defaults to CSV, as in Snowflake. */
    public static FileFormat of(ObjectNode props) {
        String type = props.hasNonNull("TYPE") ? props.get("TYPE").asText().toUpperCase(Locale.ROOT) : "CSV";
        if (type.equals("JSON")) {
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!JSON_OPTIONS.contains(k)) {
                    throw SnowflakeError.compilation("invalid value [" + k + "] for parameter 'format type options'."
                            + " It is not a JSON file format option.");
                }
            }
        }
        return new FileFormat(type, props);
    }

    public boolean isJson() {
        return type.equals("JSON");
    }

    public String option(String key) {
        JsonNode v = options.get(key);
        if (v != null && !v.isNull()) {
            return v.isArray() ? v.toString() : v.asText();
        }
        return JSON_DEFAULTS.get(key);
    }

    public boolean flag(String key) {
        String v = option(key);
        return v != null && (v.equalsIgnoreCase("TRUE") || v.equals("1"));
    }
}
