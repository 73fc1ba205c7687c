package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.Set;

/**
 * {@code CREATE TASK <name> [options] [AFTER <task>, ...] [WHEN <condition>] AS <body>}, parsed;
 * predecessors are looked up (they must exist, in the same schema) and kept in PREDECESSORS, the
 * condition is checked by translating it and kept as written.
 */
record CreateTask(ObjectRef ref, ObjectNode props, String body) {
    private static final Set<String> OPTIONS_END = Set.of("AFTER", "WHEN", "AS");

    static CreateTask parse(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        ObjectRef ref = st.name("CREATE TASK");
        catalog.requireSchema(ref);
        ObjectNode props = Options.parse(c, OPTIONS_END);
        ArrayNode after = props.putArray("PREDECESSORS");
        if (c.accept("AFTER")) {
            do {
                ObjectRef p = st.name("CREATE TASK");
                CatalogObject pred = catalog.find(CatalogKind.TASK, p)
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Task", p.display()));
                if (!p.db().equals(ref.db()) || !p.schema().equals(ref.schema())) {
                    throw SnowflakeError.compilation("A task and its predecessors must be in the same schema.");
                }
                after.add(pred.ref().display());
            } while (c.accept(TokenType.COMMA));
        }
        if (c.accept("WHEN")) {
            int start = c.position();
            st.translator().expression(Set.of("AS"), false);
            props.put("CONDITION", c.textFrom(start));
        }
        c.expect("AS");
        String body = c.rest();
        if (body.isEmpty()) {
            throw c.unexpected();
        }
        return new CreateTask(ref, props, body);
    }
}
