package dev.autosync.emulator.sql;

import java.util.Map;

/** IFF, NVL / IFNULL, NVL2, ZEROIFNULL, NULLIFZERO, EQUAL_NULL, DECODE, GREATEST and LEAST (DIV0 and DIV0NULL are with the numeric functions). */
final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            c.need(3);
            return "(CASE WHEN " + c.sql(0) + " THEN " + c.sql(1) + " ELSE " + c.sql(2) + " END)";
        }, "IFF");
        Functions.register(t, c -> {
            c.need(2);
            return "COALESCE(" + c.sql(0) + ", " + c.sql(1) + ")";
        }, "NVL", "IFNULL");
        Functions.register(t, c -> {
            c.need(3);
            return "(CASE WHEN " + c.sql(0) + " IS NOT NULL THEN " + c.sql(1) + " ELSE " + c.sql(2) + " END)";
        }, "NVL2");
        Functions.register(t, c -> "COALESCE(" + c.sql(0) + ", 0)", "ZEROIFNULL");
        Functions.register(t, c -> "NULLIF(" + c.sql(0) + ", 0)", "NULLIFZERO");
        Functions.register(t, c -> {
            c.need(2);
            return "(" + c.sql(0) + " IS NOT DISTINCT FROM " + c.sql(1) + ")";
        }, "EQUAL_NULL");
        Functions.register(t, ConditionalFunctions::decode, "DECODE");
        // greatest / least pages: NULL when any argument is NULL (DuckDB skips NULLs)
        Functions.register(t, c -> nullWhenAnyNull(c, "greatest"), "GREATEST");
        Functions.register(t, c -> nullWhenAnyNull(c, "least"), "LEAST");
    }

    /**
     * DECODE(expr, search1, result1 [, ...] [, default]) (decode page): the first search equal to expr gives
     * its result, and unlike CASE a NULL search matches a NULL expr; no match gives the default or NULL.
     */
    private static String decode(Call c) {
        c.need(3, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder("(CASE");
        int i = 1;
        for (; i + 1 < c.count(); i += 2) {
            sb.append(" WHEN ").append(c.sql(0)).append(" IS NOT DISTINCT FROM ").append(c.sql(i))
                    .append(" THEN ").append(c.sql(i + 1));
        }
        if (i < c.count()) {
            sb.append(" ELSE ").append(c.sql(i));
        }
        return sb.append(" END)").toString();
    }

    private static String nullWhenAnyNull(Call c, String function) {
        c.need(1, Integer.MAX_VALUE);
        if (c.count() == 1) {
            return c.sql(0);
        }
        StringBuilder test = new StringBuilder();
        for (String a : c.sql()) {
            test.append(test.length() == 0 ? "" : " OR ").append(a).append(" IS NULL");
        }
        return "(CASE WHEN " + test + " THEN NULL ELSE " + function + "(" + TimeNanos.arguments(c) + ") END)";
    }
}
