package dev.autosync.warehouse;

/** A connection setting's value and where it came from ("parameter autosync.user", "settings.xml server prod", ...). */
public record Sourced<T>(T value, String source) {
}
