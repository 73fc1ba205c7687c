package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Snowflake functions in DuckDB terms: a table from function name to translation, filled by the
 * families (conditional, conversion, semi-structured, string, date and context functions).
 * Functions DuckDB has under the same name and meaning pass through; Snowflake-only functions
 * without a translation are refused by name; SYSTEM$ functions go to the engine. A function neither
 * engine knows fails in DuckDB and is reported as Snowflake's "Unknown function".
 */
final class Functions {
    /** Translates one call; {@link Call} holds its arguments as nodes and as SQL. */
    interface Translation {
        String translate(Call call);
    }

    private static final Set<String> UNSUPPORTED = Set.of("FLATTEN", "RESULT_SCAN", "GENERATOR",
            "NORMAL", "ZIPF", "ST_MAKEPOINT", "TO_GEOGRAPHY", "PARSE_XML", "XMLGET", "CHECK_XML");
    /** Translations that honour DISTINCT themselves; other translated functions refuse it. */
    private static final Set<String> DISTINCT_AWARE = Set.of("LISTAGG", "ARRAY_AGG", "ARRAYAGG", "COUNT", "ARRAY_UNIQUE_AGG",
            "SUM", "AVG", "VAR_SAMP", "VARIANCE", "VARIANCE_SAMP", "VAR_POP", "VARIANCE_POP");
    /** Translations that place WITHIN GROUP themselves. */
    private static final Set<String> WITHIN_GROUP_AWARE = Set.of("ARRAY_AGG", "ARRAYAGG", "LISTAGG", "PERCENTILE_CONT");
    private static final Map<String, Translation> TABLE = table();
    /** Window functions whose default frame (with ORDER BY) is the whole partition, not the rows up to the current one. */
    private static final Set<String> WHOLE_PARTITION = Set.of("FIRST_VALUE", "LAST_VALUE", "NTH_VALUE");
    /** Parameter names, in order, of functions that take named arguments (as their pages name them). */
    private static final Map<String, List<String>> NAMED_PARAMETERS = Map.of(
            "ROUND", List.of("EXPR", "SCALE", "ROUNDING_MODE"));

    private final ExpressionGenerator gen;
    private final SqlContext ctx;

    Functions(ExpressionGenerator gen, SqlContext ctx) {
        this.gen = gen;
        this.ctx = ctx;
    }

    private static Map<String, Translation> table() {
        Map<String, Translation> t = new HashMap<>();
        ConditionalFunctions.register(t);
        ConversionFunctions.register(t);
        SemiStructuredFunctions.register(t);
        StringFunctions.register(t);
        DateFunctions.register(t);
        FromPartsFunctions.register(t);
        AsTemporalFunctions.register(t);
        ContextFunctions.register(t);
        NumericFunctions.register(t);
        BitwiseFunctions.register(t);
        StatisticalFunctions.register(t);
        AggregateFunctions.register(t);
        DayOfWeekFunctions.register(t);
        return Map.copyOf(t);
    }

    /** Registers one translation under several names. */
    static void register(Map<String, Translation> table, Translation translation, String... names) {
        for (String name : names) {
            if (table.put(name, translation) != null) {
                throw new IllegalStateException("function " + name + " is translated twice");
            }
        }
    }

