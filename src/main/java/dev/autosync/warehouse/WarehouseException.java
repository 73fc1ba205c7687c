package dev.autosync.warehouse;

import java.sql.SQLException;

/** A statement or login failed on the warehouse; the message names the statement and carries no secret. */
public final class WarehouseException extends Exception {
    private final int errorCode;

    public WarehouseException(String message, SQLException cause) {
        this(message, cause == null ? 0 : cause.getErrorCode(), cause);
    }

    public WarehouseException(String message, int errorCode, SQLException cause) {
        super(message);
        this.errorCode = errorCode;
        // the driver's exception is kept out of the chain: its message could echo a connection property
        if (cause != null) {
            setStackTrace(cause.getStackTrace());
        }
    }

    private WarehouseException(WarehouseException cause, String message) {
        super(message, cause);
        this.errorCode = cause.errorCode;
    }

    /** The same failure told with more context: the message replaced, the error code kept, this one chained as the cause. */
    public WarehouseException retold(String message) {
        return new WarehouseException(this, message);
    }

    public int errorCode() {
        return errorCode;
    }
}
