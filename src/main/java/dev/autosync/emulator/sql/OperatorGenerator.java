package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BinaryOperator;
import dev.autosync.sql.tree.Expr.ColumnRef;
import dev.autosync.sql.tree.Expr.IntervalLiteral;
import dev.autosync.sql.tree.Expr.Like;
import dev.autosync.sql.tree.Expr.LikeOperator;
import dev.autosync.sql.tree.Expr.StringLiteral;
import dev.autosync.sql.tree.Expr.Unary;
import dev.autosync.sql.tree.Expr.UnaryOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB SQL for Snowflake's unary and binary operators and LIKE / ILIKE / RLIKE: exact division and product scales,
 * interval arithmetic (a TIMESTAMP_TZ on its own wall clock), collated and mixed-precision comparisons, and VARIANT
 * operands read as numbers or compared as VARIANTs.
 */
final class OperatorGenerator {
    private final ExpressionGenerator gen;
    private final SqlContext ctx;
    /** Untyped lambda parameters being generated: their elements are VARIANTs (owned by the expression generator). */
    private final java.util.Set<String> variantParameters;

    OperatorGenerator(ExpressionGenerator gen, SqlContext ctx, java.util.Set<String> variantParameters) {
        this.gen = gen;
        this.ctx = ctx;
        this.variantParameters = variantParameters;
    }

    String unary(Unary u) {
        if (u.operator() == UnaryOperator.NOT) {
            return "NOT " + gen.operand(u.operand(), Precedence.NOT);
        }
        return (u.operator() == UnaryOperator.MINUS ? "- " : "+ ") + gen.operand(u.operand(), Precedence.UNARY);
    }

    private Integer scale(Expr e) {
        return NumericFunctions.staticScale(e, gen.lateralAliases()::get,
                column -> AggregateFunctions.scaleOf(gen.duckType(column)));
    }

    /**
     * {@code left / right}: exact fixed-point division ({@code sf_div}, see the engine's ExactDivision). When both
     * scales can be told from the SQL, the quotient gets Snowflake's scale, max(s1, min(s1 + 6, 12)), and a
     * divisor finer than 12 digits is scaled up with the dividend so it is not rounded to zero.
     */
    String divide(Expr left, Expr right) {
        String dividend = gen.expression(left);
        String divisor = gen.expression(right);
        Integer s1 = scale(left);
        Integer s2 = scale(right);
        if (s1 == null || s2 == null) {
            return "sf_div(" + dividend + ", " + divisor + ", typeof(" + dividend + "))";
        }
        String type = "typeof(" + dividend + ")";
        if (s2 > NumericFunctions.MAX_DERIVED_SCALE) {
            String shift = "1" + "0".repeat(s2 - NumericFunctions.MAX_DERIVED_SCALE);
            dividend = "(" + dividend + ") * " + shift;
            divisor = "(" + divisor + ") * " + shift;
        }
        return "CAST(sf_div(" + dividend + ", " + divisor + ", " + type + ") AS DECIMAL(38," + NumericFunctions.quotientScale(s1)
                + "))";
    }

    /** {@code value + INTERVAL '...'}; a TIMESTAMP_TZ moves on its own wall clock and keeps its offset. */
    private String plusInterval(Expr value, String interval, int sign) {
        String offset = gen.tzOffset(value);
        if (offset == null) {
            boolean nanos = DateFunctions.hasNanoseconds(interval) && DateFunctions.wallClock(gen.duckType(value));
            return DateFunctions.addInterval(gen.expression(value), interval, sign, ctx, nanos);
        }
        return TimestampTz.instant(DateFunctions.addInterval(TimestampTz.wall(gen.expression(value), offset), interval, sign, ctx, false),
                offset);
    }

