package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.OrderItem;
import dev.autosync.sql.tree.Relation;
import dev.autosync.sql.tree.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PIVOT, UNPIVOT and SAMPLE after a FROM item (pivot, unpivot and sample pages), as DuckDB subqueries over the item:
 * a PIVOT is one aggregate per pivot value over the rows holding that value, grouped by every other column
 * ({@code GROUP BY ALL}); an UNPIVOT joins each row with one (name, value) row per listed column.
 */
final class Reshapes {
    private static final String SOURCE = Names.quote("$RESHAPED");
    private static final String UNPIVOTED = Names.quote("$UNPIVOTED");

    private final QueryGenerator queries;
    private final ExpressionGenerator expressions;
    private final SqlContext ctx;

    Reshapes(QueryGenerator queries, ExpressionGenerator expressions, SqlContext ctx) {
        this.queries = queries;
        this.expressions = expressions;
        this.ctx = ctx;
    }

    /** Whether every modifier is a PIVOT, an UNPIVOT or a SAMPLE (and there is one at least). */
    static boolean handles(List<Relation.Modifier> modifiers) {
        return !modifiers.isEmpty() && modifiers.stream().allMatch(m -> m.shape() != null);
    }

    /** {@code source} (DuckDB SQL of a relation) with the modifiers applied in order, as a parenthesised subquery. */
    String apply(String source, List<Relation.Modifier> modifiers) {
        String current = source;
        for (Relation.Modifier m : modifiers) {
            String sql = m.shape() instanceof Relation.Pivot p ? pivot(current, p, m.span())
                    : m.shape() instanceof Relation.Sample sample ? sample(current, sample)
                    : unpivot(current, (Relation.Unpivot) m.shape());
            current = "(" + sql + ")";
        }
        return current;
    }

    /**
     * SAMPLE / TABLESAMPLE (sample page): a percentage of the rows, each kept with that probability (BERNOULLI / ROW,
     * the default) or by blocks (SYSTEM / BLOCK), or a fixed number of rows; a seed makes it repeatable.
     * UNVERIFIED: which rows a seed picks differs from Snowflake's (only the counts and repeatability hold).
     */
    private static String sample(String source, Relation.Sample s) {
        java.math.BigDecimal amount = new java.math.BigDecimal(s.amount());
        if (s.rows() ? amount.signum() < 0 || amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0
                : amount.signum() < 0 || amount.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw SnowflakeError.compilation("Invalid sample size " + s.amount() + (s.rows() ? " rows" : "%"));
        }
        String method = s.rows() ? "reservoir" : "SYSTEM".equals(s.method()) || "BLOCK".equals(s.method()) ? "system" : "bernoulli";
        String size = s.rows() ? amount.toBigInteger() + " ROWS" : amount.toPlainString() + " PERCENT";
        return "SELECT * FROM " + source + " AS " + SOURCE + " USING SAMPLE " + size + " (" + method
                + (s.seed() == null ? "" : ", " + s.seed()) + ")";
    }

