package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CREATE VIEW, parsed: the optional column list, the body as written (SHOW VIEWS and GET_DDL give
 * it back) and translated. The body's names resolve in the view's schema, whatever the session's.
 */
record CreateView(ObjectRef ref, String columnList, ObjectNode props, String query, String body) {

    static CreateView parse(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        ObjectRef ref = st.name("CREATE VIEW");
        catalog.requireSchema(ref);
        String columnList = "";
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            List<String> cols = new ArrayList<>();
            do {
                cols.add(Names.quote(c.next().identifierName()));
                if (c.accept("COMMENT")) {
                    c.expect(TokenType.STRING);
                }
            } while (c.accept(TokenType.COMMA));
            c.expect(TokenType.RIGHT_PAREN);
            columnList = " (" + String.join(", ", cols) + ")";
        }
        ObjectNode props = Options.parse(c, Set.of("AS"));
        c.expect("AS");
        int bodyStart = c.position();
        String query = st.viewTranslator(ref).storedQuery(true);
        String body = c.textFrom(bodyStart);
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        // a view reads its streams when it is queried, not now
        st.streamsRead().clear();
        return new CreateView(ref, columnList, props, query, body);
    }
}
