package dev.autosync.sql.tree;

import java.util.List;

/** An item of GROUP BY: an expression, or ROLLUP / CUBE / GROUPING SETS over expressions. */
public sealed interface GroupingElement extends Node permits Expr, GroupingElement.GroupingSets {

    /** {@code ROLLUP (a, b)}, {@code CUBE (a, b)}, {@code GROUPING SETS ((a, b), c, ())}: sets are {@link Expr.Tuple}s or single expressions. */
    record GroupingSets(Span span, Kind kind, List<Expr> items) implements GroupingElement {
        public enum Kind { ROLLUP, CUBE, GROUPING_SETS }
    }
}
