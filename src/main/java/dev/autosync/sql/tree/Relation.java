package dev.autosync.sql.tree;

import java.util.List;
import java.util.Map;

/**
 * A FROM item: tables, stage references, table functions, subqueries, VALUES, parenthesized joins,
 * LATERAL and joins. Modifiers ({@code AT(...)}, {@code CHANGES(...)}, {@code SAMPLE (...)},
 * {@code PIVOT(...)}...) are kept by keyword and span, not interpreted; {@code alias} is null when
 * not written.
 */
public sealed interface Relation extends Node {

    /** A table, view or stream (or a CTE) by name. */
    record TableRef(Span span, List<String> name, List<Modifier> modifiers, Alias alias) implements Relation {
    }

    /** {@code @stage/path (FILE_FORMAT => 'f', PATTERN => '.*')}: options by upper-cased name, values as written or decoded. */
    record StageRef(Span span, String location, Map<String, String> options, List<Modifier> modifiers, Alias alias)
            implements Relation {
    }

    /** {@code TABLE(fn(...))} ({@code tableKeyword}) or a bare {@code fn(...)} as after LATERAL. */
    record TableFunction(Span span, Expr.FunctionCall call, boolean tableKeyword, List<Modifier> modifiers, Alias alias)
            implements Relation {
    }

    /** {@code (query)}, including {@code (VALUES ...)}. */
    record Derived(Span span, Query query, List<Modifier> modifiers, Alias alias) implements Relation {
    }

    /** {@code VALUES (...), (...)} without parentheses around it. */
    record ValuesTable(Span span, QueryBody.Values values, List<Modifier> modifiers, Alias alias) implements Relation {
    }

    /** {@code (a JOIN b ON ...)}. */
    record NestedJoin(Span span, List<Relation> relations, List<Modifier> modifiers, Alias alias) implements Relation {
    }

    /** {@code LATERAL relation}. */
    record Lateral(Span span, Relation relation) implements Relation {
    }

    /** {@code left [NATURAL] type JOIN right [ON on | USING (using)]}; {@code on} null and {@code using} empty when absent. */
    record Join(Span span, JoinType type, boolean natural, Relation left, Relation right, Expr on, List<String> using)
            implements Relation {
    }

    record Alias(String name, List<String> columns) {
    }

    /**
     * A relation modifier by keyword (AT, BEFORE, CHANGES, SAMPLE, TABLESAMPLE, PIVOT, UNPIVOT, MATCH_RECOGNIZE);
     * {@code shape} holds a PIVOT's or UNPIVOT's parts ({@link Pivot}, {@link Unpivot}), null for the others.
     */
    record Modifier(Span span, String keyword, Object shape) implements Node {
        public Modifier(Span span, String keyword) {
            this(span, keyword, null);
        }
    }

    /**
     * {@code PIVOT(agg(col) [AS alias] FOR column IN (values | ANY [ORDER BY ...] | subquery) [DEFAULT ON NULL (expr)])}:
     * exactly one of {@code values} (non-empty), {@code any} and {@code subquery} says which values become columns.
     */
    record Pivot(Expr.FunctionCall aggregate, String aggregateAlias, String column, List<PivotValue> values, boolean any,
                 List<OrderItem> anyOrder, Query subquery, Expr defaultOnNull) {
    }

    /** One listed pivot value; {@code alias} null when not written; {@code text} the value as written. */
    record PivotValue(Expr value, String text, String alias) {
    }

    /**
     * {@code SAMPLE | TABLESAMPLE [method] (amount [ROWS]) [SEED | REPEATABLE (seed)]}: {@code method} upper-cased or null,
     * {@code amount} and {@code seed} as written (seed null when absent).
     */
    record Sample(String method, String amount, boolean rows, String seed) {
    }

    /** {@code UNPIVOT [INCLUDE | EXCLUDE NULLS] (valueColumn FOR nameColumn IN (col [AS alias], ...))}; aliases null when not written. */
    record Unpivot(boolean includeNulls, String valueColumn, String nameColumn, List<String> columns, List<String> aliases) {
    }

    /** ASOF: {@code on} holds the MATCH_CONDITION, ANDed after any ON condition (asof-join page). */
    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS, ASOF }
}
