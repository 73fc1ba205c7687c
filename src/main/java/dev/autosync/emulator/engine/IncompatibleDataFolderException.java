package dev.autosync.emulator.engine;

/**
 * A data folder written with another stored layout ({@link DataFolderFormat}); the message says which folder, which
 * version it has and this build expects, and how to fix it. An IllegalStateException, as a folder in use is, so a
 * caller that reports that one reports this one too.
 */
public final class IncompatibleDataFolderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IncompatibleDataFolderException(String message) {
        super(message);
    }
}
