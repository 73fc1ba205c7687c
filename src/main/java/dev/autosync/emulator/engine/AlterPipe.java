package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ALTER PIPE, parsed, with the pipe looked up (null when IF EXISTS found none): REFRESH with its
 * options, SET with the properties, or UNSET with the property names.
 */
record AlterPipe(CatalogObject pipe, Action action, ObjectNode options, List<String> unset) {

    enum Action { REFRESH, SET, UNSET }

    static AlterPipe parse(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        CatalogObject pipe = AlterTarget.read(st, catalog, CatalogKind.PIPE, "Pipe");
        if (pipe == null) {
            return new AlterPipe(null, null, null, List.of());
        }
        if (c.accept("REFRESH")) {
            return new AlterPipe(pipe, Action.REFRESH, Options.parse(c, Set.of()), List.of());
        }
        if (c.accept("SET")) {
            return new AlterPipe(pipe, Action.SET, Options.parse(c, Set.of()), List.of());
        }
        if (c.accept("UNSET")) {
            List<String> keys = new ArrayList<>();
            do {
                keys.add(c.next().upper());
            } while (c.accept(TokenType.COMMA));
            return new AlterPipe(pipe, Action.UNSET, null, keys);
        }
        throw SnowflakeError.unsupported("ALTER PIPE ... " + c.peek().upper());
    }
}