    String binary(Binary b) {
        if (ARITHMETIC.contains(b.operator()) && (variantForm(b.left()) || variantForm(b.right()))) {
            // a VARIANT operand of arithmetic is read as a number (transform page: (i:subtotal / i:quantity));
            // DuckDB has no arithmetic on JSON. UNVERIFIED: Snowflake's result type (FLOAT here)
            int p = Precedence.of(b);
            return "(" + number(b.left(), p) + " " + b.operator().symbol() + " " + number(b.right(), p + 1) + ")";
        }
        if ((b.operator() == BinaryOperator.PLUS || b.operator() == BinaryOperator.MINUS) && b.right() instanceof IntervalLiteral i) {
            return plusInterval(b.left(), i.value(), b.operator() == BinaryOperator.MINUS ? -1 : 1);
        }
        if (b.operator() == BinaryOperator.PLUS && b.left() instanceof IntervalLiteral i) {
            return plusInterval(b.right(), i.value(), 1);
        }
        if (b.operator() == BinaryOperator.DIVIDE) {
            return divide(b.left(), b.right());
        }
        int p = Precedence.of(b);
        if (b.operator() == BinaryOperator.TIMES) {
            Integer s1 = scale(b.left());
            Integer s2 = scale(b.right());
            if (s1 != null && s2 != null && NumericFunctions.productScale(s1, s2) < s1 + s2) {
                // Snowflake caps a product's scale (rounding), where DuckDB keeps s1 + s2
                return "CAST(" + gen.operand(b.left(), p) + " * " + gen.operand(b.right(), p + 1) + " AS DECIMAL(38,"
                        + NumericFunctions.productScale(s1, s2) + "))";
            }
        }
        // comparisons do not chain in DuckDB: a nested one keeps its parentheses
        int leftMin = p == Precedence.COMPARISON ? p + 1 : p;
        String collation = p == Precedence.COMPARISON ? gen.collations().compared(b.left(), b.right()) : null;
        if (collation != null) {
            // collation page: a collated operand compares both sides by the collation's keys
            String l = Collations.key(gen.expression(Collations.operand(b.left())), collation);
            String r = Collations.key(gen.expression(Collations.operand(b.right())), collation);
            return l + " " + b.operator().symbol() + " " + r;
        }
        if (p == Precedence.COMPARISON && TimeNanos.mixed(gen, b.left(), b.right())) {
            return TimeNanos.compared(gen, List.of(b.left(), b.right()), List.of(" " + b.operator().symbol() + " "));
        }
        if (p == Precedence.COMPARISON && (variantText(b.left(), b.right()) || variantText(b.right(), b.left()))) {
            // a VARIANT compared with a string compares with that string as a VARIANT (parse_url page:
            // PARSE_URL(u):host = 'www.snowflake.com'); DuckDB would read the string as JSON text
            String left = b.left() instanceof StringLiteral ? "to_json(" + gen.expression(b.left()) + ")" : gen.operand(b.left(), leftMin);
            String right = b.right() instanceof StringLiteral ? "to_json(" + gen.expression(b.right()) + ")" : gen.operand(b.right(), p + 1);
            return left + " " + b.operator().symbol() + " " + right;
        }
        return gen.operand(b.left(), leftMin) + " " + b.operator().symbol() + " " + gen.operand(b.right(), p + 1);
    }

    private static final java.util.Set<BinaryOperator> ARITHMETIC = java.util.EnumSet.of(BinaryOperator.PLUS, BinaryOperator.MINUS,
            BinaryOperator.TIMES, BinaryOperator.DIVIDE, BinaryOperator.MODULO);

    private String number(Expr e, int precedence) {
        return variantForm(e) ? "CAST(json_extract_string(" + gen.expression(e) + ", '$') AS DOUBLE)" : gen.operand(e, precedence);
    }

    /** Whether {@code e} is a VARIANT by its form: a path, a function that returns one, an untyped lambda element. */
    private boolean variantForm(Expr e) {
        return e instanceof Expr.Path || e instanceof Expr.FunctionCall f && f.name().size() == 1
                && VARIANT_FUNCTIONS.contains(f.simpleName().toUpperCase(java.util.Locale.ROOT))
                || e instanceof ColumnRef c && c.parts().size() == 1
                && variantParameters.contains(c.parts().get(0).toUpperCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> VARIANT_FUNCTIONS = java.util.Set.of("GET", "GET_PATH", "GET_IGNORE_CASE",
            "PARSE_JSON", "TRY_PARSE_JSON", "TO_VARIANT", "PARSE_URL", "PARSE_IP", "ARRAY_MIN", "ARRAY_MAX", "XMLGET");

    /** Whether {@code variant} is a VARIANT by its form (a path, a function returning one) and {@code other} a string literal. */
    private boolean variantText(Expr variant, Expr other) {
        return other instanceof StringLiteral && variantForm(variant);
    }

    String like(Like l) {
        if (l.operator() == LikeOperator.RLIKE) {
            if (l.quantifier() != null || l.escape() != null) {
                throw SnowflakeError.unsupported("RLIKE with ANY/ALL or ESCAPE");
            }
            String test = "sf_regexp_like(CAST(" + gen.expression(l.operand()) + " AS VARCHAR), CAST("
                    + gen.expression(l.patterns().get(0)) + " AS VARCHAR), 'c')";
            return l.negated() ? "(NOT " + test + ")" : test;
        }
        if (l.quantifier() != null) {
            // LIKE ANY / ALL (p1, p2, ...) (like_any, like_all pages): one test a pattern, joined by OR / AND
            List<String> tests = new ArrayList<>();
            for (Expr p : l.patterns()) {
                tests.add(gen.operand(l.operand(), Precedence.MEMBERSHIP + 1) + " " + l.operator() + " "
                        + gen.operand(p, Precedence.CONCAT)
                        + (l.escape() == null ? "" : " ESCAPE " + gen.operand(l.escape(), Precedence.CONCAT)));
            }
            String joined = "(" + String.join(l.quantifier() == Expr.Quantifier.ALL ? " AND " : " OR ", tests) + ")";
            return l.negated() ? "(NOT " + joined + ")" : joined;
        }
        StringBuilder sb = new StringBuilder(gen.operand(l.operand(), Precedence.MEMBERSHIP + 1)).append(ExpressionGenerator.not(l.negated()))
                .append(' ').append(l.operator());
        {
            sb.append(' ').append(gen.operand(l.patterns().get(0), Precedence.CONCAT));
        }
        if (l.escape() != null) {
            sb.append(" ESCAPE ").append(gen.operand(l.escape(), Precedence.CONCAT));
        }
        return sb.toString();
    }
}
