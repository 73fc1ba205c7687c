package dev.autosync.sql.tree;

import java.util.List;
import java.util.Optional;

/**
 * {@code COPY INTO table [(columns)] [FROM source] [options]}: loading a table from staged files.
 * {@code source} is null when FROM is omitted (the table's own stage); {@code columns} is empty when
 * not written; {@code options} are the copy options, FILES, PATTERN, FILE_FORMAT and VALIDATION_MODE in
 * the order written.
 */
public record CopyInto(Span span, List<String> table, List<String> columns, CopySource source, List<Property> options)
        implements Node {

    public Optional<Property> option(String name) {
        return Property.find(options, name);
    }

    /** Whether the COPY transforms data through a SELECT. */
    public boolean transforms() {
        return source instanceof CopySource.Transform;
    }
}