    String call(FunctionCall f) {
        String name = f.simpleName();
        String udf = f.name().size() > 1 || !TABLE.containsKey(name) && !name.contains("$") && !UNSUPPORTED.contains(name)
                ? ctx.userFunction(f.name()) : null;
        if (udf != null) {
            List<String> args = new ArrayList<>();
            f.arguments().forEach(a -> args.add(gen.expression(a.value())));
            return udf + "(" + String.join(", ", args) + ")";
        }
        if (f.name().size() > 1) {
            throw SnowflakeError.unsupported("user-defined function " + String.join(".", f.name()));
        }
        if (UNSUPPORTED.contains(name)) {
            throw SnowflakeError.unsupported("function " + name);
        }
        if (f.arguments().stream().anyMatch(a -> a.name() != null)) {
            f = positional(f);
        }
        List<String> sql = new ArrayList<>();
        f.arguments().forEach(a -> sql.add(gen.expression(a.value())));
        Call call = new Call(f, sql, ctx, gen);
        if (name.equals("SYSTEM$TYPEOF")) {
            call.need(1);
            return SystemTypeof.translate(gen, f.arguments().get(0).value(), sql.get(0));
        }
        if (name.contains("$")) {
            List<String> literals = new ArrayList<>();
            for (int i = 0; i < sql.size(); i++) {
                literals.add(call.literal(i));
            }
            return ctx.systemFunction(name, sql, literals);
        }
        Translation translation = TABLE.get(name);
        if ((name.equals("MIN") || name.equals("MAX")) && f.arguments().size() == 1 && !f.distinct() && f.over() == null
                && gen.collations().compared(call.arg(0), call.arg(0)) != null) {
            // collation page: MAX(x COLLATE 'en-ci') is the value whose collation key is largest
            dev.autosync.sql.tree.Expr value = Collations.operand(call.arg(0));
            return (name.equals("MIN") ? "arg_min(" : "arg_max(") + gen.expression(value) + ", " + gen.collatedKey(call.arg(0)) + ")";
        }
        String text;
        if (translation == null) {
            text = name.toLowerCase(Locale.ROOT) + "(" + (f.distinct() ? "DISTINCT " : "") + call.all()
                    + (f.nulls() == null ? "" : " " + f.nulls() + " NULLS") + ")";
        } else {
            if (f.distinct() && !DISTINCT_AWARE.contains(name)) {
                throw SnowflakeError.unsupported(name + "(DISTINCT ...)");
            }
            if (f.nulls() != null) {
                throw SnowflakeError.unsupported(name + " with " + f.nulls() + " NULLS");
            }
            text = translation.translate(call);
        }
        if (!f.withinGroup().isEmpty() && !WITHIN_GROUP_AWARE.contains(name)) {
            text += " WITHIN GROUP (ORDER BY " + gen.orderItems(f.withinGroup()) + ")";
        }
        if (text.contains(StatisticalFunctions.OVER)) {
            if (f.over() == null) {
                if (StatisticalFunctions.WINDOW_ONLY.contains(name)) {
                    throw SnowflakeError.compilation("Window function type [" + name + "] requires an OVER clause");
                }
                return text.replace(StatisticalFunctions.OVER, "");
            }
            String frame = f.over().frame() == null && StatisticalFunctions.RUNNING_ROWS.contains(name)
                    ? " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW" : "";
            return text.replace(StatisticalFunctions.OVER, "OVER (" + window(f.over()) + frame + ")");
        }
        if (f.over() == null) {
            return text;
        }
        // first_value / last_value / nth_value pages: without a frame the window is the whole partition
        String frame = f.over().frame() == null && !f.over().orderBy().isEmpty() && WHOLE_PARTITION.contains(name)
                ? " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING" : "";
        return text + " OVER (" + window(f.over()) + frame + ")";
    }

    /** A call with named arguments ({@code ROUND(EXPR => x, SCALE => 0)}) in its function's parameter order. */
    private static FunctionCall positional(FunctionCall f) {
        List<String> params = NAMED_PARAMETERS.get(f.simpleName());
        if (params == null) {
            throw SnowflakeError.unsupported("named arguments (=>) outside TABLE(...)");
        }
        FunctionCall.Argument[] ordered = new FunctionCall.Argument[params.size()];
        int last = -1;
        for (FunctionCall.Argument a : f.arguments()) {
            int i = a.name() == null ? -1 : params.indexOf(a.name().toUpperCase(Locale.ROOT));
            if (i < 0 || ordered[i] != null) {
                throw SnowflakeError.compilation("invalid argument " + (a.name() == null ? "without a name" : a.name())
                        + " for function " + f.simpleName() + "; expected " + String.join(", ", params));
            }
            ordered[i] = new FunctionCall.Argument(null, a.value());
            last = Math.max(last, i);
        }
        List<FunctionCall.Argument> args = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            if (ordered[i] == null) {
                throw SnowflakeError.compilation("missing argument " + params.get(i) + " for function " + f.simpleName());
            }
            args.add(ordered[i]);
        }
        return new FunctionCall(f.span(), f.name(), f.distinct(), args, f.nulls(), f.withinGroup(), f.over());
    }

    private String window(Window w) {
        List<String> parts = new ArrayList<>();
        if (!w.partitionBy().isEmpty()) {
            parts.add("PARTITION BY " + gen.expressions(w.partitionBy()));
        }
        if (!w.orderBy().isEmpty()) {
            parts.add("ORDER BY " + gen.orderItems(w.orderBy()));
        }
        Window.Frame frame = w.frame();
        if (frame != null) {
            parts.add(frame.unit() + (frame.end() == null ? " " + bound(frame.start())
                    : " BETWEEN " + bound(frame.start()) + " AND " + bound(frame.end())));
        }
        return String.join(" ", parts);
    }

    private String bound(Window.Bound b) {
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> gen.expression(b.offset()) + " PRECEDING";
            case FOLLOWING -> gen.expression(b.offset()) + " FOLLOWING";
        };
    }
}
