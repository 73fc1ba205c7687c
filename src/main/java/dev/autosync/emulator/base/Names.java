package dev.autosync.emulator.base;

/**
 * Maps Snowflake names onto DuckDB. DuckDB resolves identifiers case-insensitively even when
 * quoted, while Snowflake keeps {@code "lower_t"} and {@code LOWER_T} apart; so every character
 * outside {@code [A-Z0-9_$]} is written as {@code ~hhhh}. Upper-case names stay readable, and no two
 * Snowflake names share a DuckDB name.
 */
public final class Names {
    private Names() {
    }

    public static String encode(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$') {
                sb.append(c);
            } else {
                sb.append('~').append(String.format("%04x", (int) c));
            }
        }
        return sb.toString();
    }

    public static String decode(String duckName) {
        if (duckName.indexOf('~') < 0) {
            return duckName;
        }
        StringBuilder sb = new StringBuilder(duckName.length());
        for (int i = 0; i < duckName.length(); i++) {
            char c = duckName.charAt(i);
            if (c == '~' && i + 5 <= duckName.length() && isHex(duckName, i + 1, 4)) {
                sb.append((char) Integer.parseInt(duckName.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A quoted DuckDB identifier for a Snowflake name. */
    public static String quote(String name) {
        return '"' + encode(name).replace("\"", "\"\"") + '"';
    }

    /** The DuckDB schema holding a Snowflake database's schema. */
    public static String schema(String db, String schema) {
        return '"' + encode(db) + "." + encode(schema) + '"';
    }

    /** The DuckDB name of an object in a Snowflake schema. */
    public static String qualified(String db, String schema, String name) {
        return schema(db, schema) + "." + quote(name);
    }

    /** A Snowflake name for display: plain when it needs no quotes, else double-quoted. */
    public static String display(String name) {
        return dev.autosync.sql.Identifiers.render(name);
    }

    /** A file-system-safe folder name for a Snowflake name. */
    public static String folder(String name) {
        // as encode(), but escaping with '-': snowflake-jdbc replaces every '~' in a local stage's path with the
        // home directory, so a folder name must not contain one
        return encode(name).replace('~', '-');
    }
}
