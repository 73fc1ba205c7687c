package dev.autosync.e2e;

/** The end-to-end check cannot run as configured (bad files, missing samples); distinct from a check that fails. */
public final class E2eException extends Exception {
    public E2eException(String message) {
        super(message);
    }
}
