package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;

import java.util.Locale;
import java.util.Set;

/**
 * TIMESTAMP_TZ values that keep the offset each was written with (data-types-datetime page: "TIMESTAMP_TZ
 * internally stores UTC time together with an associated time zone offset").
 *
 * <p>Design: DuckDB's TIMESTAMPTZ keeps only the instant, so a TIMESTAMP_TZ expression is translated as a pair: the
 * instant (a DuckDB TIMESTAMPTZ, so comparisons, ORDER BY, MIN/MAX and joins work by instant as Snowflake's do) and,
 * beside it, SQL for its offset in minutes east of UTC ({@link #offset}). The offset is known where the expression
 * says it: a cast or TO_TIMESTAMP_TZ of text with an offset (else the session zone's offset at that time),
 * TIMESTAMP_TZ_FROM_PARTS (the given zone), CONVERT_TIMEZONE with two arguments (the target zone), DATEADD /
 * DATE_TRUNC / TIME_SLICE / interval arithmetic of a TIMESTAMP_TZ (the same offset: they work on its wall clock).
 * The outermost select list of a query sends each such column's offset as a hidden companion column
 * ({@link #COMPANION}); the engine folds it into the value, reports the column as TIMESTAMP_TZ and the wire layer
 * prints it with that offset. Where the offset is not known (a stored column, a CASE over TIMESTAMP_TZ values) the
 * value is the instant in the session's time zone, as a TIMESTAMP_LTZ.
 */
final class TimestampTz {
    /** The label prefix of a companion column: {@code <prefix><label of the TIMESTAMP_TZ column>}. */
    static final String COMPANION = "SF$TZ_OFFSET$";
    private static final Set<String> SHIFTING = Set.of("DATEADD", "TIMEADD", "TIMESTAMPADD", "DATE_TRUNC", "TIME_SLICE", "TRUNC");

    private TimestampTz() {
    }

    /** SQL for the offset (minutes east of UTC, BIGINT) of a TIMESTAMP_TZ expression, or null when {@code e} is not one. */
    static String offset(ExpressionGenerator gen, Expr e) {
        SqlContext ctx = gen.context();
        if (e instanceof Expr.Cast c) {
            if (!isTz(c.type().name(), ctx)) {
                return null;
            }
            return ofInput(gen, c.operand(), gen.expression(e));
        }
        if (e instanceof Expr.Binary b && (b.operator() == Expr.BinaryOperator.PLUS || b.operator() == Expr.BinaryOperator.MINUS)) {
            if (b.right() instanceof Expr.IntervalLiteral) {
                return offset(gen, b.left());
            }
            if (b.left() instanceof Expr.IntervalLiteral) {
                return offset(gen, b.right());
            }
            return null;
        }
        if (e instanceof Expr.Case c) {
            return caseOffset(gen, c);
        }
        if (e instanceof Expr.ColumnRef c) {
            return stored(gen, c);
        }
        if (!(e instanceof Expr.FunctionCall f)) {
            return null;
        }
        String name = f.simpleName().toUpperCase(Locale.ROOT);
        int n = f.arguments().size();
        if (f.over() == null && !f.distinct()) {
            String chosen = chosenOffset(gen, name, f);
            if (chosen != null) {
                return chosen.isEmpty() ? null : chosen;
            }
        }
        boolean mappedTz = "TIMESTAMP_TZ".equalsIgnoreCase(mapping(ctx));
        switch (name) {
            case "TO_TIMESTAMP_TZ", "TRY_TO_TIMESTAMP_TZ":
                break;
            case "TO_TIMESTAMP", "TRY_TO_TIMESTAMP":
                if (!mappedTz) {
                    return null;
                }
                break;
            case "TIMESTAMP_TZ_FROM_PARTS", "TIMESTAMPTZFROMPARTS":
                return "sf_offset_at(" + gen.expression(e) + ", " + (n == 8 ? gen.expression(arg(f, 7)) : zone(ctx)) + ")";
            case "TIMESTAMP_FROM_PARTS", "TIMESTAMPFROMPARTS":
                return mappedTz ? "sf_offset_at(" + gen.expression(e) + ", " + zone(ctx) + ")" : null;
            case "CONVERT_TIMEZONE":
                return n == 2 ? "sf_offset_at(" + gen.expression(e) + ", " + gen.expression(arg(f, 0)) + ")" : null;
            default:
                if (SHIFTING.contains(name)) {
                    int at = name.equals("TIME_SLICE") ? 0 : name.equals("TRUNC") || name.equals("DATE_TRUNC") ? 1 : 2;
                    if (name.equals("TRUNC") && n == 2) {
                        at = 0;
                    }
                    return n > at ? offset(gen, arg(f, at)) : null;
                }
                return null;
        }
        // TO_TIMESTAMP_TZ(x [, format | scale]): the offset x was written with (a format's TZH:TZM read it), else the
        // session zone's
        return n >= 1 ? ofInput(gen, arg(f, 0), gen.expression(e)) : null;
    }

