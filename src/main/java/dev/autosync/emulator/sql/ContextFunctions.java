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
    }
}
