package dev.autosync.render;

import dev.autosync.sql.Identifiers;

import java.util.Locale;

/** An identifier that passed the allow-list; rendered unquoted in upper case. */
public record Identifier(String name) implements SqlSafe {
    public Identifier {
        String problem = Identifiers.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("'" + name + "' " + problem);
        }
        name = name.toUpperCase(Locale.ROOT);
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
