package dev.autosync.sql.tree;

/**
 * {@code expr [ASC | DESC] [NULLS FIRST | LAST]}; {@code direction} and {@code nulls} are null when not written,
 * {@code expr} is null for {@code ORDER BY ALL}.
 */
public record OrderItem(Span span, Expr expr, Direction direction, NullsOrder nulls) implements Node {
    public enum Direction { ASC, DESC }

    public enum NullsOrder { FIRST, LAST }
}
