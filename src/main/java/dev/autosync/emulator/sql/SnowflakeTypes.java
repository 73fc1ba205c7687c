package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.tree.TypeName;

import java.util.Locale;

/** Snowflake data types: parsing, their canonical spelling (as DESC shows it) and the DuckDB type used. */
public record SnowflakeTypes(String canonical, String duck) {

    /** Parses a type at the cursor: {@code NUMBER(7,2)}, {@code VARCHAR(100)}, {@code DOUBLE PRECISION}. */
    public static SnowflakeTypes parse(Cursor c) {
        return of(new SqlParser(c).typeName());
    }

    /**
     * Parses a column's type: {@code TIMESTAMP} (and DATETIME) is the variation the session's TIMESTAMP_TYPE_MAPPING
     * names (parameters page; date-time-examples page: a TIMESTAMP column under TIMESTAMP_LTZ mapping holds LTZ values).
     */
    public static SnowflakeTypes parse(Cursor c, String timestampMapping) {
        TypeName type = new SqlParser(c).typeName();
        String n = type.name().toUpperCase(Locale.ROOT);
        String m = timestampMapping == null ? "" : timestampMapping.trim().toUpperCase(Locale.ROOT);
        if ((n.equals("TIMESTAMP") || n.equals("DATETIME")) && (m.equals("TIMESTAMP_LTZ") || m.equals("TIMESTAMP_TZ"))) {
            return of(m, type.first(), type.second());
        }
        return of(type);
    }

    /** The type a parsed type name stands for. */
    public static SnowflakeTypes of(TypeName type) {
        if (type.name().contains(" TIME ZONE")) {
            // data-types-datetime: TIMESTAMP WITH TIME ZONE is TIMESTAMP_TZ, WITH LOCAL TIME ZONE is TIMESTAMP_LTZ, WITHOUT
            // TIME ZONE is TIMESTAMP_NTZ
            String n = type.name().toUpperCase(Locale.ROOT);
            String variant = n.contains("WITHOUT") ? "TIMESTAMP_NTZ" : n.contains("LOCAL") ? "TIMESTAMP_LTZ" : "TIMESTAMP_TZ";
            return of(variant, type.first(), type.second());
        }
        if (type.parameters().size() > 2) {
            throw SnowflakeError.unsupported("data type " + type.name() + " with " + type.parameters().size() + " parameters");
        }
        return of(type.name(), type.first(), type.second());
    }

    public static SnowflakeTypes of(String name, Integer a, Integer b) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "NUMBER", "NUMERIC", "DECIMAL", "DEC": {
                int p = a == null ? 38 : a;
                int s = b == null ? 0 : b;
                if (p < 1 || p > 38 || s < 0 || s > p) {
                    throw SnowflakeError.compilation("Invalid precision or scale for NUMBER(" + p + "," + s + ")");
                }
                return new SnowflakeTypes("NUMBER(" + p + "," + s + ")", "DECIMAL(" + p + "," + s + ")");
            }
            case "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT":
                return new SnowflakeTypes("NUMBER(38,0)", "DECIMAL(38,0)");
            case "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "REAL":
                return new SnowflakeTypes("FLOAT", "DOUBLE");
            case "VARCHAR", "STRING", "TEXT", "CHAR", "CHARACTER", "NCHAR", "NVARCHAR", "NVARCHAR2":
                int len = a == null ? (name.toUpperCase(Locale.ROOT).contains("CHAR") && !name.toUpperCase(Locale.ROOT).contains("VAR")
                        && !name.equalsIgnoreCase("CHARACTER") ? 1 : 16777216) : a;
                return new SnowflakeTypes("VARCHAR(" + len + ")", "VARCHAR");
            case "BINARY", "VARBINARY":
                return new SnowflakeTypes("BINARY(" + (a == null ? 8388608 : a) + ")", "BLOB");
            case "BOOLEAN":
                return new SnowflakeTypes("BOOLEAN", "BOOLEAN");
            case "DATE":
                return new SnowflakeTypes("DATE", "DATE");
            case "TIME":
                return new SnowflakeTypes("TIME(" + (a == null ? 9 : a) + ")", "TIME");
            case "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMPNTZ", "DATETIME":
                return new SnowflakeTypes("TIMESTAMP_NTZ(" + (a == null ? 9 : a) + ")", "TIMESTAMP");
            case "TIMESTAMP_LTZ", "TIMESTAMPLTZ":
                return new SnowflakeTypes("TIMESTAMP_LTZ(" + (a == null ? 9 : a) + ")", "TIMESTAMPTZ");
            case "TIMESTAMP_TZ", "TIMESTAMPTZ":
                return new SnowflakeTypes("TIMESTAMP_TZ(" + (a == null ? 9 : a) + ")", "TIMESTAMPTZ");
            case "VARIANT":
                return new SnowflakeTypes("VARIANT", "JSON");
            case "OBJECT":
                return new SnowflakeTypes("OBJECT", "JSON");
            case "ARRAY":
                return new SnowflakeTypes("ARRAY", "JSON");
            default:
                throw SnowflakeError.unsupported("data type " + name);
        }
    }

    public boolean isSemiStructured() {
        return duck.equals("JSON");
    }
}
