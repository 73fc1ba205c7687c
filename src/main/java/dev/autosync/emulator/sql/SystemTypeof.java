package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Binary;
import dev.autosync.sql.tree.Expr.BinaryOperator;
import dev.autosync.sql.tree.Expr.Cast;
import dev.autosync.sql.tree.Expr.ColumnRef;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.NullLiteral;
import dev.autosync.sql.tree.Expr.NumberLiteral;
import dev.autosync.sql.tree.Expr.StringLiteral;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * SYSTEM$TYPEOF(expr) (system_typeof and cast pages): the expression's Snowflake type and storage class, such as
 * {@code NUMBER(5,0)[SB2]}, {@code VARCHAR(9)[LOB]}, {@code DATE[SB4]}. Literals, casts, CONCAT of literals and
 * select-list aliases naming them are typed from the SQL; anything else from DuckDB's type of the value at run time.
 * Storage classes follow the pages' examples: a literal's integer digits by its value (1 byte below 128, 2 below
 * 32768, 4, 8, 16), a NUMBER(p,s) with p below 38 by its precision, a NUMBER(38,s) by the value it holds
 * (UNVERIFIED: Snowflake narrows it from what it knows of the data).
 */
final class SystemTypeof {
    private SystemTypeof() {
    }

    static String translate(ExpressionGenerator gen, Expr e, String sql) {
        String known = staticType(gen, e, 0);
        if (known != null) {
            return Translator.literal(known);
        }
        return runtime(gen, e, sql);
    }

    /** The type as the SQL tells it, or null. */
    private static String staticType(ExpressionGenerator gen, Expr e, int depth) {
        if (depth > 8) {
            return null;
        }
        if (e instanceof NullLiteral) {
            return "NULL[LOB]";
        }
        if (e instanceof StringLiteral s) {
            return "VARCHAR(" + s.value().codePointCount(0, s.value().length()) + ")[LOB]";
        }
        if (e instanceof NumberLiteral n) {
            return number(n.text());
        }
        if (e instanceof Expr.Unary u && u.operator() == Expr.UnaryOperator.MINUS && u.operand() instanceof NumberLiteral n) {
            return number("-" + n.text());
        }
        if (e instanceof ColumnRef r && r.parts().size() == 1) {
            Expr aliased = gen.selectAliases().get(r.parts().get(0));
            return aliased == null || aliased == e ? null : staticType(gen, aliased, depth + 1);
        }
        if (e instanceof Cast c) {
            return cast(gen, c);
        }
        Integer length = textLength(gen, e, depth);
        if (length != null) {
            return "VARCHAR(" + length + ")[LOB]";
        }
        return null;
    }

    /** The length of a text known from the SQL: a literal, a cast to VARCHAR(n), CONCAT / || of such texts. */
    private static Integer textLength(ExpressionGenerator gen, Expr e, int depth) {
        if (e instanceof StringLiteral s) {
            return s.value().codePointCount(0, s.value().length());
        }
        if (e instanceof ColumnRef r && r.parts().size() == 1) {
            Expr aliased = gen.selectAliases().get(r.parts().get(0));
            return aliased == null || aliased == e || depth > 8 ? null : textLength(gen, aliased, depth + 1);
        }
        if (e instanceof Cast c && c.type().first() != null && SnowflakeTypes.of(c.type()).canonical().startsWith("VARCHAR(")) {
            return c.type().first();
        }
        if (e instanceof Binary b && b.operator() == BinaryOperator.CONCAT) {
            Integer l = textLength(gen, b.left(), depth + 1);
            Integer r = textLength(gen, b.right(), depth + 1);
            return l == null || r == null ? null : l + r;
        }
        if (e instanceof FunctionCall f && f.simpleName().equals("CONCAT") && f.over() == null) {
            int sum = 0;
            for (FunctionCall.Argument a : f.arguments()) {
                Integer l = textLength(gen, a.value(), depth + 1);
                if (l == null) {
                    return null;
                }
                sum += l;
            }
            return sum;
        }
        return null;
    }

