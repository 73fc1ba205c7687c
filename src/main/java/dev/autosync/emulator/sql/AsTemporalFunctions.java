package dev.autosync.emulator.sql;

import java.util.Map;

/** AS_DATE, AS_TIME and AS_TIMESTAMP_* (as_date, as_time, as_timestamp pages): a VARIANT's date or time value. */
final class AsTemporalFunctions {
    private AsTemporalFunctions() {
    }

    static void register(Map<String, Functions.Translation> t) {
        asType(t, "AS_DATE", "DATE");
        asType(t, "AS_TIME", "TIME");
        asType(t, "AS_TIMESTAMP_NTZ", "TIMESTAMP_NTZ");
        asType(t, "AS_TIMESTAMP_LTZ", "TIMESTAMP_LTZ");
        asType(t, "AS_TIMESTAMP_TZ", "TIMESTAMP_TZ");
    }

    /**
     * {@code name}: the VARIANT's value as {@code type}, NULL when it holds another type. UNVERIFIED: the emulator's VARIANT keeps a date or time as its text without a type tag,
     * so a string that reads as the type is taken as one; other strings and non-strings give NULL.
     */
    private static void asType(Map<String, Functions.Translation> t, String name, String type) {
        Functions.register(t, c -> {
            c.need(1, 1);
            String v = SemiStructuredFunctions.variant(c, 0);
            String duck = SnowflakeTypes.of(type, null, null).duck();
            String text = "json_extract_string(" + v + ", '$')";
            // the text's shape tells the type: a time of day alone, a date alone, or both
            String timeOnly = "regexp_full_match(trim(" + text + "), '[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?')";
            String shape = switch (type) {
                case "DATE" -> "NOT contains(" + text + ", ':')";
                case "TIME" -> timeOnly;
                default -> "contains(" + text + ", ':') AND NOT " + timeOnly;
            };
            return "(CASE WHEN sf_typeof(CAST(" + v + " AS VARCHAR)) = 'VARCHAR' AND " + shape + " AND NOT regexp_full_match(trim("
                    + text + "), '[+-]?[0-9]+') THEN " + TemporalText.normaliseSql(text, duck, true) + " END)";
        }, name);
    }
}
