package dev.autosync.emulator.engine;

import java.util.Locale;

/** A Snowflake result column type as the wire protocol names it ("fixed", "text", "variant", ...). */
public record SfType(String wireName, Integer precision, Integer scale, Integer length) {
    public static final SfType TEXT = new SfType("text", null, null, 16777216);
    public static final SfType BOOLEAN = new SfType("boolean", null, null, null);
    public static final SfType REAL = new SfType("real", null, null, null);
    public static final SfType DATE = new SfType("date", null, null, null);
    public static final SfType TIME = new SfType("time", null, 9, null);
    public static final SfType TIMESTAMP_NTZ = new SfType("timestamp_ntz", null, 9, null);
    public static final SfType TIMESTAMP_LTZ = new SfType("timestamp_ltz", null, 9, null);
    public static final SfType TIMESTAMP_TZ = new SfType("timestamp_tz", null, 9, null);
    public static final SfType VARIANT = new SfType("variant", null, null, null);
    public static final SfType BINARY = new SfType("binary", null, null, 8388608);
    public static final SfType INTEGER = fixed(38, 0);

    public static SfType fixed(int precision, int scale) {
        return new SfType("fixed", precision, scale, null);
    }

    /** The Snowflake type DuckDB's type name corresponds to. */
    public static SfType fromDuck(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("DECIMAL")) {
            int open = t.indexOf('(');
            if (open > 0) {
                String[] ps = t.substring(open + 1, t.indexOf(')')).split(",");
                return fixed(Integer.parseInt(ps[0].trim()), Integer.parseInt(ps[1].trim()));
            }
            return fixed(38, 0);
        }
        return switch (t) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
                    "UHUGEINT", "INT", "INT8", "INT4", "INT2" -> INTEGER;
            case "DOUBLE", "FLOAT", "REAL" -> REAL;
            case "BOOLEAN" -> BOOLEAN;
            case "DATE" -> DATE;
            case "TIME", "TIME_NS" -> TIME;
            case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> TIMESTAMP_NTZ;
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> TIMESTAMP_LTZ;
            case "JSON" -> VARIANT;
            case "BLOB" -> BINARY;
            default -> TEXT;
        };
    }
}