    private String unpivot(String source, Relation.Unpivot u) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < u.columns().size(); i++) {
            String column = u.columns().get(i);
            String name = u.aliases().get(i) != null ? u.aliases().get(i) : column;
            rows.add("(" + SqlLiterals.quote(name) + ", " + SOURCE + "." + Names.quote(column) + ")");
        }
        return "SELECT " + SOURCE + ".* EXCLUDE (" + ExpressionGenerator.join(u.columns(), Names::quote) + "), "
                + UNPIVOTED + ".n AS " + Names.quote(u.nameColumn()) + ", " + UNPIVOTED + ".v AS " + Names.quote(u.valueColumn())
                + " FROM " + source + " AS " + SOURCE + " CROSS JOIN LATERAL (VALUES " + String.join(", ", rows) + ") AS "
                + UNPIVOTED + " (n, v)" + (u.includeNulls() ? "" : " WHERE " + UNPIVOTED + ".v IS NOT NULL");
    }

    /** A pivot value and the label of its column. */
    private record Value(Expr value, String label) {
    }

    private String pivot(String source, Relation.Pivot p, Span span) {
        String scope = " FROM " + source + " AS " + SOURCE;
        List<Value> values = new ArrayList<>();
        if (p.any() || p.subquery() != null) {
            String query;
            if (p.subquery() != null) {
                query = queries.withClause() + "SELECT * FROM (" + queries.query(p.subquery(), false) + ")";
            } else {
                StringBuilder order = new StringBuilder();
                for (OrderItem o : p.anyOrder()) {
                    order.append(order.length() == 0 ? " ORDER BY " : ", ").append(expressions.expression(o.expr()));
                    if (o.direction() != null) {
                        order.append(' ').append(o.direction());
                    }
                    if (o.nulls() != null) {
                        order.append(" NULLS ").append(o.nulls());
                    }
                }
                // UNVERIFIED: without ORDER BY the columns come in the values' order
                query = queries.withClause() + "SELECT DISTINCT " + Names.quote(p.column()) + scope
                        + (order.length() == 0 ? " ORDER BY 1" : order.toString());
            }
            for (Object v : ctx.columnValues(query)) {
                values.add(dynamicValue(v, span));
            }
        } else {
            for (Relation.PivotValue v : p.values()) {
                values.add(new Value(v.value(), v.alias() != null ? v.alias() : v.text()));
            }
        }
        if (values.isEmpty()) {
            throw SnowflakeError.unsupported("PIVOT without pivot values");
        }
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(p.column());
        p.aggregate().walk().forEach(n -> {
            if (n instanceof Expr.ColumnRef c) {
                excluded.add(c.parts().get(c.parts().size() - 1));
            }
        });
        String[] outer = expressions.typeScope(new String[] {queries.withClause() + "SELECT ", scope});
        List<String> items = new ArrayList<>();
        try {
            for (Value v : values) {
                String aggregate = expressions.expression(filtered(p.aggregate(), p.column(), v.value()));
                if (p.defaultOnNull() != null) {
                    aggregate = "COALESCE(" + aggregate + ", " + expressions.expression(p.defaultOnNull()) + ")";
                }
                items.add(aggregate + " AS " + Names.quote(label(v.label(), p.aggregateAlias())));
            }
        } finally {
            expressions.typeScope(outer);
        }
        return "SELECT " + SOURCE + ".* EXCLUDE (" + ExpressionGenerator.join(new ArrayList<>(excluded), Names::quote) + "), "
                + String.join(", ", items) + scope + " GROUP BY ALL";
    }

    /** The aggregate over the rows whose pivot column holds {@code value}: its argument is NULL elsewhere. */
    private static Expr filtered(Expr.FunctionCall aggregate, String column, Expr value) {
        Span s = aggregate.span();
        Expr.ColumnRef ref = new Expr.ColumnRef(s, List.of(column));
        Expr condition = value instanceof Expr.NullLiteral ? new Expr.IsNull(s, ref, false)
                : new Expr.Binary(s, Expr.BinaryOperator.EQUALS, ref, value);
        List<Expr.FunctionCall.Argument> arguments = new ArrayList<>();
        for (Expr.FunctionCall.Argument a : aggregate.arguments()) {
            Expr only = a.value() instanceof Expr.Star ? new Expr.NumberLiteral(s, "1") : a.value();
            arguments.add(new Expr.FunctionCall.Argument(a.name(),
                    new Expr.Case(s, null, List.of(new Expr.Case.When(condition, only)), null)));
        }
        return new Expr.FunctionCall(s, aggregate.name(), aggregate.distinct(), List.copyOf(arguments), aggregate.nulls(),
                aggregate.withinGroup(), aggregate.over());
    }

    /** A value found by ANY or a subquery, and its column label: a string as a quoted literal ('2023_Q1'). */
    private static Value dynamicValue(Object v, Span s) {
        if (v == null) {
            return new Value(new Expr.NullLiteral(s), "NULL");
        }
        if (v instanceof Number n) {
            String text = n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
            return new Value(new Expr.NumberLiteral(s, text), text);
        }
        if (v instanceof Boolean b) {
            return new Value(new Expr.BooleanLiteral(s, b), b ? "TRUE" : "FALSE");
        }
        String text = v.toString(); // UNVERIFIED: dates and timestamps labelled as strings
        return new Value(new Expr.StringLiteral(s, text), "'" + text + "'");
    }

    /** A pivot column's label with the aggregate's alias appended: '2023_Q1' with total is '2023_Q1_TOTAL'. */
    private static String label(String value, String aggregateAlias) {
        if (aggregateAlias == null) {
            return value;
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(0, value.length() - 1) + "_" + aggregateAlias + "'";
        }
        return value + "_" + aggregateAlias;
    }
}
