package dev.autosync.render;

/**
 * A value that may be written into SQL as is: a validated identifier, an escaped string literal or
 * a fragment built by autosync from such values. The template engine renders nothing else, so a
 * configuration value can never reach a template as raw text.
 */
public sealed interface SqlSafe permits Identifier, QualifiedName, SqlString, SqlCode {
    String sql();
}
