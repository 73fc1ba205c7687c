package dev.autosync.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the values of a source field to new values (event type to status), with a fallback. */
public record MappedColumn(String column, String source, boolean caseInsensitive,
                           Map<String, String> values, String otherwise) implements DerivedColumn {

    public MappedColumn {
        values = new LinkedHashMap<>(values);
    }

    @Override
    public FieldType type() {
        return FieldType.VARCHAR;
    }

    @Override
    public Map<String, String> values() {
        return new LinkedHashMap<>(values);
    }
}
