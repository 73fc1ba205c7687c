package dev.autosync.sql.tree;

import java.util.List;

/** {@code OVER (PARTITION BY ... ORDER BY ... frame)}; {@code frame} is null when not written. */
public record Window(Span span, List<Expr> partitionBy, List<OrderItem> orderBy, Frame frame) implements Node {

    /** {@code ROWS BETWEEN start AND end}, or {@code ROWS start} with a null {@code end}. */
    public record Frame(Unit unit, Bound start, Bound end) {
        public enum Unit { ROWS, RANGE, GROUPS }
    }

    /** A frame bound; {@code offset} is set for {@code n PRECEDING} and {@code n FOLLOWING}. */
    public record Bound(Kind kind, Expr offset) {
        public enum Kind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }
    }
}
