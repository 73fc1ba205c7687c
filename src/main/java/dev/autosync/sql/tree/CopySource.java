package dev.autosync.sql.tree;

/** Where COPY INTO a table reads: a stage, an external location or a transformation's SELECT. */
public sealed interface CopySource extends Node {

    /** {@code @stage/path}, {@code @%table}, {@code @~/path}: {@code location} as written after the {@code @}. */
    record Stage(Span span, String location) implements CopySource {
    }

    /** {@code 's3://bucket/path'}: an external location written as a string. */
    record Location(Span span, String url) implements CopySource {
    }

    /** {@code (SELECT ... FROM @stage)}: a transformation. */
    record Transform(Span span, Query query) implements CopySource {
    }
}
