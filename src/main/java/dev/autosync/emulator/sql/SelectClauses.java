package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.sql.parse.TokenStream;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.GroupingElement;
import dev.autosync.sql.tree.QueryBody.Select;
import dev.autosync.sql.tree.QueryBody.SelectItem;
import dev.autosync.sql.tree.Relation;

import java.util.Set;

/**
 * The parts of a select block read the Snowflake way: the labels of its items, GROUP BY's grouping sets, and what an
 * ORDER BY over one aggregate row, a LIMIT of NULL and a {@code $n} over a stage mean.
 */
final class SelectClauses {
    private final TokenStream tokens;
    private final ExpressionGenerator expressions;

    SelectClauses(TokenStream tokens, ExpressionGenerator expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /**
     * Snowflake names an unaliased expression by its text; a column or {@code *} written bare (not in
     * parentheses) keeps its own names.
     */
    String item(SelectItem item, boolean top) {
        String sql = expressions.expression(item.expr());
        if (item.alias() != null) {
            return sql + " AS " + Names.quote(item.alias());
        }
        Expr e = item.expr();
        // a $n over a stage is the column "$n"; over other relations DuckDB's #n would name it after the column
        boolean named = (e instanceof Expr.ColumnRef || e instanceof Expr.Star
                || e instanceof Expr.PositionalRef && !expressions.positionsByNumber()) && e.span().equals(item.span());
        return top && !named ? sql + " AS " + Names.quote(tokens.label(item.span())) : sql;
    }

    String groupingElement(GroupingElement g) {
        if (g instanceof Expr e) {
            return expressions.expression(e);
        }
        GroupingElement.GroupingSets sets = (GroupingElement.GroupingSets) g;
        String kind = switch (sets.kind()) {
            case ROLLUP -> "ROLLUP";
            case CUBE -> "CUBE";
            case GROUPING_SETS -> "GROUPING SETS";
        };
        return kind + " (" + expressions.expressions(sets.items()) + ")";
    }

    private static final Set<String> PLAIN_AGGREGATES = Set.of("COUNT", "COUNT_IF", "SUM", "AVG", "MIN", "MAX", "ARRAY_AGG",
            "ARRAYAGG", "LISTAGG", "MEDIAN", "MODE", "ANY_VALUE", "OBJECT_AGG", "ARRAY_UNIQUE_AGG");

    /**
     * Whether a select block is aggregates only, without GROUP BY: its one row makes an ORDER BY meaningless, and
     * Snowflake accepts one naming a column the select list does not (array_agg page), where DuckDB refuses it.
     */
    static boolean oneAggregateRow(Select s) {
        return s.groupBy() == null && s.having() == null && !s.items().isEmpty() && s.items().stream().allMatch(item ->
                item.expr() instanceof Expr.FunctionCall f && f.over() == null
                        && PLAIN_AGGREGATES.contains(f.simpleName().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Whether the FROM item reads a stage, whose {@code $n} are columns named so, not positions. */
    static boolean readsStage(Relation r) {
        if (r instanceof Relation.StageRef) {
            return true;
        } else if (r instanceof Relation.Join j) {
            return readsStage(j.left()) || readsStage(j.right());
        } else if (r instanceof Relation.NestedJoin n) {
            return n.relations().stream().anyMatch(SelectClauses::readsStage);
        } else if (r instanceof Relation.Lateral l) {
            return readsStage(l.relation());
        }
        return false;
    }

    /** LIMIT / OFFSET NULL or '' (or $$$$): no limit, no offset (limit page). */
    static boolean unlimited(Expr e) {
        return e instanceof Expr.StringLiteral s && s.value().isEmpty() || e instanceof Expr.NullLiteral;
    }
}
