package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.SnowflakeTypes;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and ALTER TABLE, parsed: columns in Snowflake's terms and as DuckDB column
 * definitions, a CREATE ... AS query translated. The table's schema, and for ALTER the table itself,
 * are looked up while parsing, so a missing one is reported before the rest of the statement.
 */
final class TableStatements {
    private TableStatements() {
    }

    /** Columns as the catalog keeps them and, in the same order, as DuckDB column definitions. */
    record Columns(List<ColumnDef> defs, List<String> duck) {
        Columns() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    record CreateTable(ObjectRef ref, Columns columns, ObjectNode props, String query) {
    }

    /** An ALTER TABLE change; {@code table} is null when IF EXISTS found no table. */
    sealed interface AlterTable permits AddColumns, DropColumns, RenameColumn, SetProperties, NoChange {
    }

    record AddColumns(CatalogObject table, boolean ifNotExists, Columns columns) implements AlterTable {
    }

    record DropColumns(CatalogObject table, boolean ifExists, List<String> names) implements AlterTable {
    }

    record RenameColumn(CatalogObject table, String from, String to) implements AlterTable {
    }

    record SetProperties(CatalogObject table, ObjectNode props) implements AlterTable {
    }

    /** Nothing to do: IF EXISTS and no such table, or clustering and the like, which the emulator ignores. */
    record NoChange() implements AlterTable {
    }

    static CreateTable create(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        ObjectRef ref = st.name("CREATE TABLE");
        catalog.requireSchema(ref);
        Columns columns = new Columns();
        if (c.isWord("LIKE") || c.isWord("CLONE") || c.isWord("USING")) {
            throw SnowflakeError.unsupported("CREATE TABLE ... " + c.peek().upper());
        }
        if (c.peek().is(TokenType.LEFT_PAREN)) {
            c.next();
            columnDefinitions(st, columns);
            c.expect(TokenType.RIGHT_PAREN);
        }
        ObjectNode props = Options.parse(c, Set.of("AS"));
        String query = null;
        if (c.accept("AS")) {
            query = st.translator().query(false);
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (query == null && columns.defs().isEmpty()) {
            throw SnowflakeError.compilation("A table needs at least one column.");
        }
        return new CreateTable(ref, columns, props, query);
    }

    static AlterTable alter(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        CatalogObject table = AlterTarget.read(st, catalog, CatalogKind.TABLE, "Table");
        if (table == null) {
            return new NoChange();
        }
        if (c.accept("ADD")) {
            c.accept("COLUMN");
            boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
            Columns added = new Columns();
            columnDefinitions(st, added);
            return new AddColumns(table, ifNotExists, added);
        }
        if (c.accept("DROP")) {
            c.accept("COLUMN");
            boolean ifExists = c.acceptAll("IF", "EXISTS");
            List<String> names = new ArrayList<>();
            do {
                names.add(c.next().identifierName());
            } while (c.accept(TokenType.COMMA));
            return new DropColumns(table, ifExists, names);
        }
        if (c.acceptAll("RENAME", "COLUMN")) {
            String from = c.next().identifierName();
            c.expect("TO");
            return new RenameColumn(table, from, c.next().identifierName());
        }
        if (c.accept("SET")) {
            return new SetProperties(table, Options.parse(c, Set.of()));
        }
        if (c.isWord("CLUSTER") || c.isWord("RECLUSTER") || c.isWord("SUSPEND") || c.isWord("RESUME")) {
            Options.parse(c, Set.of());
            return new NoChange();
        }
        if (c.isWord("RENAME") || c.isWord("SWAP")) {
            throw SnowflakeError.unsupported("ALTER TABLE ... " + c.peek().upper() + " TO");
        }
        if (c.isWord("ALTER") || c.isWord("MODIFY")) {
            throw SnowflakeError.unsupported("ALTER TABLE ... " + c.peek().upper() + " COLUMN");
        }
        throw c.unexpected();
    }

    private static void columnDefinitions(StatementContext st, Columns columns) {
        Cursor c = st.cursor();
        Translator tr = st.translator();
        do {
            if (c.isWord("CONSTRAINT") || c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("FOREIGN")) {
                skipConstraint(c);
                continue;
            }
            Token nameToken = c.next();
            if (!nameToken.isIdentifier()) {
                c.reset(c.position() - 1);
                throw c.unexpected();
            }
            String name = nameToken.identifierName();
            if (columns.defs().stream().anyMatch(col -> col.name().equals(name))) {
                throw SnowflakeError.compilation("duplicate column name '" + name + "'");
            }
            ColumnSpec spec = columnSpec(c, tr);
            columns.defs().add(new ColumnDef(name, spec.type.canonical(), spec.nullable, spec.defaultText, spec.comment));
            columns.duck().add(Names.quote(name) + " " + spec.type.duck() + (spec.nullable ? "" : " NOT NULL")
                    + (spec.defaultSql == null ? "" : " DEFAULT " + spec.defaultSql));
        } while (c.accept(TokenType.COMMA));
    }

    private record ColumnSpec(SnowflakeTypes type, boolean nullable, String defaultSql, String defaultText, String comment) {
    }

    private static ColumnSpec columnSpec(Cursor c, Translator tr) {
        SnowflakeTypes type = SnowflakeTypes.parse(c);
        boolean nullable = true;
        String defaultSql = null;
        String defaultText = null;
        String comment = null;
        while (!c.peek().is(TokenType.COMMA) && !c.peek().is(TokenType.RIGHT_PAREN) && !c.atEnd()) {
            if (c.acceptAll("NOT", "NULL")) {
                nullable = false;
            } else if (c.accept("NULL")) {
                nullable = true;
            } else if (c.accept("DEFAULT")) {
                int start = c.position();
                defaultSql = tr.expression(Set.of("NOT", "NULL", "COMMENT", "PRIMARY", "UNIQUE", "COLLATE", "CONSTRAINT",
                        "REFERENCES", "WITH"), true);
                defaultText = c.textFrom(start);
            } else if (c.accept("COMMENT")) {
                comment = c.expect(TokenType.STRING).value();
            } else if (c.accept("COLLATE")) {
                c.expect(TokenType.STRING);
            } else if (c.acceptAll("PRIMARY", "KEY") || c.accept("UNIQUE")) {
                // declared, not enforced (as in Snowflake)
            } else if (c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
                throw SnowflakeError.unsupported("AUTOINCREMENT / IDENTITY columns");
            } else if (c.accept("CONSTRAINT")) {
                c.next();
            } else if (c.accept("REFERENCES")) {
                tr.nameParts();
                if (c.peek().is(TokenType.LEFT_PAREN)) {
                    c.next();
                    tr.identifierList();
                    c.expect(TokenType.RIGHT_PAREN);
                }
            } else if (c.isWord("WITH") || c.isWord("MASKING") || c.isWord("TAG")) {
                throw SnowflakeError.unsupported("column policies and tags");
            } else {
                throw c.unexpected();
            }
        }
        return new ColumnSpec(type, nullable, defaultSql, defaultText, comment);
    }

    private static void skipConstraint(Cursor c) {
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (depth == 0 && (t.is(TokenType.COMMA) || t.is(TokenType.RIGHT_PAREN))) {
                return;
            }
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            }
            c.next();
        }
    }
}
