package dev.autosync.render;

import java.util.List;

/**
 * One rendered DDL statement and the object it creates. {@code objectName} is fully qualified
 * (integrations and databases have one part); {@code checksum} covers the statement without
 * comments or spacing, so reformatting a template does not count as a change.
 */
public record RenderedStatement(int number, ObjectKind kind, QualifiedName objectName, String entity, String template,
                                boolean userTemplate, String sql, String checksum, List<String> dependsOn,
                                List<TableColumn> columns) {
    public RenderedStatement {
        dependsOn = List.copyOf(dependsOn);
        columns = List.copyOf(columns);
    }

    /** The qualified name as SQL text, as plans, logs and the history table show it. */
    public String name() {
        return objectName.sql();
    }

    /** The object name without database and schema. */
    public String simpleName() {
        return objectName.last().name();
    }

    public String fileName() {
        String width = number < 100 ? "%02d" : "%03d";
        return String.format(width, number) + "_" + kind.fileSlug() + "_" + simpleName() + ".sql";
    }
}
