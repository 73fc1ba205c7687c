package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;

import java.util.List;
import java.util.Locale;

/**
 * TIME(9) values with digits past the microsecond, which are DuckDB TIME_NS values (a TIME keeps microseconds).
 * DuckDB compares a TIME_NS only with a TIME_NS, where Snowflake compares any two TIME values (data-types-datetime
 * page, TIME: "TIME supports an optional precision parameter for fractional seconds"; the precision does not change
 * which values compare).
 */
final class TimeNanos {
    private TimeNanos() {
    }

    /** Whether some of {@code operands} is a TIME(9) with nanoseconds and another a plain TIME, so both become TIME_NS. */
    static boolean mixed(ExpressionGenerator gen, Expr... operands) {
        // the TIME_NS side is asked first, and only of operands that may be one by their form (a type costs a query)
        boolean nanos = false;
        for (Expr e : operands) {
            nanos = nanos || maybeTimeNanos(e) && "TIME_NS".equals(gen.duckType(e));
        }
        if (!nanos) {
            return false;
        }
        for (Expr e : operands) {
            if ("TIME".equals(gen.duckType(e))) {
                return true;
            }
        }
        return false;
    }

    /** {@code sql} as a TIME_NS (a TIME widens exactly; a TIME_NS or a time text stays as it is). */
    static String widened(String sql) {
        return "CAST(" + sql + " AS TIME_NS)";
    }

    /** The operands joined by {@code infix}, each widened: the comparison SQL when {@link #mixed} holds. */
    static String compared(ExpressionGenerator gen, List<Expr> operands, List<String> infixes) {
        StringBuilder sb = new StringBuilder(widened(gen.expression(operands.get(0))));
        for (int i = 1; i < operands.size(); i++) {
            sb.append(infixes.get(i - 1)).append(widened(gen.expression(operands.get(i))));
        }
        return sb.toString();
    }

    /** A call's arguments, separated by commas, each widened when some are TIME(9) and some TIME (GREATEST, LEAST). */
    static String arguments(Call c) {
        Expr[] args = new Expr[c.count()];
        for (int i = 0; i < args.length; i++) {
            args[i] = c.arg(i);
        }
        if (!mixed(c.generator(), args)) {
            return c.all();
        }
        return String.join(", ", c.sql().stream().map(TimeNanos::widened).toList());
    }

    /** {@code operand [NOT] IN (values)}, each widened, when {@link #mixed} holds; else null. */
    static String in(ExpressionGenerator gen, Expr operand, List<Expr> values, String not) {
        List<Expr> all = new java.util.ArrayList<>(values);
        all.add(0, operand);
        if (!mixed(gen, all.toArray(Expr[]::new))) {
            return null;
        }
        return widened(gen.expression(operand)) + not + " IN (" + String.join(", ", values.stream()
                .map(v -> widened(gen.expression(v))).toList()) + ")";
    }

    /**
     * Whether {@code e} may be a TIME(9) with nanoseconds by its form: a cast to TIME, or a call of a function with
     * TIME in its name (TIME_FROM_PARTS, TO_TIME, TIMEADD...), or anything holding one (DATE_TRUNC, TIMESTAMPADD of one).
     * A table column keeps microseconds.
     */
    private static boolean maybeTimeNanos(Expr e) {
        return e.walk().anyMatch(x -> x instanceof Expr.Cast c && timeName(c.type().name())
                || x instanceof Expr.FunctionCall f && timeName(f.simpleName()));
    }

    /** Whether a type or function name names a TIME (TIME, TO_TIME, TIMEADD), not a TIMESTAMP (CURRENT_TIMESTAMP). */
    private static boolean timeName(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.contains("TIME") && !n.contains("TIMESTAMP");
    }
}
