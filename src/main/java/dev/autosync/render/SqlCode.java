package dev.autosync.render;

import java.util.Objects;

/**
 * A fragment of SQL built by autosync itself from validated parts (a type such as NUMBER(7,2), a
 * JSON path, a stage path). Only this package can create one.
 */
public final class SqlCode implements SqlSafe {
    private final String sql;

    SqlCode(String sql) {
        this.sql = Objects.requireNonNull(sql);
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlCode c && c.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
