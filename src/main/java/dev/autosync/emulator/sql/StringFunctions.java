package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;

import java.util.Map;

/** Text functions whose DuckDB names or arguments differ: lengths, prefixes, positions, regular expressions, hashes, LISTAGG. */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        Functions.register(t, c -> "length(" + c.sql(0) + ")", "LEN", "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH");
        Functions.register(t, c -> "starts_with(" + c.all() + ")", "STARTSWITH");
        Functions.register(t, c -> "ends_with(" + c.all() + ")", "ENDSWITH");
        Functions.register(t, c -> "instr(" + c.sql(1) + ", " + c.sql(0) + ")", "CHARINDEX");
        Functions.register(t, c -> {
            c.need(2);
            return "instr(" + c.sql(1) + ", " + c.sql(0) + ")";
        }, "POSITION");
        Functions.register(t, c -> {
            if (c.count() != 3 && c.count() != 2) {
                throw SnowflakeError.unsupported("REGEXP_REPLACE with position, occurrence or parameters");
            }
            return "regexp_replace(" + c.sql(0) + ", " + c.sql(1) + ", " + (c.count() == 3 ? c.sql(2) : "''") + ", 'g')";
        }, "REGEXP_REPLACE");
        Functions.register(t, c -> "regexp_full_match(" + c.sql(0) + ", " + c.sql(1) + ")", "REGEXP_LIKE");
        Functions.register(t, c -> "NULLIF(regexp_extract(" + c.sql(0) + ", " + c.sql(1) + "), '')", "REGEXP_SUBSTR");
        Functions.register(t, c -> {
            if (c.count() > 1 && !Integer.valueOf(256).equals(c.integer(1))) {
                throw SnowflakeError.unsupported("SHA2 with " + c.sql(1) + " bits");
            }
            return "sha256(" + c.sql(0) + ")";
        }, "SHA2");
        Functions.register(t, c -> "string_agg(" + (c.distinct() ? "DISTINCT " : "") + c.sql(0) + ", "
                + (c.count() > 1 ? c.sql(1) : "''") + ")", "LISTAGG");
    }
}
