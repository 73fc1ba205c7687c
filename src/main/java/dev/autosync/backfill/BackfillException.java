package dev.autosync.backfill;

/** A backfill or replay that cannot go on: what is wrong and how to fix it. */
public class BackfillException extends Exception {
    public BackfillException(String message) {
        super(message);
    }

    public BackfillException(String message, Throwable cause) {
        super(message, cause);
    }
}
