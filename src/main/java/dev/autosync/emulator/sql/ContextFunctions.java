package dev.autosync.emulator.sql;

import java.util.Map;

/** Functions of the session and the moment: CURRENT_DATABASE() and the like, CURRENT_TIMESTAMP and its synonyms, SEQ, UUID_STRING. */
final class ContextFunctions {
    private ContextFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> {
            String v = c.context().sessionValue(c.name());
            return v == null ? "CAST(NULL AS VARCHAR)" : Translator.literal(v);
        }, "CURRENT_DATABASE", "CURRENT_SCHEMA", "CURRENT_WAREHOUSE", "CURRENT_ROLE", "CURRENT_USER", "CURRENT_SESSION",
                "CURRENT_ACCOUNT", "CURRENT_REGION", "CURRENT_VERSION", "LAST_QUERY_ID", "CURRENT_CLIENT");
        // getvariable page: the name is case-sensitive (SET upper-cases unquoted names); NULL when not set
        Functions.register(t, c -> {
            String v = c.context().variable(c.requireLiteral(0, c.name()));
            return v == null ? "CAST(NULL AS VARCHAR)" : "CAST(" + v + " AS VARCHAR)";
        }, "GETVARIABLE", "SESSION_CONTEXT");
        Functions.register(t, c -> "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "GETDATE", "LOCALTIMESTAMP", "SYSTIMESTAMP");
        // sysdate page: the current time in UTC as a TIMESTAMP_NTZ
        Functions.register(t, c -> "timezone('UTC', CURRENT_TIMESTAMP)", "SYSDATE");
        Functions.register(t, c -> "CURRENT_DATE", "CURRENT_DATE");
        Functions.register(t, c -> "CAST(CURRENT_TIMESTAMP AS TIME)", "CURRENT_TIME", "LOCALTIME");
        Functions.register(t, c -> "(row_number() OVER () - 1)", "SEQ1", "SEQ2", "SEQ4", "SEQ8");
        // uuid_string page: a random (version 4) UUID, or with a namespace UUID and a name the named (version 5) one
        Functions.register(t, c -> {
            if (c.count() == 0) {
                return "CAST(uuid() AS VARCHAR)";
            }
            c.need(2);
            return "sf_uuid_v5(CAST(" + c.sql(0) + " AS VARCHAR), CAST(" + c.sql(1) + " AS VARCHAR))";
        }, "UUID_STRING");
        // uniform page: an integer between min and max (both included) when both are integers, else a FLOAT.
        // UNVERIFIED: the generator argument does not choose the value (DuckDB's random() does), so a constant
        // generator does not repeat Snowflake's value.
        Functions.register(t, c -> {
            c.need(3);
            boolean integers = isInteger(c.arg(0)) && isInteger(c.arg(1));
            String span = "(" + c.sql(1) + " - " + c.sql(0) + (integers ? " + 1" : "") + ")";
            String value = "(" + c.sql(0) + " + " + span + " * random())";
            return integers ? "CAST(floor(" + value + ") AS BIGINT)" : "CAST(" + value + " AS DOUBLE)";
        }, "UNIFORM");
    }

    private static boolean isInteger(dev.autosync.sql.tree.Expr e) {
        if (e instanceof dev.autosync.sql.tree.Expr.Unary u) {
            return isInteger(u.operand());
        }
        return e instanceof dev.autosync.sql.tree.Expr.NumberLiteral n && n.text().chars().allMatch(Character::isDigit);
    }
}
