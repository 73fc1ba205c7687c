package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.OrderItem;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aggregates whose result type follows their argument's type in Snowflake: SUM and AVG over text (cast to FLOAT),
 * AVG's scale over fixed-point numbers, KURTOSIS as a NUMBER, PERCENTILE_CONT's extra digits; and
 * CONDITIONAL_CHANGE_EVENT. The argument's type comes from DuckDB ({@link ExpressionGenerator#duckType}).
 */
final class AggregateFunctions {
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\(\\d+,(\\d+)\\)");

    private AggregateFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        // sum page: text is cast to FLOAT ('one' fails as Snowflake's 100038); numbers keep DuckDB's SUM (NUMBER(38,s))
        Functions.register(t, c -> {
            c.need(1, 1);
            return "sum(" + distinct(c) + numeric(c) + ")";
        }, "SUM");
        Functions.register(t, AggregateFunctions::avg, "AVG");
        // var_samp / variance pages: a NUMBER's variance is a NUMBER; VAR_SAMP of NUMBER(10,2) prints 72.9166666667, the
        // scale of a quotient of squares, max(2s, min(2s + 6, 12)) (UNVERIFIED beyond that page); FLOAT stays FLOAT
        Functions.register(t, c -> variance(c, "var_samp"), "VAR_SAMP", "VARIANCE", "VARIANCE_SAMP");
        Functions.register(t, c -> variance(c, "var_pop"), "VAR_POP", "VARIANCE_POP");
        // kurtosis page: NUMBER(38,12) unless the argument is a FLOAT
        Functions.register(t, c -> {
            c.need(1, 1);
            String k = "kurtosis(" + numeric(c) + ")";
            // computed as a DOUBLE: rounded at 11 digits first so 4.9999999999991 shows as 5.000000000000 (UNVERIFIED)
            return fixedScale(c) == null ? k : "CAST(round(" + k + ", 11) AS DECIMAL(38,12))";
        }, "KURTOSIS");
        // percentile_cont page: like MEDIAN, a NUMBER's percentile has 3 more digits of scale (DECIMAL(10,2) -> 10.00000)
        Functions.register(t, c -> {
            c.need(1, 1);
            if (c.node().withinGroup().size() != 1) {
                throw dev.autosync.emulator.base.SnowflakeError.compilation(
                        "PERCENTILE_CONT needs WITHIN GROUP (ORDER BY <one expression>)");
            }
            OrderItem item = c.node().withinGroup().get(0);
            boolean desc = item.direction() != null && item.direction().toString().equalsIgnoreCase("DESC");
            String fraction = desc ? "1 - " + c.sql(0) : c.sql(0);
            return "quantile_cont(" + c.generator().expression(item.expr()) + " * 1.000, " + fraction + ") "
                    + StatisticalFunctions.OVER;
        }, "PERCENTILE_CONT");
        // conditional_change_event page: CONDITIONAL_TRUE_EVENT(expr <> LAG(expr)) over the same window: the number of
        // adjacent pairs (in the window's order, up to this row) whose values differ; a NULL on either side is no change
        Functions.register(t, c -> {
            c.need(1, 1);
            String values = "(list(" + c.sql(0) + ") " + StatisticalFunctions.OVER + ")";
            return "len(list_filter(list_zip(" + values + "[:-2], " + values + "[2:]), z -> z[1] <> z[2]))";
        }, "CONDITIONAL_CHANGE_EVENT");
    }

    /**
     * AVG (avg page): a fixed-point argument of scale s gives NUMBER(38, max(s, min(s + 6, 12))), its exact quotient;
     * over an explicit window frame s + 3 digits, cut (functions-window-syntax page); text is cast to FLOAT.
     */
    private static String avg(Call c) {
        c.need(1, 1);
        Integer s = fixedScale(c);
        if (s == null) {
            return "avg(" + distinct(c) + numeric(c) + ")";
        }
        String over = " " + StatisticalFunctions.OVER;
        String sum = "sum(" + distinct(c) + c.sql(0) + ")" + over;
        String count = "count(" + distinct(c) + c.sql(0) + ")" + over;
        String quotient = "sf_div(" + sum + ", " + count + ", typeof(" + sum + "))";
        if (c.node().over() != null && c.node().over().frame() != null) {
            // functions-window-syntax page: over an explicit ROWS / RANGE frame the average has s + 3 digits, cut
            // (not rounded: 3.1666666 prints 3.16666); with the default frame it is the quotient, as in the aggregate
            int scale = Math.min(s + 3, 37);
            return "CAST(trunc(" + quotient + ", " + scale + ") AS DECIMAL(38," + scale + "))";
        }
        return "CAST(" + quotient + " AS DECIMAL(38," + NumericFunctions.quotientScale(s) + "))";
    }

    private static String variance(Call c, String duckName) {
        c.need(1, 1);
        Integer s = fixedScale(c);
        String v = duckName + "(" + distinct(c) + numeric(c) + ") " + StatisticalFunctions.OVER;
        if (s == null) {
            return v;
        }
        int scale = Math.min(Math.max(2 * s, Math.min(2 * s + 6, NumericFunctions.MAX_DERIVED_SCALE)), 37);
        return "CAST(" + v + " AS DECIMAL(38," + scale + "))";
    }

    private static String distinct(Call c) {
        return c.distinct() ? "DISTINCT " : "";
    }

    /** The argument, cast to DOUBLE when it is text (Snowflake casts text to FLOAT for numeric aggregates). */
    private static String numeric(Call c) {
        String type = c.generator().duckType(c.arg(0));
        return type != null && type.toUpperCase(Locale.ROOT).equals("VARCHAR") ? "CAST(" + c.sql(0) + " AS DOUBLE)" : c.sql(0);
    }

    /** The scale of a fixed-point (integer or DECIMAL) argument, or null when it is another type or unknown. */
    static Integer fixedScale(Call c) {
        Integer s = NumericFunctions.staticScale(c.arg(0));
        return s != null ? s : scaleOf(c.generator().duckType(c.arg(0)));
    }

    /** The scale of a DuckDB fixed-point type name: 0 for integers, s for DECIMAL(p,s), else null. */
    static Integer scaleOf(String duckType) {
        if (duckType == null) {
            return null;
        }
        String t = duckType.toUpperCase(Locale.ROOT).replace(" ", "");
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT" -> 0;
            default -> null;
        };
    }
}
