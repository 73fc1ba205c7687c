package dev.autosync.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Snowflake column type a pipeline field may have. */
public record FieldType(Kind kind, int precision, int scale) {

    public enum Kind { VARCHAR, NUMBER, DATE, TIMESTAMP_TZ, TIMESTAMP_NTZ, TIMESTAMP_LTZ, BOOLEAN, VARIANT }

    private static final Pattern NUMBER = Pattern.compile("(?:NUMBER|DECIMAL|NUMERIC)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    public static final FieldType VARCHAR = new FieldType(Kind.VARCHAR, 0, 0);

    /** Parses a type name; throws {@link IllegalArgumentException} with the accepted forms. */
    public static FieldType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        switch (t) {
            case "VARCHAR", "STRING", "TEXT":
                return VARCHAR;
            case "NUMBER", "DECIMAL", "NUMERIC", "INT", "INTEGER", "BIGINT":
                return new FieldType(Kind.NUMBER, 38, 0);
            case "DATE":
                return new FieldType(Kind.DATE, 0, 0);
            case "TIMESTAMP_TZ":
                return new FieldType(Kind.TIMESTAMP_TZ, 0, 0);
            case "TIMESTAMP_NTZ", "TIMESTAMP", "DATETIME":
                return new FieldType(Kind.TIMESTAMP_NTZ, 0, 0);
            case "TIMESTAMP_LTZ":
                return new FieldType(Kind.TIMESTAMP_LTZ, 0, 0);
            case "BOOLEAN":
                return new FieldType(Kind.BOOLEAN, 0, 0);
            case "VARIANT":
                return new FieldType(Kind.VARIANT, 0, 0);
            default:
                break;
        }
        Matcher m = NUMBER.matcher(t);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            int s = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (p < 1 || p > 38) {
                throw new IllegalArgumentException("precision " + p + " is outside 1..38");
            }
            if (s > p) {
                throw new IllegalArgumentException("scale " + s + " is larger than precision " + p);
            }
            return new FieldType(Kind.NUMBER, p, s);
        }
        throw new IllegalArgumentException("'" + text + "' is not a supported type; use VARCHAR, NUMBER(p,s), "
                + "DATE, TIMESTAMP_TZ, TIMESTAMP_NTZ, TIMESTAMP_LTZ, BOOLEAN or VARIANT");
    }

    /** The type as Snowflake DDL writes it. */
    public String sql() {
        return kind == Kind.NUMBER ? "NUMBER(" + precision + "," + scale + ")" : kind.name();
    }

    public boolean isTimestamp() {
        return kind == Kind.TIMESTAMP_TZ || kind == Kind.TIMESTAMP_NTZ || kind == Kind.TIMESTAMP_LTZ;
    }

    @Override
    public String toString() {
        return sql();
    }
}
