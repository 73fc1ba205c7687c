package dev.autosync.pipeline;

import java.util.List;

/**
 * One field of an event: where it is in the JSON ({@code path} segments), the landing column it
 * becomes, its type, and whether a record without it is rejected or gets {@code defaultValue}.
 */
public record FieldSpec(String column, List<String> path, FieldType type, boolean required,
                        String defaultValue, String description) {

    public FieldSpec {
        path = List.copyOf(path);
    }

    public String pathText() {
        return String.join(".", path);
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
