package dev.autosync.render;

/** One wrong configuration value: the parameter (its -D property) and what to do about it. */
public record SettingProblem(String property, String message) {
    @Override
    public String toString() {
        return "-D" + property + ": " + message;
    }
}
