package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ALTER TASK, parsed, with the task looked up (null when IF EXISTS found none). {@code set} holds
 * SET's properties, {@code unset} UNSET's names, {@code text} the new body (MODIFY AS) or condition
 * (MODIFY WHEN, checked by translating it and kept as written).
 */
record AlterTask(CatalogObject task, Action action, ObjectNode set, List<String> unset, String text) {

    enum Action { RESUME, SUSPEND, SET, UNSET, MODIFY_AS, MODIFY_WHEN, REMOVE_WHEN }

    static AlterTask parse(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        CatalogObject task = AlterTarget.read(st, catalog, CatalogKind.TASK, "Task");
        if (task == null) {
            return new AlterTask(null, null, null, List.of(), null);
        }
        if (c.accept("RESUME")) {
            return new AlterTask(task, Action.RESUME, null, List.of(), null);
        }
        if (c.accept("SUSPEND")) {
            return new AlterTask(task, Action.SUSPEND, null, List.of(), null);
        }
        if (c.accept("SET")) {
            return new AlterTask(task, Action.SET, Options.parse(c, Set.of()), List.of(), null);
        }
        if (c.accept("UNSET")) {
            List<String> keys = new ArrayList<>();
            do {
                keys.add(c.next().upper());
            } while (c.accept(TokenType.COMMA));
            return new AlterTask(task, Action.UNSET, null, keys, null);
        }
        if (c.acceptAll("MODIFY", "AS")) {
            return new AlterTask(task, Action.MODIFY_AS, null, List.of(), c.rest());
        }
        if (c.acceptAll("MODIFY", "WHEN")) {
            int start = c.position();
            st.translator().expression(Set.of(), false);
            return new AlterTask(task, Action.MODIFY_WHEN, null, List.of(), c.textFrom(start));
        }
        if (c.acceptAll("REMOVE", "WHEN")) {
            return new AlterTask(task, Action.REMOVE_WHEN, null, List.of(), null);
        }
        if (c.acceptAll("ADD", "AFTER") || c.acceptAll("REMOVE", "AFTER")) {
            throw SnowflakeError.unsupported("ALTER TASK ... ADD/REMOVE AFTER (recreate the task)");
        }
        throw c.unexpected();
    }
}