    /** A numeric literal: NUMBER(p,s) of its digits, or FLOAT for what a NUMBER cannot hold. */
    private static String number(String text) {
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException ex) {
            return null;
        }
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        int p = Math.max(v.precision(), v.scale() + 1);
        if (p > 38) {
            return "FLOAT[DOUBLE]";
        }
        return "NUMBER(" + p + "," + v.scale() + ")[SB" + bytesFor(v.unscaledValue()) + "]";
    }

    /** Storage bytes of an unscaled value: the smallest of 1, 2, 4, 8, 16 holding it. */
    private static int bytesFor(BigInteger unscaled) {
        int bits = unscaled.bitLength();
        return bits < 8 ? 1 : bits < 16 ? 2 : bits < 32 ? 4 : bits < 64 ? 8 : 16;
    }

    private static int bytesForPrecision(int p) {
        return p <= 2 ? 1 : p <= 4 ? 2 : p <= 9 ? 4 : p <= 18 ? 8 : 16;
    }

    private static String cast(ExpressionGenerator gen, Cast c) {
        String name = c.type().name().toUpperCase(Locale.ROOT);
        SnowflakeTypes t = gen.mapped(c.type());
        String canonical = t.canonical();
        if (canonical.startsWith("VARCHAR(")) {
            // a cast to VARCHAR without a length has no length (cast page: VARCHAR[LOB])
            return c.type().first() == null && !name.equals("CHAR") && !name.equals("CHARACTER") && !name.equals("NCHAR")
                    ? "VARCHAR[LOB]" : canonical + "[LOB]";
        }
        if (canonical.startsWith("NUMBER(")) {
            int p = Integer.parseInt(canonical.substring(7, canonical.indexOf(',')));
            return p < 38 ? canonical + "[SB" + bytesForPrecision(p) + "]" : null;
        }
        return storage(canonical);
    }

    /** A Snowflake type with its storage class, for the types whose class does not depend on the value. */
    private static String storage(String canonical) {
        if (canonical.startsWith("TIMESTAMP_TZ")) {
            return canonical + "[SB16]";
        }
        if (canonical.startsWith("TIMESTAMP") || canonical.startsWith("TIME")) {
            return canonical + "[SB8]";
        }
        return switch (canonical) {
            case "DATE" -> "DATE[SB4]";
            case "BOOLEAN" -> "BOOLEAN[SB1]";
            case "FLOAT" -> "FLOAT[DOUBLE]";
            case "VARIANT", "OBJECT", "ARRAY" -> canonical + "[LOB]";
            default -> canonical.startsWith("BINARY") ? canonical + "[LOB]" : null;
        };
    }

    /** The type read from DuckDB's type of the value (typeof is constant when DuckDB plans, so one branch remains). */
    private static String runtime(ExpressionGenerator gen, Expr e, String sql) {
        String ty = "typeof(" + sql + ")";
        String tz = gen.tzOffset(e) != null ? "'TIMESTAMP_TZ(9)[SB16]'" : "'TIMESTAMP_LTZ(9)[SB8]'";
        String unscaled = "abs(CAST(" + sql + " AS DOUBLE)) * power(10, coalesce(TRY_CAST(regexp_extract(" + ty
                + ", ',(\\d+)\\)', 1) AS INTEGER), 0))";
        String byValue = "(CASE WHEN " + unscaled + " IS NULL OR " + unscaled + " < 128 THEN '1' WHEN " + unscaled + " < 32768 THEN '2' WHEN "
                + unscaled + " < 2147483648 THEN '4' WHEN " + unscaled + " < 9223372036854775807 THEN '8' ELSE '16' END)";
        String precision = "CAST(regexp_extract(" + ty + ", 'DECIMAL\\((\\d+)', 1) AS INTEGER)";
        String byPrecision = "(CASE WHEN " + precision + " <= 2 THEN '1' WHEN " + precision + " <= 4 THEN '2' WHEN " + precision
                + " <= 9 THEN '4' WHEN " + precision + " <= 18 THEN '8' ELSE '16' END)";
        return "(CASE WHEN " + ty + " LIKE 'DECIMAL(38,%' THEN 'NUMBER' || substr(" + ty + ", 8) || '[SB' || " + byValue + " || ']'"
                + " WHEN " + ty + " LIKE 'DECIMAL%' THEN 'NUMBER' || substr(" + ty + ", 8) || '[SB' || " + byPrecision + " || ']'"
                + " WHEN " + ty + " IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT')"
                + " THEN 'NUMBER(38,0)[SB' || " + byValue + " || ']'"
                + " WHEN " + ty + " IN ('DOUBLE', 'FLOAT') THEN 'FLOAT[DOUBLE]'"
                + " WHEN " + ty + " = 'VARCHAR' THEN 'VARCHAR(16777216)[LOB]'"
                + " WHEN " + ty + " = 'BOOLEAN' THEN 'BOOLEAN[SB1]'"
                + " WHEN " + ty + " = 'DATE' THEN 'DATE[SB4]'"
                + " WHEN " + ty + " LIKE 'TIME%' AND " + ty + " NOT LIKE 'TIMESTAMP%' THEN 'TIME(9)[SB8]'"
                + " WHEN " + ty + " = 'TIMESTAMP WITH TIME ZONE' THEN " + tz
                + " WHEN " + ty + " LIKE 'TIMESTAMP%' THEN 'TIMESTAMP_NTZ(9)[SB8]'"
                // UNVERIFIED for year-month intervals (data-types-datetime page shows a timestamp difference)
                + " WHEN " + ty + " = 'INTERVAL' THEN 'INTERVAL DAY(9) TO SECOND(9)[SB16]'"
                + " WHEN " + ty + " = 'JSON' THEN 'VARIANT[LOB]'"
                + " WHEN " + ty + " = 'BLOB' THEN 'BINARY(8388608)[LOB]'"
                + " WHEN " + ty + " = '\"NULL\"' THEN 'NULL[LOB]'"
                + " ELSE upper(" + ty + ") END)";
    }
}
