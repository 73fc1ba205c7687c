package dev.autosync.render;

/** There is no usable manifest.json: render has not run, or another plugin version wrote it. The message says which and the fix. */
public final class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }
}
