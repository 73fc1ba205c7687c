package dev.autosync.emulator.base;

/**
 * An error as Snowflake reports it: a six-digit code, an SQLSTATE and a message. The wire layer sends
 * it in an error envelope, so snowflake-jdbc raises SnowflakeSQLException with the same code.
 */
public class SnowflakeError extends RuntimeException {
    private final String code;
    private final String sqlState;

    public SnowflakeError(String code, String sqlState, String message) {
        super(message);
        this.code = code;
        this.sqlState = sqlState;
    }

    public SnowflakeError(String code, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.sqlState = sqlState;
    }

    public String code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }

    public static SnowflakeError doesNotExist(String kind, String name) {
        return new SnowflakeError("002003", "42S02", "SQL compilation error:\n" + kind + " '" + name
                + "' does not exist or not authorized.");
    }

    public static SnowflakeError alreadyExists(String kind, String name) {
        return new SnowflakeError("002002", "42710", "SQL compilation error:\nObject '" + name + "' already exists.");
    }

    public static SnowflakeError syntax(int line, int position, String unexpected) {
        return new SnowflakeError("001003", "42000", "SQL compilation error:\nsyntax error line " + line + " at position "
                + position + " unexpected '" + unexpected + "'.");
    }

    /** A construct the local emulator does not implement; names it, never runs it differently. */
    public static SnowflakeError unsupported(String construct) {
        return new SnowflakeError("000002", "0A000", "Unsupported feature '" + construct
                + "' (the autosync local emulator does not implement it).");
    }

    public static SnowflakeError compilation(String message) {
        return new SnowflakeError("002000", "42601", "SQL compilation error:\n" + message);
    }

    public static SnowflakeError invalidIdentifier(String name) {
        return new SnowflakeError("000904", "42000", "SQL compilation error: error line 0 at position 0\ninvalid identifier '"
                + name + "'");
    }

    public static SnowflakeError numericNotRecognized(String value) {
        return new SnowflakeError("100038", "22018", "Numeric value '" + value + "' is not recognized");
    }

    public static SnowflakeError noCurrentDatabase(String operation) {
        return new SnowflakeError("090105", "22000", "Cannot perform " + operation
                + ". This session does not have a current database. Call 'USE DATABASE', or use a qualified name.");
    }

    public static SnowflakeError noCurrentSchema(String operation) {
        return new SnowflakeError("090106", "22000", "Cannot perform " + operation
                + ". This session does not have a current schema. Call 'USE SCHEMA', or use a qualified name.");
    }
}
