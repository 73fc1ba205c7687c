package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.Names;
import dev.autosync.sql.parse.TokenStream;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.QueryBody.Select;
import dev.autosync.sql.tree.QueryBody.SelectItem;
import dev.autosync.sql.tree.QueryBody.SetOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hidden offset companion columns a select list appends after all its items ({@link TimestampTz}), so positions
 * (ORDER BY 2) stay as written: a result's (one per TIMESTAMP_TZ item, by its label), a nested block's (a subquery in
 * FROM, a CTE, an INSERT's source, a COPY transformation) and the operands' of a set operation.
 */
final class TzCompanions {
    private static final Set<String> AGGREGATES = Set.of("MIN", "MAX", "ANY_VALUE", "ARG_MIN", "ARG_MAX",
            "MIN_BY", "MAX_BY", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE", "LAG", "LEAD", "MODE");

    private final TokenStream tokens;
    private final ExpressionGenerator expressions;

    TzCompanions(TokenStream tokens, ExpressionGenerator expressions) {
        this.tokens = tokens;
        this.expressions = expressions;
    }

    /** A result's companions: each TIMESTAMP_TZ item's offset, named by the item's label. */
    String result(Select s) {
        StringBuilder sb = new StringBuilder();
        List<String> offsets = itemOffsets(s);
        for (int i = 0; i < offsets.size(); i++) {
            if (offsets.get(i) != null) {
                sb.append(", ").append(offsets.get(i)).append(" AS ").append(Names.quote(TimestampTz.COMPANION + label(s.items().get(i))));
            }
        }
        return sb.toString();
    }

    private List<String> itemOffsets(Select s) {
        boolean grouped = s.groupBy() != null || s.having() != null;
        List<String> out = new ArrayList<>();
        for (SelectItem item : s.items()) {
            out.add(offset(item, grouped));
        }
        return out;
    }

    /**
     * The offset SQL of a select item, read inside its block's scope: null where it has none, is a star, or holds a bind
     * parameter (a bind cannot be read twice); in a grouped block an offset of the group's values.
     */
    private String offset(SelectItem item, boolean grouped) {
        Expr e = item.expr();
        if (e instanceof Expr.Star || e.walk().anyMatch(Expr.Parameter.class::isInstance)) {
            return null;
        }
        try {
            // MIN / MAX of TIMESTAMP_TZ values: the offset of the chosen row; another aggregate's is not its argument's
            String chosen = TimestampTz.aggregateOffset(expressions, e);
            if (chosen != null) {
                return chosen;
            }
            String offset = hasAggregate(e) ? null : expressions.tzOffset(e);
            return offset != null && grouped ? "any_value(" + offset + ")" : offset;
        } catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean hasAggregate(Expr e) {
        return e.walk().anyMatch(x -> x instanceof Expr.FunctionCall f && AGGREGATES.contains(f.simpleName().toUpperCase(Locale.ROOT)));
    }

    /** The label DuckDB gives a result item: its alias, a bare column's name (t.ts is TS), else Snowflake's label. */
    String label(SelectItem item) {
        String named = duckName(item);
        return named != null ? named : tokens.label(item.span());
    }

    /** An item's name where DuckDB names it as Snowflake does (aliased, or a bare column), else null. */
    private static String duckName(SelectItem item) {
        if (item.alias() != null) {
            return item.alias();
        }
        return item.expr() instanceof Expr.ColumnRef c && c.span().equals(item.span()) ? c.parts().get(c.parts().size() - 1) : null;
    }

    /**
     * The companions of a nested select block (a subquery in FROM, a CTE, an INSERT's source), recording their labels in
     * {@code collector}: only items DuckDB names as Snowflake does (aliased, or a bare column), or by position
     * ({@code #0}, {@code #1}...: a COPY transformation); the stars' stored companions ride along inside the star (a
     * subquery), or after all items (an INSERT's source, whose stars leave them out).
     */
    String nested(Select s, Set<String> collector, boolean insert, boolean positional) {
        StringBuilder sb = new StringBuilder();
        boolean grouped = s.groupBy() != null || s.having() != null;
        for (int index = 0; index < s.items().size(); index++) {
            SelectItem item = s.items().get(index);
            if (item.expr() instanceof Expr.Star star) {
                for (Map.Entry<String, Set<String>> e : expressions.tzScope().entrySet()) { // this block's FROM
                    if (!star.qualifier().isEmpty() && !star.qualifier().get(star.qualifier().size() - 1).equals(e.getKey())) {
                        continue;
                    }
                    for (String col : e.getValue()) {
                        if (star.exclude().contains(col) || !collector.add(col)) {
                            continue;
                        }
                        if (insert) {
                            sb.append(", ").append(Names.quote(e.getKey())).append('.').append(Names.quote(TimestampTz.COMPANION + col));
                        }
                    }
                }
                continue;
            }
            String label = positional ? "#" + index : duckName(item);
            String offset = label == null || collector.contains(label) ? null : offset(item, grouped);
            if (offset == null) {
                continue;
            }
            collector.add(label);
            sb.append(", ").append(offset).append(" AS ").append(Names.quote(TimestampTz.COMPANION + label));
        }
        return sb.toString();
    }

    /**
     * Whether a set operation can carry its operands' offsets: each operand a select block without a star,
     * all of one width, matched by position (not BY NAME).
     */
    static boolean carriesOffsets(QueryBody body) {
        List<Select> operands = new ArrayList<>();
        if (!operands(body, operands)) {
            return false;
        }
        int width = operands.get(0).items().size();
        return operands.stream().allMatch(s -> s.items().size() == width
                && s.items().stream().noneMatch(item -> item.expr() instanceof Expr.Star));
    }

    private static boolean operands(QueryBody body, List<Select> out) {
        if (body instanceof Select s) {
            out.add(s);
            return true;
        }
        return body instanceof SetOperation op && !op.byName() && operands(op.left(), out) && operands(op.right(), out);
    }

    /**
     * The companions of a set operation's operands, by position: the first operand's TIMESTAMP_TZ items decide which
     * (and their labels, as the result's column names are the first operand's); a later operand gives its value's
     * offset there, or NULL (the session zone's offset when read). A nested set operation (a subquery, a CTE, an
     * INSERT's source) records the labels in its collector, and only items DuckDB names as Snowflake does.
     */
    final class SetOperands {
        private final Set<String> collector;
        private List<Integer> positions;
        private List<String> labels;

        SetOperands(Set<String> collector) {
            this.collector = collector;
        }

        String next(Select s) {
            List<String> offsets = itemOffsets(s);
            if (positions == null) {
                positions = new ArrayList<>();
                labels = new ArrayList<>();
                for (int i = 0; i < offsets.size(); i++) {
                    String label = collector == null ? label(s.items().get(i)) : duckName(s.items().get(i));
                    if (offsets.get(i) != null && label != null && (collector == null || collector.add(label))) {
                        positions.add(i);
                        labels.add(label);
                    }
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < positions.size(); k++) {
                String offset = offsets.get(positions.get(k));
                sb.append(", ").append(offset == null ? "CAST(NULL AS SMALLINT)" : "CAST(" + offset + " AS SMALLINT)")
                        .append(" AS ").append(Names.quote(TimestampTz.COMPANION + labels.get(k)));
            }
            return sb.toString();
        }
    }
}
