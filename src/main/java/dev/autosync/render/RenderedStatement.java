package dev.autosync.render;

import java.util.List;

/**
 * One rendered DDL statement and the object it creates. {@code name} is fully qualified (integrations
 * and databases have one part); {@code checksum} covers the statement without comments or spacing,
 * so reformatting a template does not count as a change.
 */
public record RenderedStatement(int number, ObjectKind kind, String name, String entity, String template,
                                boolean userTemplate, String sql, String checksum, List<String> dependsOn,
                                List<TableColumn> columns) {
    public RenderedStatement {
        dependsOn = List.copyOf(dependsOn);
        columns = List.copyOf(columns);
    }

    /** The object name without database and schema. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    public String fileName() {
        String width = number < 100 ? "%02d" : "%03d";
        return String.format(width, number) + "_" + kind.fileSlug() + "_" + simpleName() + ".sql";
    }
}
