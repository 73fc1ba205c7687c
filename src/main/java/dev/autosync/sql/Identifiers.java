package dev.autosync.sql;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Snowflake identifier rules and the allow-list autosync applies to every name it renders. */
public final class Identifiers {
    public static final int MAX_LENGTH = 255;
    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** Snowflake's reserved and limited keywords (docs: sql-reference/reserved-keywords). */
    public static final Set<String> RESERVED = Set.of(
            "ACCOUNT", "ALL", "ALTER", "AND", "ANY", "AS", "BETWEEN", "BY", "CASE", "CAST", "CHECK",
            "COLUMN", "CONNECT", "CONNECTION", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DELETE", "DISTINCT", "DROP",
            "ELSE", "EXISTS", "FALSE", "FOLLOWING", "FOR", "FROM", "FULL", "GRANT", "GROUP", "GSCLUSTER",
            "HAVING", "ILIKE", "IN", "INCREMENT", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "ISSUE",
            "JOIN", "LATERAL", "LEFT", "LIKE", "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "NATURAL", "NOT",
            "NULL", "OF", "ON", "OR", "ORDER", "ORGANIZATION", "QUALIFY", "REGEXP", "REVOKE", "RIGHT",
            "RLIKE", "ROW", "ROWS", "SAMPLE", "SCHEMA", "SELECT", "SET", "SOME", "START", "TABLE",
            "TABLESAMPLE", "THEN", "TO", "TRIGGER", "TRUE", "TRY_CAST", "UNION", "UNIQUE", "UPDATE",
            "USING", "VALUES", "VIEW", "WHEN", "WHENEVER", "WHERE", "WINDOW", "WITH");

    private Identifiers() {
    }

    /**
     * Why {@code name} cannot be used as an unquoted identifier, or {@code null} when it can. The
     * allow-list is {@code [A-Za-z_][A-Za-z0-9_$]*}, at most 255 characters, no reserved word, and
     * no {@code $$}, which would close a dollar-quoted task body the name is rendered into.
     */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is " + name.length() + " characters long; the limit is " + MAX_LENGTH;
        }
        if (!UNQUOTED.matcher(name).matches()) {
            return "must start with a letter or _ and contain only letters, digits, _ and $";
        }
        if (name.contains("$$")) {
            return "must not contain $$ (it would end a $$-quoted block such as a task body)";
        }
        if (RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return "is a reserved word in Snowflake";
        }
        return null;
    }

    public static boolean isValid(String name) {
        return problem(name) == null;
    }

    /** Whether {@code name} can be written without quotes and still mean exactly itself. */
    public static boolean isPlainUpper(String name) {
        return UNQUOTED.matcher(name).matches() && name.equals(name.toUpperCase(Locale.ROOT))
                && !RESERVED.contains(name);
    }

    /** The SQL text that refers to an object whose resolved name is {@code name}. */
    public static String render(String name) {
        if (isPlainUpper(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