    /**
     * The offset of a stored TIMESTAMP_TZ column (or a subquery's TIMESTAMP_TZ column): its companion column beside it
     * in the same relation; null when the column is not one (or its relation is not known here).
     */
    private static String stored(ExpressionGenerator gen, Expr.ColumnRef c) {
        java.util.List<String> parts = c.parts();
        String column = parts.get(parts.size() - 1);
        // the innermost select block naming the relation (or, unqualified, having the column) decides
        for (java.util.Map<String, java.util.Set<String>> scope : gen.tzScopes()) {
            if (parts.size() >= 2) {
                java.util.Set<String> cols = scope.get(parts.get(parts.size() - 2));
                if (cols != null) {
                    return cols.contains(column) ? ExpressionGenerator.names(parts.subList(0, parts.size() - 1)) + "."
                            + dev.autosync.emulator.base.Names.quote(COMPANION + column) : null;
                }
                continue;
            }
            String found = null;
            for (java.util.Map.Entry<String, java.util.Set<String>> e : scope.entrySet()) {
                if (e.getValue().contains(column)) {
                    if (found != null) {
                        return null;
                    }
                    found = e.getKey();
                }
            }
            if (found != null) {
                return dev.autosync.emulator.base.Names.quote(found) + "." + dev.autosync.emulator.base.Names.quote(COMPANION + column);
            }
        }
        return null;
    }

    /**
     * The offset of the value a conditional function chooses (IFF, COALESCE, NVL, IFNULL, NVL2): the chosen argument's
     * own offset, so a TIMESTAMP_TZ keeps the offset it was written with. "" when the function is one of those but an
     * argument's offset is unknown; null when {@code name} is not one of them.
     */
    private static String chosenOffset(ExpressionGenerator gen, String name, Expr.FunctionCall f) {
        int n = f.arguments().size();
        switch (name) {
            case "IFF": {
                if (n != 3) {
                    return "";
                }
                String a = offsetOrNull(gen, arg(f, 1));
                String b = offsetOrNull(gen, arg(f, 2));
                return a == null || b == null ? "" : "(CASE WHEN " + gen.expression(arg(f, 0)) + " THEN " + a + " ELSE " + b + " END)";
            }
            case "COALESCE", "NVL", "IFNULL": {
                StringBuilder sb = new StringBuilder("(CASE");
                for (int i = 0; i < n; i++) {
                    String o = offsetOrNull(gen, arg(f, i));
                    if (o == null) {
                        return "";
                    }
                    sb.append(" WHEN ").append(gen.expression(arg(f, i))).append(" IS NOT NULL THEN ").append(o);
                }
                return n == 0 ? "" : sb.append(" END)").toString();
            }
            case "NVL2": {
                if (n != 3) {
                    return "";
                }
                String a = offsetOrNull(gen, arg(f, 1));
                String b = offsetOrNull(gen, arg(f, 2));
                return a == null || b == null ? ""
                        : "(CASE WHEN " + gen.expression(arg(f, 0)) + " IS NOT NULL THEN " + a + " ELSE " + b + " END)";
            }
            default:
                return null;
        }
    }

    /** The offset of a CASE whose every result is a TIMESTAMP_TZ of known offset (or NULL): the chosen result's. */
    private static String caseOffset(ExpressionGenerator gen, Expr.Case c) {
        StringBuilder sb = new StringBuilder("(CASE");
        if (c.operand() != null) {
            sb.append(' ').append(gen.expression(c.operand()));
        }
        for (Expr.Case.When w : c.whens()) {
            String o = offsetOrNull(gen, w.result());
            if (o == null) {
                return null;
            }
            sb.append(" WHEN ").append(gen.expression(w.condition())).append(" THEN ").append(o);
        }
        if (c.otherwise() != null) {
            String o = offsetOrNull(gen, c.otherwise());
            if (o == null) {
                return null;
            }
            sb.append(" ELSE ").append(o);
        }
        return sb.append(" END)").toString();
    }

    /** The offset of {@code e}; "NULL" for a NULL literal (any branch may be NULL); null when unknown. */
    private static String offsetOrNull(ExpressionGenerator gen, Expr e) {
        return e instanceof Expr.NullLiteral ? "NULL" : offset(gen, e);
    }

