package dev.autosync.render;

import java.util.List;
import java.util.stream.Collectors;

/** {@code DB.SCHEMA.OBJECT} (or fewer parts) made of validated identifiers. */
public record QualifiedName(List<Identifier> parts) implements SqlSafe {
    public QualifiedName {
        parts = List.copyOf(parts);
    }

    public static QualifiedName of(Identifier... parts) {
        return new QualifiedName(List.of(parts));
    }

    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    @Override
    public String sql() {
        return parts.stream().map(Identifier::sql).collect(Collectors.joining("."));
    }

    /** The name as a string literal, for functions that take an object name ({@code SYSTEM$PIPE_STATUS}). */
    public SqlString literal() {
        return new SqlString(sql());
    }

    @Override
    public String toString() {
        return sql();
    }
}
