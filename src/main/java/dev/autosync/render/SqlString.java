package dev.autosync.render;

import dev.autosync.sql.SqlLiterals;

/** Any text, rendered as an escaped Snowflake string literal (quotes included). */
public record SqlString(String value) implements SqlSafe {
    public SqlString {
        if (value == null) {
            throw new IllegalArgumentException("a string literal needs a value");
        }
    }

    @Override
    public String sql() {
        return SqlLiterals.quote(value);
    }

    @Override
    public String toString() {
        return sql();
    }
}
