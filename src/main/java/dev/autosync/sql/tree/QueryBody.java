package dev.autosync.sql.tree;

import java.util.List;

/** What a query combines: SELECT blocks, VALUES, parenthesized queries and set operations over them. */
public sealed interface QueryBody extends Node {

    /**
     * {@code SELECT [DISTINCT] [TOP n] items [INTO ...] [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [QUALIFY ...]}.
     * Absent clauses are null ({@code top}, {@code where}, {@code groupBy}, {@code having}, {@code qualify}) or empty.
     */
    record Select(Span span, boolean distinct, Expr top, List<SelectItem> items, List<String> into, List<Relation> from,
                  Expr where, GroupBy groupBy, Expr having, Expr qualify) implements QueryBody {
    }

    /** UNION [ALL] [BY NAME], EXCEPT (MINUS) and INTERSECT; INTERSECT binds tighter than the others. */
    record SetOperation(Span span, SetOperator operator, boolean all, boolean byName, QueryBody left, QueryBody right)
            implements QueryBody {
    }

    /** {@code VALUES (1, 'a'), (2, 'b')}. */
    record Values(Span span, List<List<Expr>> rows) implements QueryBody {
    }

    /** {@code (query)} as an operand of a set operation or a whole query. */
    record Nested(Span span, Query query) implements QueryBody {
    }

    /** An item of the select list: {@code expr [[AS] alias]}; {@code alias} is null when not written. */
    record SelectItem(Span span, Expr expr, String alias) implements Node {
    }

    /** {@code GROUP BY ALL} ({@code all} with no elements) or {@code GROUP BY elements}. */
    record GroupBy(Span span, boolean all, List<GroupingElement> elements) implements Node {
    }

    enum SetOperator { UNION, EXCEPT, INTERSECT }
}
