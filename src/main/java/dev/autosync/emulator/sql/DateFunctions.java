package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.tree.Expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Functions over a date or time part (DATEADD, DATEDIFF, DATE_TRUNC, DATE_PART, EXTRACT) and CONVERT_TIMEZONE. */
final class DateFunctions {
    /** Snowflake's date and time parts by every name its "Supported date and time parts" list gives them. */
    private static final Map<String, String> PARTS = parts(
            "YEAR", "YEAR Y YY YYY YYYY YR YEARS YRS",
            "MONTH", "MONTH MM MON MONS MONTHS",
            "DAY", "DAY D DD DAYS DAYOFMONTH",
            "DAYOFWEEK", "DAYOFWEEK WEEKDAY DOW DW",
            "DAYOFWEEKISO", "DAYOFWEEKISO WEEKDAY_ISO DOW_ISO DW_ISO",
            "DAYOFYEAR", "DAYOFYEAR YEARDAY DOY DY",
            "WEEK", "WEEK W WK WEEKOFYEAR WOY WY WEEKS",
            "WEEKISO", "WEEKISO WEEK_ISO WEEKOFYEARISO WEEKOFYEAR_ISO",
            "QUARTER", "QUARTER Q QTR QTRS QUARTERS",
            "YEAROFWEEK", "YEAROFWEEK",
            "YEAROFWEEKISO", "YEAROFWEEKISO",
            "HOUR", "HOUR H HH HR HOURS HRS",
            "MINUTE", "MINUTE M MI MIN MINUTES MINS",
            "SECOND", "SECOND S SEC SECONDS SECS",
            "MILLISECOND", "MILLISECOND MS MSEC MILLISECONDS",
            "MICROSECOND", "MICROSECOND US USEC MICROSECONDS",
            "NANOSECOND", "NANOSECOND NS NSEC NANOSEC NSECOND NANOSECONDS NANOSECS NSECONDS",
            "EPOCH_SECOND", "EPOCH_SECOND EPOCH EPOCH_SECONDS",
            "EPOCH_MILLISECOND", "EPOCH_MILLISECOND EPOCH_MILLISECONDS",
            "EPOCH_MICROSECOND", "EPOCH_MICROSECOND EPOCH_MICROSECONDS",
            "EPOCH_NANOSECOND", "EPOCH_NANOSECOND EPOCH_NANOSECONDS",
            "TIMEZONE_HOUR", "TIMEZONE_HOUR TZH",
            "TIMEZONE_MINUTE", "TIMEZONE_MINUTE TZM");
    /** Parts DATEADD, DATE_TRUNC and TIME_SLICE take whole days or more of. */
    private static final java.util.Set<String> DATE_PARTS = java.util.Set.of("YEAR", "QUARTER", "MONTH", "WEEK", "DAY");
    private static final java.util.Set<String> TIME_PARTS = java.util.Set.of("HOUR", "MINUTE", "SECOND", "MILLISECOND",
            "MICROSECOND", "NANOSECOND");

