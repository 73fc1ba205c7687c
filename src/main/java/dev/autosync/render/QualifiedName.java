package dev.autosync.render;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code DB.SCHEMA.OBJECT} (or fewer parts) made of validated identifiers. Later goals get names
 * as this structure, from render or from the manifest, so none of them splits a name's text.
 */
public record QualifiedName(List<Identifier> parts) implements SqlSafe {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.size() > 3) {
            throw new IllegalArgumentException("a qualified name has one to three parts, not " + parts.size());
        }
    }

    public static QualifiedName of(Identifier... parts) {
        return new QualifiedName(List.of(parts));
    }

    /** From the parts' text, each checked as an {@link Identifier} (IllegalArgumentException names a bad one). */
    public static QualifiedName ofParts(List<String> parts) {
        return new QualifiedName(parts.stream().map(Identifier::new).toList());
    }

    /** The outermost part: for an object in a schema, its database. */
    public Identifier database() {
        return parts.get(0);
    }

    /** The object's own name, without database and schema. */
    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** The parts' text, outermost first ({@code [SCHOOL_DATA, AUTOSYNC, GRADES_PIPE]}). */
    public List<String> texts() {
        return parts.stream().map(Identifier::name).toList();
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
