package dev.autosync.sql;

/** Text that cannot be tokenized (an unterminated string, identifier or comment). */
public class SqlSyntaxException extends RuntimeException {
    private final int line;
    private final int column;

    public SqlSyntaxException(String message, int line, int column) {
        super(message + " at line " + line + ", position " + column);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
