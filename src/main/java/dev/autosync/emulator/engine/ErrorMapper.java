package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors into the errors Snowflake gives for the same mistake. */
public final class ErrorMapper {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern SINGLE = Pattern.compile("'([^']*)'");
    /** An error a Java function raised with the Snowflake error it means (see JavaFunctions#error). */
    private static final Pattern RAISED = Pattern.compile("\\[sf:([0-9]{6}):([0-9A-Z]{5})\\] ([^\\n]*)");

    private ErrorMapper() {
    }

    public static SnowflakeError map(SQLException e) {
        String raw = e.getMessage() == null ? e.toString() : e.getMessage();
        String msg = clean(raw);
        Matcher raised = RAISED.matcher(raw);
        if (raised.find()) {
            return new SnowflakeError(raised.group(1), raised.group(2), raised.group(3).trim());
        }
        if (msg.startsWith("Catalog Error: Table with name") || msg.startsWith("Catalog Error: Table Function with name")
                || msg.contains("does not exist!") && msg.startsWith("Catalog Error: Table")) {
            return SnowflakeError.doesNotExist("Object", firstQuoted(msg));
        }
        if (msg.startsWith("Catalog Error: Scalar Function with name") || msg.startsWith("Catalog Error: Aggregate Function")) {
            String name = msg.replaceFirst("Catalog Error: (Scalar|Aggregate) Function with name ([^ ]+) does not exist.*", "$2");
            return new SnowflakeError("002140", "42601", "SQL compilation error:\nUnknown function " + name.toUpperCase());
        }
        if (msg.startsWith("Catalog Error") && msg.contains("already exists")) {
            return SnowflakeError.alreadyExists("Object", firstQuoted(msg));
        }
        if (msg.startsWith("Binder Error: Referenced column") || msg.startsWith("Binder Error: Values list")
                || msg.startsWith("Binder Error: Referenced table")) {
            return SnowflakeError.invalidIdentifier(firstQuoted(msg));
        }
        if (msg.startsWith("Parser Error")) {
            String near = firstQuoted(msg);
            return new SnowflakeError("001003", "42000", "SQL compilation error:\nsyntax error unexpected '" + near + "'.");
        }
        if (msg.contains("Malformed JSON") || msg.contains("malformed JSON")) {
            return new SnowflakeError("100069", "22P02", "Error parsing JSON: " + msg.replaceFirst("^[A-Za-z ]+Error: ", ""));
        }
        if (msg.startsWith("Conversion Error") || msg.startsWith("Invalid Input Error: Could not convert")) {
            String value = firstSingle(msg);
            if (value.equals("?")) {
                value = firstQuoted(msg);
            }
            String lower = msg.toLowerCase();
            boolean numeric = value.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
            if (lower.contains("out of range") || lower.contains("overflow") || lower.contains("could not cast value")
                    || (numeric && (lower.contains("decimal") || lower.contains("int")))) {
                return new SnowflakeError("100039", "22003", "Numeric value '" + value + "' is out of range");
            }
            if (lower.contains("timestamp")) {
                return new SnowflakeError("100035", "22007", "Timestamp '" + value + "' is not recognized");
            }
            if (lower.contains("to date") || lower.contains("date field") || lower.contains("invalid date")) {
                return new SnowflakeError("100040", "22007", "Date '" + value + "' is not recognized");
            }
            if (lower.contains("bool")) {
                return new SnowflakeError("100037", "22018", "Boolean value '" + value + "' is not recognized");
            }
            return SnowflakeError.numericNotRecognized(value);
        }
        if (msg.startsWith("Out of Range Error") || msg.contains("Overflow")) {
            return new SnowflakeError("100039", "22003", "Numeric value out of range: " + msg.replaceFirst("^[A-Za-z ]+Error: ", ""));
        }
        if (msg.contains("Division by zero")) {
            return new SnowflakeError("100051", "22012", "Division by zero");
        }
        if (msg.startsWith("Constraint Error: NOT NULL constraint failed")) {
            return new SnowflakeError("100072", "22000", "NULL result in a non-nullable column");
        }
        if (msg.startsWith("TransactionContext Error") || msg.contains("Conflict on")) {
            return new SnowflakeError("000625", "57014", "Statement aborted because of a conflicting concurrent change: " + msg);
        }
        if (msg.startsWith("Binder Error") || msg.startsWith("Catalog Error")) {
            return SnowflakeError.compilation(msg.replaceFirst("^[A-Za-z ]+Error: ", ""));
        }
        if (msg.startsWith("Invalid Input Error: ")) {
            return new SnowflakeError("100097", "22000", msg.substring("Invalid Input Error: ".length()));
        }
        return new SnowflakeError("000603", "XX000", "SQL execution internal error:\n" + msg);
    }

    /** Drops DuckDB's context lines (which show translated SQL) and decodes mapped names. */
    static String clean(String raw) {
        String m = raw;
        int nl = m.indexOf("\n\nLINE ");
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int cand = m.indexOf("\nDid you mean");
        if (cand >= 0) {
            m = m.substring(0, cand);
        }
        m = m.replaceAll("\"([A-Z0-9_$~]+)\\.([A-Z0-9_$~]+)\"\\.", "$1.$2.");
        return Names.decode(m.trim());
    }

    private static String firstQuoted(String msg) {
        Matcher m = QUOTED.matcher(msg);
        return m.find() ? m.group(1) : "?";
    }

    private static String firstSingle(String msg) {
        Matcher m = SINGLE.matcher(msg);
        return m.find() ? m.group(1) : "?";
    }
}
