package dev.autosync.emulator.sql;

import java.util.Map;

/** NEXT_DAY and PREVIOUS_DAY (next_day / previous_day pages): the DATE of the nearest given weekday after / before. */
final class DayOfWeekFunctions {
    private DayOfWeekFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> shift(c, true), "NEXT_DAY");
        Functions.register(t, c -> shift(c, false), "PREVIOUS_DAY");
    }

    /**
     * The value as a DATE moved 1 to 7 days to the named weekday (never 0: the same weekday is a week away). The name
     * counts by its first two letters, case-insensitive, after leading blanks ('Friday', 'fr', ' FRI').
     */
    private static String shift(Call c, boolean forward) {
        c.need(2, 2);
        String date = "CAST(" + (c.arg(0) instanceof dev.autosync.sql.tree.Expr.StringLiteral
                ? "CAST(" + c.sql(0) + " AS TIMESTAMP)" : c.sql(0)) + " AS DATE)";
        String name = "lower(substr(ltrim(CAST(" + c.sql(1) + " AS VARCHAR)), 1, 2))";
        String target = "(CASE " + name + " WHEN 'su' THEN 0 WHEN 'mo' THEN 1 WHEN 'tu' THEN 2 WHEN 'we' THEN 3"
                + " WHEN 'th' THEN 4 WHEN 'fr' THEN 5 WHEN 'sa' THEN 6 ELSE error('Invalid weekday: ' || " + c.sql(1) + ") END)";
        String dow = "dayofweek(" + date + ")";
        String days = forward ? "((" + target + " - " + dow + " + 6) % 7 + 1)" : "((" + dow + " - " + target + " + 6) % 7 + 1)";
        return "CAST(" + date + (forward ? " + " : " - ") + "CAST(" + days + " AS INTEGER) AS DATE)";
    }
}
