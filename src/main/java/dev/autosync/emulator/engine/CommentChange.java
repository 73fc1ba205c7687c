package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.List;
import java.util.Set;

/**
 * A comment to set on an object (COMMENT ON, ALTER VIEW / STREAM SET COMMENT or UNSET COMMENT), parsed
 * with the object looked up. {@code target} is null for COMMENT ON COLUMN, which the emulator accepts
 * and forgets; {@code changes} is false for a SET without COMMENT.
 */
record CommentChange(CatalogObject target, boolean changes, String comment) {

    static CommentChange commentOn(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        c.expect("COMMENT");
        c.acceptAll("IF", "EXISTS");
        c.expect("ON");
        String kindWord = c.next().upper();
        if (kindWord.equals("COLUMN")) {
            List<String> parts = st.translator().nameParts();
            c.expect("IS");
            c.expect(TokenType.STRING);
            if (parts.size() < 2) {
                throw SnowflakeError.compilation("COMMENT ON COLUMN needs table.column");
            }
            return new CommentChange(null, false, null);
        }
        CatalogKind kind = switch (kindWord) {
            case "TABLE" -> CatalogKind.TABLE;
            case "VIEW" -> CatalogKind.VIEW;
            case "STAGE" -> CatalogKind.STAGE;
            case "PIPE" -> CatalogKind.PIPE;
            case "STREAM" -> CatalogKind.STREAM;
            case "TASK" -> CatalogKind.TASK;
            default -> throw SnowflakeError.unsupported("COMMENT ON " + kindWord);
        };
        CatalogObject o = catalog.require(kind, st.name("COMMENT"));
        c.expect("IS");
        return new CommentChange(o, true, c.expect(TokenType.STRING).value());
    }

    /** ALTER VIEW / STREAM: only their comment can change. */
    static CommentChange alter(StatementContext st, Catalog catalog, CatalogKind kind) {
        Cursor c = st.cursor();
        c.acceptAll("IF", "EXISTS");
        CatalogObject o = catalog.require(kind, st.name("ALTER"));
        if (c.accept("SET")) {
            ObjectNode props = Options.parse(c, Set.of());
            return props.has("COMMENT") ? new CommentChange(o, true, props.get("COMMENT").asText())
                    : new CommentChange(o, false, null);
        }
        if (c.acceptAll("UNSET", "COMMENT")) {
            return new CommentChange(o, true, null);
        }
        throw SnowflakeError.unsupported("ALTER " + kind.name() + " " + c.peek().upper());
    }
}
