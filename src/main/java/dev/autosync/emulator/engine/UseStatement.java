package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Cursor;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** USE WAREHOUSE / ROLE / SECONDARY ROLES / DATABASE / SCHEMA, or USE with a bare name (a database, or db.schema), parsed. */
record UseStatement(String kind, List<String> parts) {

    static UseStatement parse(StatementContext st) {
        Cursor c = st.cursor();
        c.expect("USE");
        String what = c.peek().upper();
        switch (what) {
            case "WAREHOUSE", "ROLE", "DATABASE" -> {
                c.next();
                List<String> parts = st.translator().nameParts();
                ContainerStatements.single(parts, what.toLowerCase(Locale.ROOT));
                return new UseStatement(what, parts);
            }
            case "SECONDARY" -> {
                Options.parse(c, Set.of());
                return new UseStatement(what, List.of());
            }
            case "SCHEMA" -> {
                c.next();
                return new UseStatement(what, st.translator().nameParts());
            }
            default -> {
                List<String> parts = st.translator().nameParts();
                return new UseStatement(parts.size() == 1 ? "DATABASE" : "SCHEMA", parts);
            }
        }
    }
}
