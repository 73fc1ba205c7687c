package dev.autosync.sql.tree;

/**
 * Where a node was written: the significant tokens {@code [start, end)} of the statement it was
 * parsed from (see {@code TokenStream}). The text of a span gives Snowflake's default column label
 * and error positions without keeping source strings in the tree.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid token span [" + start + ", " + end + ")");
        }
    }
}
