package dev.autosync.emulator.sql;

import java.util.Map;

/** IFF, NVL / IFNULL, NVL2, ZEROIFNULL, NULLIFZERO and EQUAL_NULL (DIV0 and DIV0NULL are with the numeric functions). */
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
    }
}
