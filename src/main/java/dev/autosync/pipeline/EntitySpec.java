package dev.autosync.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * One event feed: its fields, the key of its normalised table, which field orders events (newest
 * wins, ties broken by the event id), its derived columns and its optional freshness limit (null: none).
 */
public record EntitySpec(String name, String folder, String description, List<FieldSpec> fields,
                         List<String> keys, String eventId, String orderBy, List<DerivedColumn> derived,
                         Freshness freshness) {

    public EntitySpec {
        fields = List.copyOf(fields);
        keys = List.copyOf(keys);
        derived = List.copyOf(derived);
    }

    public Optional<FieldSpec> field(String column) {
        return fields.stream().filter(f -> f.column().equals(column)).findFirst();
    }

    public ObjectNames names() {
        return new ObjectNames(name);
    }
}
