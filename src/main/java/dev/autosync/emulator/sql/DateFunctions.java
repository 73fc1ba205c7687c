package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;

import java.util.Locale;
import java.util.Map;

/** Functions over a date or time part (DATEADD, DATEDIFF, DATE_TRUNC, DATE_PART, EXTRACT) and CONVERT_TIMEZONE. */
final class DateFunctions {
    private static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YEARS", "year"), Map.entry("Y", "year"), Map.entry("YY", "year"),
            Map.entry("YYY", "year"), Map.entry("YYYY", "year"), Map.entry("YR", "year"), Map.entry("YRS", "year"),
            Map.entry("MONTH", "month"), Map.entry("MONTHS", "month"), Map.entry("MM", "month"), Map.entry("MON", "month"),
            Map.entry("MONS", "month"), Map.entry("QUARTER", "quarter"), Map.entry("Q", "quarter"),
            Map.entry("WEEK", "week"), Map.entry("W", "week"), Map.entry("WK", "week"), Map.entry("WEEKS", "week"),
            Map.entry("DAY", "day"), Map.entry("DAYS", "day"), Map.entry("D", "day"), Map.entry("DD", "day"),
            Map.entry("HOUR", "hour"), Map.entry("HOURS", "hour"), Map.entry("H", "hour"), Map.entry("HH", "hour"),
            Map.entry("HR", "hour"), Map.entry("HRS", "hour"),
            Map.entry("MINUTE", "minute"), Map.entry("MINUTES", "minute"), Map.entry("MI", "minute"), Map.entry("MIN", "minute"),
            Map.entry("MINS", "minute"), Map.entry("M", "minute"),
            Map.entry("SECOND", "second"), Map.entry("SECONDS", "second"), Map.entry("S", "second"), Map.entry("SEC", "second"),
            Map.entry("SECS", "second"), Map.entry("MILLISECOND", "millisecond"), Map.entry("MS", "millisecond"),
            Map.entry("MILLISECONDS", "millisecond"), Map.entry("MICROSECOND", "microsecond"), Map.entry("US", "microsecond"),
            Map.entry("MICROSECONDS", "microsecond"), Map.entry("DAYOFWEEK", "dayofweek"), Map.entry("DOW", "dayofweek"),
            Map.entry("DAYOFYEAR", "dayofyear"), Map.entry("DOY", "dayofyear"), Map.entry("EPOCH_SECOND", "epoch"));

    private DateFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            rest(c, 2);
            String n = "CAST(" + c.sql(1) + " AS BIGINT)";
            String unit = part(c).toUpperCase(Locale.ROOT);
            if (unit.equals("QUARTER")) {
                n = "3 * " + n;
                unit = "MONTH";
            }
            return "(" + c.sql(2) + " + " + n + " * INTERVAL 1 " + unit + ")";
        }, "DATEADD", "TIMESTAMPADD");
        Functions.register(t, c -> {
            rest(c, 2);
            return "date_diff('" + part(c) + "', " + c.sql(1) + ", " + c.sql(2) + ")";
        }, "DATEDIFF", "TIMESTAMPDIFF");
        Functions.register(t, c -> {
            rest(c, 1);
            return "date_trunc('" + part(c) + "', " + c.sql(1) + ")";
        }, "DATE_TRUNC");
        Functions.register(t, c -> {
            rest(c, 1);
            return "date_part('" + part(c) + "', " + c.sql(1) + ")";
        }, "DATE_PART");
        Functions.register(t, c -> {
            if (c.count() == 2) {
                return "timezone(" + c.sql(0) + ", " + c.sql(1) + ")";
            }
            throw SnowflakeError.unsupported("CONVERT_TIMEZONE with three arguments");
        }, "CONVERT_TIMEZONE");
    }

    /** The DuckDB name of a Snowflake date or time part ({@code dd}, {@code MONTHS}, {@code epoch_second}). */
    static String part(String written) {
        String p = PARTS.get(written.toUpperCase(Locale.ROOT));
        if (p == null) {
            throw SnowflakeError.compilation("invalid date or time part '" + written + "'");
        }
        return p;
    }

    /** The part named by the first argument: a bare word or a string. */
    private static String part(Call c) {
        Expr first = c.arg(0);
        if (first instanceof Expr.ColumnRef ref && ref.parts().size() == 1) {
            return part(ref.parts().get(0));
        }
        if (first instanceof Expr.StringLiteral s) {
            return part(s.value());
        }
        throw SnowflakeError.compilation("invalid date or time part '" + c.sql(0) + "'");
    }

    /** The arguments after the part must number {@code n}. */
    private static void rest(Call c, int n) {
        if (c.count() - 1 != n) {
            throw SnowflakeError.compilation("invalid number of arguments (" + Math.max(0, c.count() - 1) + ") for function "
                    + c.name() + "; expected " + n);
        }
    }
}
