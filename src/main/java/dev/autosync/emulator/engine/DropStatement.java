package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.util.List;

/** {@code DROP <kind> [IF EXISTS] <name> [CASCADE | RESTRICT]}, parsed; kind is null for INTEGRATION (either sort). */
record DropStatement(CatalogKind kind, boolean ifExists, List<String> parts) {

    static DropStatement parse(StatementContext st) {
        Cursor c = st.cursor();
        c.expect("DROP");
        String kindWord = KindWord.read(c);
        CatalogKind kind = switch (kindWord) {
            case "DATABASE" -> CatalogKind.DATABASE;
            case "SCHEMA" -> CatalogKind.SCHEMA;
            case "TABLE" -> CatalogKind.TABLE;
            case "VIEW" -> CatalogKind.VIEW;
            case "STAGE" -> CatalogKind.STAGE;
            case "FILE_FORMAT" -> CatalogKind.FILE_FORMAT;
            case "STORAGE_INTEGRATION" -> CatalogKind.STORAGE_INTEGRATION;
            case "NOTIFICATION_INTEGRATION" -> CatalogKind.NOTIFICATION_INTEGRATION;
            case "INTEGRATION" -> null;
            case "PIPE" -> CatalogKind.PIPE;
            case "STREAM" -> CatalogKind.STREAM;
            case "TASK" -> CatalogKind.TASK;
            case "WAREHOUSE" -> CatalogKind.WAREHOUSE;
            case "STREAMLIT" -> CatalogKind.STREAMLIT;
            case "PROCEDURE" -> CatalogKind.PROCEDURE;
            default -> throw SnowflakeError.unsupported("DROP " + kindWord);
        };
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        List<String> parts = st.translator().nameParts();
        if (kind == CatalogKind.PROCEDURE && c.accept(dev.autosync.sql.TokenType.LEFT_PAREN)) {
            // DROP PROCEDURE name(argument types): one procedure per name here, so the types only need to parse
            while (!c.accept(dev.autosync.sql.TokenType.RIGHT_PAREN)) {
                if (c.atEnd()) {
                    throw c.unexpected();
                }
                c.next();
            }
        }
        c.accept("CASCADE");
        c.accept("RESTRICT");
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        return new DropStatement(kind, ifExists, parts);
    }

    /** The last name part, as Snowflake prints it. */
    String display() {
        return Names.display(parts.get(parts.size() - 1));
    }
}
