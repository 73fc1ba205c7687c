package dev.autosync.sql.tree;

import java.util.List;

/**
 * A query: {@code [WITH ...] body [ORDER BY ...] [LIMIT n [OFFSET m] | [OFFSET m] FETCH ...]}.
 * {@code with}, {@code limit} and {@code offset} are null when not written.
 */
public record Query(Span span, With with, QueryBody body, List<OrderItem> orderBy, Expr limit, Expr offset) implements Node {

    public record With(boolean recursive, List<Cte> ctes) {
    }

    /** {@code name [(columns)] AS (query)}. */
    public record Cte(Span span, String name, List<String> columns, Query query) implements Node {
    }
}
