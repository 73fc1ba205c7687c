package dev.autosync.warehouse;

/** A deploy stopped for a reason the user can act on (a refused change, a pipe that would not drain, an unhealthy pipeline). */
public final class DeployException extends Exception {
    public DeployException(String message) {
        super(message);
    }
}