    /**
     * The offset of MIN / MAX over TIMESTAMP_TZ values: the offset of the row whose instant is chosen (Snowflake
     * compares TIMESTAMP_TZ by instant and returns that value with its offset). Null when {@code e} is not such a call.
     */
    static String aggregateOffset(ExpressionGenerator gen, Expr e) {
        if (!(e instanceof Expr.FunctionCall f) || f.over() != null || f.distinct() || f.arguments().size() != 1) {
            return null;
        }
        String name = f.simpleName().toUpperCase(Locale.ROOT);
        if (!name.equals("MIN") && !name.equals("MAX")) {
            return null;
        }
        String o = offset(gen, arg(f, 0));
        return o == null ? null : (name.equals("MIN") ? "arg_min(" : "arg_max(") + o + ", " + gen.expression(arg(f, 0)) + ")";
    }

    /** The offset of {@code input} read as a TIMESTAMP_TZ whose instant is {@code instantSql}. */
    private static String ofInput(ExpressionGenerator gen, Expr input, String instantSql) {
        String inner = offset(gen, input);
        if (inner != null) {
            return inner;
        }
        // text with an offset keeps it; anything else (text without one, a TIMESTAMP_NTZ / LTZ, a DATE) takes the
        // session zone's offset at that instant (data-types-datetime: "TIMESTAMP_TZ ... session time zone offset")
        return "coalesce(" + textOffset("CAST(" + gen.expression(input) + " AS VARCHAR)") + ", sf_offset_at(" + instantSql + ", "
                + zone(gen.context()) + "))";
    }

    /**
     * SQL for the offset in minutes written at the end of a timestamp text, or before its year ({@code Z}, {@code UTC}, {@code GMT} are 0), or
     * NULL when it has none; as DateTimeFunctions.writtenOffset reads a bind, in SQL so bulk loads need no Java call per row.
     */
    static String textOffset(String text) {
        String time = "[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{0,9})?)?\\s*";
        // AUTO's Unix date format writes the year after the offset ('Mon Jul 08 18:09:51 +0000 2013'): set it aside.
        // Only a numeric offset can precede that year, so Z/UTC/GMT is looked for in the text as it is: the
        // common ISO 'Z' then costs one regexp per row instead of a regexp_replace and a match
        String t = "regexp_replace(trim(" + text + "), '(" + time + "[+-][0-9]{1,2}(:?[0-9]{2})?)\\s+[0-9]{4}$', '\\1')";
        return "(CASE WHEN regexp_matches(trim(" + text + "), '" + time + "(Z|UTC|GMT)\"?$', 'i') THEN 0"
                + " WHEN regexp_matches(" + t + ", '" + time + "[+-][0-9]{1,2}(:?[0-9]{2})?\"?$') THEN"
                + " (CASE WHEN regexp_extract(" + t + ", '([+-])[0-9]{1,2}(:?[0-9]{2})?\"?$', 1) = '-' THEN -1 ELSE 1 END)"
                + " * (CAST(regexp_extract(" + t + ", '[+-]([0-9]{1,2})(:?[0-9]{2})?\"?$', 1) AS INTEGER) * 60"
                + " + coalesce(TRY_CAST(regexp_extract(" + t + ", '[+-][0-9]{1,2}:?([0-9]{2})\"?$', 1) AS INTEGER), 0)) END)";
    }

    private static Expr arg(Expr.FunctionCall f, int i) {
        return f.arguments().get(i).value();
    }

    /** Whether a type name written in a cast is TIMESTAMP_TZ (TIMESTAMP follows TIMESTAMP_TYPE_MAPPING). */
    static boolean isTz(String typeName, SqlContext ctx) {
        String t = typeName.toUpperCase(Locale.ROOT);
        return t.equals("TIMESTAMP_TZ") || t.equals("TIMESTAMPTZ") || t.equals("TIMESTAMP WITH TIME ZONE")
                || (t.equals("TIMESTAMP") || t.equals("DATETIME")) && "TIMESTAMP_TZ".equalsIgnoreCase(mapping(ctx));
    }

    /** The type {@code TIMESTAMP} stands for in this session (TIMESTAMP_TYPE_MAPPING), or null when unknown. */
    static String mapping(SqlContext ctx) {
        String m = ctx.parameter("TIMESTAMP_TYPE_MAPPING");
        return m == null ? null : m.trim().toUpperCase(Locale.ROOT);
    }

    /** The wall clock (a DuckDB TIMESTAMP) of the instant {@code instant} at the offset {@code offset} minutes. */
    static String wall(String instant, String offset) {
        return "(timezone('UTC', " + instant + ") + to_minutes(CAST(" + offset + " AS BIGINT)))";
    }

    /** The instant (a DuckDB TIMESTAMPTZ) of the wall clock {@code wall} at the offset {@code offset} minutes. */
    static String instant(String wall, String offset) {
        return "timezone('UTC', CAST(" + wall + " AS TIMESTAMP) - to_minutes(CAST(" + offset + " AS BIGINT)))";
    }

    private static String zone(SqlContext ctx) {
        String z = ctx.parameter("TIMEZONE");
        return Translator.literal(z == null ? "UTC" : z);
    }
}
