package dev.autosync.maven;

/** A failure caused by the user's project whose message already says what to do. */
public class UserFacingException extends Exception {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
