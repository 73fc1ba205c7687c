package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BinaryOperator;
import dev.autosync.sql.tree.Expr.Cast;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.Unary;
import dev.autosync.sql.tree.Expr.UnaryOperator;

import java.util.Locale;
import java.util.Map;

/**
 * Rounding functions with a scale (ROUND with its rounding mode, TRUNC / TRUNCATE, FLOOR, CEIL), DIV0 /
 * DIV0NULL with Snowflake's exact division, and the static scale of fixed-point expressions that
 * Snowflake's arithmetic rules ("Arithmetic operators" page: scale of a product, of a quotient) need.
 */
final class NumericFunctions {
    /** Snowflake's quotient and product scales stop growing at 12 digits (unless an operand has more). */
    static final int MAX_DERIVED_SCALE = 12;

    private NumericFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, NumericFunctions::round, "ROUND");
        // cot page: COT(0) is inf (DuckDB raises an out-of-range error)
        Functions.register(t, c -> {
            c.need(1, 1);
            String x = "CAST(" + c.sql(0) + " AS DOUBLE)";
            return "(CASE WHEN " + x + " = 0 THEN CAST('inf' AS DOUBLE) ELSE 1 / tan(" + x + ") END)";
        }, "COT");
        Functions.register(t, c -> {
            c.need(1, 1);
            return "power(CAST(" + c.sql(0) + " AS DOUBLE), 2)";
        }, "SQUARE");
        // haversine page: great-circle kilometres between two (latitude, longitude) points in degrees, on a sphere of
        // radius 6371 km (New York to Los Angeles is 3936.385096389)
        Functions.register(t, c -> {
            c.need(4, 4);
            String[] r = new String[4];
            for (int i = 0; i < 4; i++) {
                r[i] = "radians(CAST(" + c.sql(i) + " AS DOUBLE))";
            }
            return "(2 * 6371 * asin(sqrt(power(sin((" + r[2] + " - " + r[0] + ") / 2), 2) + cos(" + r[0] + ") * cos(" + r[2]
                    + ") * power(sin((" + r[3] + " - " + r[1] + ") / 2), 2))))";
        }, "HAVERSINE");
        Functions.register(t, c -> {
            c.need(1, 2);
            String part = c.literal(1);
            if (part != null) {
                // TRUNC(date_or_time, 'part') is DATE_TRUNC
                return DateFunctions.truncate(DateFunctions.part(part), c, 0);
            }
            return c.count() == 1 ? "trunc(" + c.sql(0) + ")" : "trunc(" + c.sql(0) + ", " + scale(c, 1) + ")";
        }, "TRUNC", "TRUNCATE");
        Functions.register(t, c -> stepped(c, "floor", ">", "-"), "FLOOR");
        Functions.register(t, c -> stepped(c, "ceil", "<", "+"), "CEIL", "CEILING");
        Functions.register(t, c -> {
            c.need(2, 2);
            return "(CASE WHEN " + c.sql(1) + " = 0 THEN 0 ELSE " + c.generator().divide(c.arg(0), c.arg(1)) + " END)";
        }, "DIV0");
        Functions.register(t, c -> {
            c.need(2, 2);
            return "(CASE WHEN " + c.sql(1) + " = 0 OR " + c.sql(1) + " IS NULL THEN 0 ELSE "
                    + c.generator().divide(c.arg(0), c.arg(1)) + " END)";
        }, "DIV0NULL");
    }

    /** ROUND(x [, scale [, 'HALF_AWAY_FROM_ZERO' | 'HALF_TO_EVEN']]). */
    private static String round(Call c) {
        c.need(1, 3);
        if (c.count() == 1) {
            return "round(" + c.sql(0) + ")";
        }
        String mode = c.count() > 2 ? c.literal(2) : "HALF_AWAY_FROM_ZERO";
        if (mode == null) {
            throw SnowflakeError.unsupported("ROUND with a rounding mode that is not a string literal");
        }
        switch (mode.toUpperCase(Locale.ROOT)) {
            case "HALF_AWAY_FROM_ZERO":
                return "round(" + c.sql(0) + ", " + scale(c, 1) + ")";
            case "HALF_TO_EVEN": {
                String even = "round_even(" + c.sql(0) + ", " + scale(c, 1) + ")";
                Integer n = c.integer(1);
                Integer s = staticScale(c.arg(0));
                // DuckDB's round_even gives a DOUBLE; a fixed-point value stays a NUMBER of that scale
                return n != null && s != null ? "CAST(" + even + " AS DECIMAL(38," + Math.min(n, s) + "))" : even;
            }
            default:
                throw SnowflakeError.compilation("invalid rounding mode '" + mode + "'; expected HALF_AWAY_FROM_ZERO or HALF_TO_EVEN");
        }
    }

    /**
     * FLOOR / CEIL with a scale: the value truncated at the scale, moved one step down (FLOOR) or up (CEIL)
     * when truncating went the other way. A literal scale keeps a fixed-point value fixed-point.
     */
    private static String stepped(Call c, String name, String past, String op) {
        c.need(1, 2);
        if (c.count() == 1) {
            return name + "(" + c.sql(0) + ")";
        }
        String x = c.sql(0);
        String t = "trunc(" + x + ", " + scale(c, 1) + ")";
        Integer n = c.integer(1);
        String step = n != null ? (n == 0 ? "1" : "0." + "0".repeat(n - 1) + "1") : "power(10, - " + scale(c, 1) + ")";
        if (c.arg(1) instanceof Unary u && u.operator() == UnaryOperator.MINUS && u.operand() instanceof NumberLiteral lit
                && lit.text().matches("[0-9]{1,2}")) {
            step = "1" + "0".repeat(Integer.parseInt(lit.text()));
        }
        return "(CASE WHEN " + t + " " + past + " " + x + " THEN " + t + " " + op + " " + step + " ELSE " + t + " END)";
    }

    /** A scale argument as DuckDB's INTEGER. */
    private static String scale(Call c, int i) {
        return c.integer(i) != null ? c.sql(i) : "CAST(" + c.sql(i) + " AS INTEGER)";
    }

    /**
     * The scale of a fixed-point expression when it can be told from the SQL alone (literals, casts and
     * arithmetic over them); null when it depends on column types or the expression is not fixed-point.
     */
    static Integer staticScale(Expr e) {
        return staticScale(e, name -> null);
    }

    /** As {@link #staticScale(Expr)}, reading a name through {@code aliases} (a select list's lateral aliases). */
    static Integer staticScale(Expr e, java.util.function.Function<String, Expr> aliases) {
        return staticScale(e, aliases, column -> null);
    }

    /** As {@link #staticScale(Expr, java.util.function.Function)}, reading a column's scale through {@code columns}. */
    static Integer staticScale(Expr e, java.util.function.Function<String, Expr> aliases,
                               java.util.function.Function<Expr, Integer> columns) {
        if (e instanceof Expr.ColumnRef r) {
            Expr aliased = r.parts().size() == 1 ? aliases.apply(r.parts().get(0)) : null;
            return aliased == null || aliased == e ? columns.apply(e) : staticScale(aliased, name -> null);
        }
        if (e instanceof Expr.NullLiteral) {
            return 0; // div0null page: 1/NULL and DIV0NULL(1, NULL) have the scale of 1/1
        }
        if (e instanceof NumberLiteral n) {
            String text = n.text();
            if (text.contains("e") || text.contains("E")) {
                return null;
            }
            int dot = text.indexOf('.');
            return dot < 0 ? 0 : text.length() - dot - 1;
        }
        if (e instanceof Unary u && u.operator() != UnaryOperator.NOT) {
            return staticScale(u.operand(), aliases, columns);
        }
        if (e instanceof Cast c) {
            SnowflakeTypes t;
            try {
                t = SnowflakeTypes.of(c.type());
            } catch (SnowflakeError unsupported) {
                return null;
            }
            if (t.canonical().startsWith("NUMBER(")) {
                return Integer.parseInt(t.canonical().replaceAll(".*,(\\d+)\\)", "$1"));
            }
            return null;
        }
        if (e instanceof Binary b) {
            Integer s1 = staticScale(b.left(), aliases, columns);
            Integer s2 = staticScale(b.right(), aliases, columns);
            if (s1 == null || s2 == null) {
                return null;
            }
            if (b.operator() == BinaryOperator.PLUS || b.operator() == BinaryOperator.MINUS) {
                return Math.max(s1, s2);
            }
            if (b.operator() == BinaryOperator.TIMES) {
                return productScale(s1, s2);
            }
            if (b.operator() == BinaryOperator.DIVIDE) {
                return quotientScale(s1);
            }
        }
        return null;
    }

    /** Snowflake: a product's scale is s1 + s2, capped at the larger of 12 and the operands' scales. */
    static int productScale(int s1, int s2) {
        return Math.min(s1 + s2, Math.max(MAX_DERIVED_SCALE, Math.max(s1, s2)));
    }

    /** Snowflake: a quotient's scale is max(s1, min(s1 + 6, 12)) for a dividend of scale s1. */
    static int quotientScale(int s1) {
        return Math.max(s1, Math.min(s1 + 6, MAX_DERIVED_SCALE));
    }
}