    private static Map<String, String> parts(String... pairs) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (String alias : pairs[i + 1].split(" ")) {
                m.put(alias, pairs[i]);
            }
        }
        return Map.copyOf(m);
    }

    private DateFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            rest(c, 2);
            String unit = part(c);
            if (DATE_PARTS.contains(unit)) {
                // a DATE stays a DATE, months clamp to the month's end (dateadd page): the engine's sf_dateadd
                return shifted(c, 2, (x, zone) -> "sf_dateadd('" + unit + "', CAST(" + c.sql(1) + " AS BIGINT), " + x + ", " + zone + ")");
            }
            if (!TIME_PARTS.contains(unit)) {
                throw invalidPart(c, unit);
            }
            String n = "CAST(" + c.sql(1) + " AS BIGINT)";
            if ("TIME_NS".equals(c.generator().duckType(c.arg(2)))) {
                // a TIME(9) (DuckDB adds no interval to a TIME_NS): counted in nanoseconds on one day, wrapping at midnight
                long perUnit = switch (unit) {
                    case "HOUR" -> 3_600_000_000_000L;
                    case "MINUTE" -> 60_000_000_000L;
                    case "SECOND" -> 1_000_000_000L;
                    case "MILLISECOND" -> 1_000_000L;
                    case "MICROSECOND" -> 1_000L;
                    default -> 1L;
                };
                return "CAST(" + plusNanoseconds(onOneDay(c.sql(2)), n + " * " + perUnit) + " AS TIME_NS)";
            }
            boolean nanos = unit.equals("NANOSECOND") && c.generator().tzOffset(c.arg(2)) == null
                    && wallClock(c.arg(2) instanceof Expr.StringLiteral ? "TIMESTAMP" : c.generator().duckType(c.arg(2)));
            return shifted(c, 2, (x, zone) -> switch (unit) {
                case "MILLISECOND" -> "(" + x + " + " + n + " * INTERVAL 1 MILLISECOND)";
                case "MICROSECOND" -> "(" + x + " + " + n + " * INTERVAL 1 MICROSECOND)";
                // a wall-clock value keeps the nanoseconds (TIMESTAMP_NTZ(9)); a TIMESTAMP_LTZ/TZ keeps microseconds
                case "NANOSECOND" -> nanos ? plusNanoseconds(x, n) : "(" + x + " + (" + n + " // 1000) * INTERVAL 1 MICROSECOND)";
                default -> "(" + x + " + " + n + " * INTERVAL 1 " + unit + ")";
            });
        }, "DATEADD", "TIMESTAMPADD", "TIMEADD");
        Functions.register(t, c -> {
            c.need(2, 2);
            return shifted(c, 0, (x, zone) -> "sf_dateadd('ADD_MONTHS', CAST(" + c.sql(1) + " AS BIGINT), " + x + ", " + zone + ")");
        }, "ADD_MONTHS");
        Functions.register(t, c -> {
            rest(c, 2);
            String unit = part(c);
            // a TIME(9) with nanoseconds has few DuckDB functions: both times become timestamps on one day
            boolean timeNs = "TIME_NS".equals(c.generator().duckType(c.arg(1))) || "TIME_NS".equals(c.generator().duckType(c.arg(2)));
            String from = timeNs ? onOneDay(c.sql(1)) : instantTemporal(c, 1);
            String to = timeNs ? onOneDay(c.sql(2)) : instantTemporal(c, 2);
            return switch (unit) {
                case "YEAR", "QUARTER", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND" ->
                        "date_diff('" + unit.toLowerCase(Locale.ROOT) + "', " + from + ", " + to + ")";
                // two wall-clock values, either with nanoseconds: counted in nanoseconds (a DuckDB interval has microseconds)
                case "NANOSECOND" -> timeNs || nanosecondsKept(c, 1) || nanosecondsKept(c, 2)
                        ? "(epoch_ns(CAST(" + to + " AS TIMESTAMP_NS)) - epoch_ns(CAST(" + from + " AS TIMESTAMP_NS)))"
                        : "(date_diff('microsecond', " + from + ", " + to + ") * 1000)";
                // weeks are counted between the starts of the weeks (WEEK_START) the two values fall in
                case "WEEK" -> "(date_diff('day', sf_date_trunc('WEEK', CAST(" + instantTemporal(c, 1) + " AS DATE), " + weekStart(c)
                        + ", " + zone(c) + "), sf_date_trunc('WEEK', CAST(" + instantTemporal(c, 2) + " AS DATE), " + weekStart(c) + ", "
                        + zone(c) + ")) // 7)";
                default -> throw invalidPart(c, unit);
            };
        }, "DATEDIFF", "TIMESTAMPDIFF", "TIMEDIFF");
        Functions.register(t, c -> {
            rest(c, 1);
            String unit = part(c);
            if (!DATE_PARTS.contains(unit) && !TIME_PARTS.contains(unit)) {
                throw invalidPart(c, unit);
            }
            return truncate(unit, c, 1);
        }, "DATE_TRUNC");
        Functions.register(t, c -> {
            rest(c, 1);
            return datePart(c.generator(), part(c), c.arg(1), temporal(c, 1));
        }, "DATE_PART");
        for (String p : List.of("YEAR", "QUARTER", "MONTH", "DAY", "DAYOFMONTH", "DAYOFYEAR", "DAYOFWEEK", "DAYOFWEEKISO", "WEEK",
                "WEEKOFYEAR", "WEEKISO", "YEAROFWEEK", "YEAROFWEEKISO", "HOUR", "MINUTE", "SECOND")) {
            Functions.register(t, c -> {
                c.need(1, 1);
                return datePart(c.generator(), PARTS.get(p), c.arg(0), temporal(c, 0));
            }, p);
        }
        Functions.register(t, c -> {
            c.need(1, 1);
            return "left(dayname(" + temporal(c, 0) + "), 3)";
        }, "DAYNAME");
        Functions.register(t, c -> {
            c.need(1, 1);
            return "left(monthname(" + temporal(c, 0) + "), 3)";
        }, "MONTHNAME");
        Functions.register(t, c -> {
            c.need(1, 2);
            String unit = c.count() == 1 ? "MONTH" : part(c.arg(1) instanceof Expr.ColumnRef r && r.parts().size() == 1
                    ? r.parts().get(0) : c.requireLiteral(1, "LAST_DAY"));
            String d = "CAST(" + temporal(c, 0) + " AS DATE)";
            return switch (unit) {
                case "MONTH" -> "last_day(" + d + ")";
                case "YEAR" -> "make_date(year(" + d + "), 12, 31)";
                case "QUARTER" -> "CAST(date_trunc('quarter', " + d + ") + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE)";
                case "WEEK" -> "(sf_date_trunc('WEEK', " + d + ", " + weekStart(c) + ", " + zone(c) + ") + 6)";
                default -> throw SnowflakeError.compilation("invalid date or time part '" + unit + "' for function LAST_DAY");
            };
        }, "LAST_DAY");
        Functions.register(t, c -> {
            c.need(3, 4);
            String unit = part(c.requireLiteral(2, "TIME_SLICE"));
            String edge = c.count() == 4 ? c.sql(3) : "'START'";
            return shifted(c, 0, (x, zone) -> "sf_time_slice(" + x + ", CAST(" + c.sql(1) + " AS BIGINT), '" + unit + "', " + edge
                    + ", " + zone + ")");
        }, "TIME_SLICE");
        Functions.register(t, c -> {
            c.need(2, 2);
            String a = temporal(c, 0);
            String b = temporal(c, 1);
            // months_between page: whole months when both days are equal or both are month ends, else a 31-day month
            String whole = "((year(" + a + ") - year(" + b + ")) * 12 + month(" + a + ") - month(" + b + "))";
            String secondsOfDay = "(epoch(CAST(%1$s AS TIMESTAMP)) - epoch(CAST(CAST(%1$s AS DATE) AS TIMESTAMP)))";
            String fraction = "((day(" + a + ") - day(" + b + ")) * 86400 + " + secondsOfDay.formatted(a) + " - "
                    + secondsOfDay.formatted(b) + ") / 2678400.0";
            return "CAST(" + whole + " + CASE WHEN day(" + a + ") = day(" + b + ") OR (CAST(" + a + " AS DATE) = last_day(" + a
                    + ") AND CAST(" + b + " AS DATE) = last_day(" + b + ")) THEN 0 ELSE " + fraction + " END AS DECIMAL(38, 6))";
        }, "MONTHS_BETWEEN");
        Functions.register(t, c -> {
            if (c.count() == 2) {
                return convertTimezone(c, null, c.sql(0), c.sql(1));
            }
            if (c.count() == 3) {
                return convertTimezone(c, c.sql(0), c.sql(1), c.sql(2));
            }
            throw SnowflakeError.compilation("invalid number of arguments (" + c.count() + ") for function CONVERT_TIMEZONE");
        }, "CONVERT_TIMEZONE");
    }

    /**
     * CONVERT_TIMEZONE (page): with two arguments the value is an instant (a TIMESTAMP_NTZ is read in the session's
     * time zone, a string as a TIMESTAMP_TZ) and the result a TIMESTAMP_TZ at the target zone's offset (the instant
     * here; {@link TimestampTz} gives its offset); with three, a wall-clock time (TIMESTAMP_NTZ) in the source zone
     * becomes the wall-clock time in the target zone (a TIMESTAMP_NTZ).
     */
    private static String convertTimezone(Call c, String source, String target, String value) {
        if (source == null) {
            Expr v = c.arg(1);
            if (v instanceof Expr.StringLiteral) {
                return c.cast(1, SnowflakeTypes.of("TIMESTAMP_TZ", null, null), false);
            }
            return "(CASE WHEN typeof(" + value + ") = 'TIMESTAMP WITH TIME ZONE' THEN CAST(" + value
                    + " AS TIMESTAMPTZ) ELSE timezone(" + zone(c) + ", CAST(" + value + " AS TIMESTAMP)) END)";
        }
        String offset = c.generator().tzOffset(c.arg(2));
        String wall = offset != null ? TimestampTz.wall(value, offset) : "CAST(" + value + " AS TIMESTAMP)";
        return "timezone(" + target + ", timezone(" + source + ", " + wall + "))";
    }

    private static final java.util.regex.Pattern INTERVAL_PART = java.util.regex.Pattern.compile(
            "\\s*([+-]?\\d+)\\s*([A-Za-z_]+)?\\s*,?");

    /** The parts of an interval literal ({@code '1 year, 3 q, 4 mm, 8 s'}), in the order written, as (part, amount). */
    static List<java.util.Map.Entry<String, Long>> intervalParts(String text) {
        List<java.util.Map.Entry<String, Long>> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = INTERVAL_PART.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            // a number without a part is seconds (data-types-datetime page: INTERVAL '2' is INTERVAL '2 seconds')
            String unit = m.group(2) == null ? "SECOND" : part(m.group(2));
            if (!DATE_PARTS.contains(unit) && !TIME_PARTS.contains(unit)) {
                throw SnowflakeError.compilation("invalid interval part '" + m.group(2) + "' in INTERVAL '" + text + "'");
            }
            parts.add(java.util.Map.entry(unit, Long.parseLong(m.group(1))));
            at = m.end();
        }
        if (parts.isEmpty() || !text.substring(at).isBlank()) {
            throw new SnowflakeError("100038", "22018", "Numeric value '" + text + "' is not recognized");
        }
        return parts;
    }

    /**
     * {@code value + INTERVAL '...'} (data-types-datetime page, interval constants): the parts are added one after
     * another in the order written, so '1 day, 1 year' and '1 year, 1 day' differ; a DATE plus date parts stays a DATE.
     */
    static String addInterval(String value, String text, int sign, SqlContext ctx, boolean nanos) {
        String acc = value;
        String zone = Translator.literal(ctx.parameter("TIMEZONE") == null ? "UTC" : ctx.parameter("TIMEZONE"));
        long nanoseconds = 0;
        for (java.util.Map.Entry<String, Long> p : intervalParts(text)) {
            long n = sign * p.getValue();
            if (nanos && p.getKey().equals("NANOSECOND")) {
                // added last, whole (data-types-datetime page: '... 898498273498 ns' keeps .841505498); durations commute
                nanoseconds += n;
                continue;
            }
            acc = DATE_PARTS.contains(p.getKey()) ? "sf_dateadd('" + p.getKey() + "', CAST(" + n + " AS BIGINT), " + acc + ", " + zone + ")"
                    : "(" + acc + " + " + durationSql(p.getKey(), n) + ")";
        }
        return nanoseconds == 0 ? acc : plusNanoseconds(acc, "CAST(" + nanoseconds + " AS BIGINT)");
    }

    /** {@code value} (a DATE, TIMESTAMP or TIMESTAMP_NS) plus {@code n} nanoseconds, as a TIMESTAMP_NS. */
    static String plusNanoseconds(String value, String n) {
        return "make_timestamp_ns(epoch_ns(CAST(" + value + " AS TIMESTAMP_NS)) + " + n + ")";
    }

    /** Whether an interval text has a nanosecond part that is not whole microseconds. */
    static boolean hasNanoseconds(String text) {
        try {
            return intervalParts(text).stream().anyMatch(p -> p.getKey().equals("NANOSECOND") && p.getValue() % 1000 != 0);
        } catch (SnowflakeError e) {
            return false;
        }
    }

    /** Whether a DuckDB type is a wall-clock date or timestamp (DATE, TIMESTAMP, TIMESTAMP_NS: no time zone). */
    static boolean wallClock(String duckType) {
        return duckType != null && (duckType.equals("DATE") || duckType.equals("TIMESTAMP") || duckType.equals("TIMESTAMP_NS"));
    }

    /** An interval literal on its own, as a DuckDB INTERVAL. */
    static String interval(String text) {
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, Long> p : intervalParts(text)) {
            out.add(DATE_PARTS.contains(p.getKey()) ? "INTERVAL (" + p.getValue() + ") " + p.getKey()
                    : durationSql(p.getKey(), p.getValue()));
        }
        return "(" + String.join(" + ", out) + ")";
    }

    private static String durationSql(String unit, long n) {
        return switch (unit) {
            case "NANOSECOND" -> "INTERVAL (" + (n / 1000) + ") MICROSECOND";
            default -> "INTERVAL (" + n + ") " + unit;
        };
    }

    /** DATE_PART / EXTRACT / YEAR()... of a translated date, time or timestamp. */
    static String datePart(String part, String x, SqlContext ctx) {
        long weekStart = parameter(ctx, "WEEK_START", 0);
        long policy = parameter(ctx, "WEEK_OF_YEAR_POLICY", 0);
        return switch (part) {
            case "YEAR", "QUARTER", "MONTH", "DAY", "DAYOFYEAR", "HOUR", "MINUTE", "SECOND" ->
                    "date_part('" + part.toLowerCase(Locale.ROOT) + "', " + x + ")";
            case "DAYOFWEEK", "WEEK", "YEAROFWEEK" -> weekStart == 0 && policy == 0
                    ? "date_part('" + Map.of("DAYOFWEEK", "dow", "WEEK", "week", "YEAROFWEEK", "isoyear").get(part) + "', " + x + ")"
                    : "sf_week_part('" + part + "', CAST(" + x + " AS DATE), " + weekStart + ", " + policy + ")";
            case "DAYOFWEEKISO" -> "date_part('isodow', " + x + ")";
            case "WEEKISO" -> "date_part('week', " + x + ")";
            case "YEAROFWEEKISO" -> "date_part('isoyear', " + x + ")";
            case "MILLISECOND" -> "(date_part('millisecond', " + x + ") % 1000)";
            case "MICROSECOND" -> "(date_part('microsecond', " + x + ") % 1000000)";
            case "NANOSECOND" -> "(date_part('microsecond', " + x + ") % 1000000 * 1000)";
            case "EPOCH_SECOND" -> "CAST(floor(epoch(" + x + ")) AS BIGINT)";
            case "EPOCH_MILLISECOND" -> "epoch_ms(" + x + ")";
            case "EPOCH_MICROSECOND" -> "epoch_us(" + x + ")";
            case "EPOCH_NANOSECOND" -> "epoch_ns(" + x + ")";
            case "TIMEZONE_HOUR" -> "date_part('timezone_hour', " + x + ")";
            case "TIMEZONE_MINUTE" -> "date_part('timezone_minute', " + x + ")";
            default -> throw SnowflakeError.compilation("invalid date or time part '" + part + "'");
        };
    }

    private static long parameter(SqlContext ctx, String name, long fallback) {
        String v = ctx.parameter(name);
        try {
            return v == null ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String weekStart(Call c) {
        return String.valueOf(parameter(c.context(), "WEEK_START", 0));
    }

    /** DATE_TRUNC of argument {@code i} to {@code unit}: a DATE stays a DATE (the engine's sf_date_trunc, one overload a type). */
    static String truncate(String unit, Call c, int i) {
        if (!DATE_PARTS.contains(unit) && !TIME_PARTS.contains(unit)) {
            throw invalidPart(c, unit);
        }
        String duck = c.generator().duckType(c.arg(i));
        if (duck != null && duck.startsWith("TIME") && !duck.startsWith("TIMESTAMP")) {
            // a TIME (date_trunc page: DATE_TRUNC('minute', mytime) is 08:50:00): time parts on the clock of a day
            if (!TIME_PARTS.contains(unit)) {
                throw SnowflakeError.compilation("invalid date or time part '" + unit + "' for function " + c.name()
                        + " of a TIME value");
            }
            if (duck.equals("TIME_NS")) {
                // a TIME(9) keeps its nine digits: truncated as a TIMESTAMP_NS on one day (DuckDB truncates no TIME_NS)
                return unit.equals("NANOSECOND") ? c.sql(i) : "CAST(CAST(date_trunc('" + unit.toLowerCase(Locale.ROOT) + "', "
                        + onOneDay(c.sql(i)) + ") AS TIMESTAMP_NS) AS TIME_NS)";
            }
            String duckUnit = unit.equals("NANOSECOND") ? "microsecond" : unit.toLowerCase(Locale.ROOT);
            return "CAST(date_trunc('" + duckUnit + "', DATE '1970-01-01' + CAST(" + c.sql(i)
                    + " AS TIME)) AS " + duck + ")";
        }
        return shifted(c, i, (x, zone) -> "sf_date_trunc('" + unit + "', " + x + ", " + weekStart(c) + ", " + zone + ")");
    }

    /** The session's TIMEZONE as a string literal (where a TIMESTAMP_LTZ is computed). */
    static String zone(Call c) {
        String z = c.context().parameter("TIMEZONE");
        return Translator.literal(z == null ? "UTC" : z);
    }

    /**
     * Argument {@code i} where its parts are read: a string literal is read as a TIMESTAMP_NTZ, as Snowflake reads a string
     * where a date or time goes; a TIMESTAMP_TZ by its own wall clock ({@link TimestampTz}).
     */
    private static String temporal(Call c, int i) {
        String offset = c.generator().tzOffset(c.arg(i));
        return offset != null ? TimestampTz.wall(c.sql(i), offset) : instantTemporal(c, i);
    }

    /** Argument {@code i} as a value (a TIMESTAMP_TZ as its instant). */
    private static String instantTemporal(Call c, int i) {
        // text (a literal, or a VARCHAR column: datediff page) is read as a timestamp
        return c.arg(i) instanceof Expr.StringLiteral || !(c.arg(i) instanceof Expr.NullLiteral)
                && "VARCHAR".equals(c.generator().duckType(c.arg(i))) ? "CAST(" + c.sql(i) + " AS TIMESTAMP)" : c.sql(i);
    }

    /**
     * {@code f(value, zone)} of argument {@code i}; a TIMESTAMP_TZ is computed on its wall clock and keeps its offset
     * (data-types-datetime: DATEADD of a TIMESTAMP_TZ keeps the offset, whatever the daylight saving time then).
     */
    private static String shifted(Call c, int i, java.util.function.BinaryOperator<String> f) {
        String offset = c.generator().tzOffset(c.arg(i));
        if (offset == null) {
            return f.apply(instantTemporal(c, i), zone(c));
        }
        return TimestampTz.instant(f.apply(TimestampTz.wall(c.sql(i), offset), "'UTC'"), offset);
    }

    /** A TIME (or TIME(9) with nanoseconds) as a TIMESTAMP_NS on 1970-01-01, all nine digits kept. */
    private static String onOneDay(String time) {
        return "CAST('1970-01-01 ' || CAST(" + time + " AS VARCHAR) AS TIMESTAMP_NS)";
    }

    /** Whether argument {@code i} is a wall-clock timestamp with nanoseconds (a DuckDB TIMESTAMP_NS). */
    private static boolean nanosecondsKept(Call c, int i) {
        return !(c.arg(i) instanceof Expr.StringLiteral) && "TIMESTAMP_NS".equals(c.generator().duckType(c.arg(i)));
    }

    /** DATE_PART of {@code source} (SQL {@code sql}): the time zone parts of a TIMESTAMP_TZ are its own offset's. */
    static String datePart(ExpressionGenerator gen, String part, Expr source, String sql) {
        String duck = source instanceof Expr.StringLiteral ? null : gen.duckType(source);
        if (part.equals("NANOSECOND") && ("TIMESTAMP_NS".equals(duck) || "TIME_NS".equals(duck))) {
            // the nine digits a TIMESTAMP_NTZ(9) / TIME(9) keeps (DuckDB's date_part has no nanosecond specifier)
            String ns = "epoch_ns(" + ("TIME_NS".equals(duck) ? onOneDay(sql) : sql) + ")";
            return "(((" + ns + " % 1000000000) + 1000000000) % 1000000000)";
        }
        if (part.equals("TIMEZONE_HOUR") || part.equals("TIMEZONE_MINUTE")) {
            String offset = gen.tzOffset(source);
            if (offset != null) {
                return part.equals("TIMEZONE_HOUR") ? "CAST(trunc((" + offset + ") / 60) AS BIGINT)" : "((" + offset + ") % 60)";
            }
        }
        return datePart(part, sql, gen.context());
    }

    private static SnowflakeError invalidPart(Call c, String unit) {
        return SnowflakeError.compilation("invalid date or time part '" + unit + "' for function " + c.name());
    }

    /** The canonical name of a Snowflake date or time part ({@code dd} is DAY, {@code epoch} is EPOCH_SECOND). */
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
