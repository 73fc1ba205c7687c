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

    /**
     * Columns as the catalog keeps them and, in the same order, as DuckDB column definitions; and the
     * PRIMARY KEY / UNIQUE / FOREIGN KEY constraints declared with them.
     */
    record Columns(List<ColumnDef> defs, List<String> duck, List<TableConstraint> constraints) {
        Columns() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /**
         * Checks the constraints against the columns (and the tables they reference) and makes a primary
         * key's columns NOT NULL, as Snowflake does; returns the constraints to keep.
         */
        List<TableConstraint> resolveConstraints(ObjectRef table, List<ColumnDef> existing, List<TableConstraint> kept,
                                                 Catalog catalog) {
            List<ColumnDef> all = new ArrayList<>(existing);
            all.addAll(defs);
            List<TableConstraint> declared = new ArrayList<>(kept);
            declared.addAll(constraints);
            List<TableConstraint> resolved = ConstraintClauses.resolve(table, all, declared, catalog);
            TableConstraint pk = TableConstraint.primaryKey(resolved);
            for (int i = 0; pk != null && i < defs.size(); i++) {
                ColumnDef d = defs.get(i);
                if (pk.columns().contains(d.name()) && d.nullable()) {
                    defs.set(i, new ColumnDef(d.name(), d.sfType(), false, d.defaultExpr(), d.comment()));
                    duck.set(i, duck.get(i) + " NOT NULL");
                }
            }
            return resolved;
        }
    }

    /** {@code valuesOffsets}: the query is an INSERT source of VALUES rows ending with TIMESTAMP_TZ offsets ({@link TzInsert}). */
    record CreateTable(ObjectRef ref, Columns columns, ObjectNode props, String query, boolean valuesOffsets) {
    }

    /** An ALTER TABLE change; {@code table} is null when IF EXISTS found no table. */
    sealed interface AlterTable permits AddColumns, DropColumns, RenameColumn, SetProperties, AddConstraint, DropConstraint,
            NoChange {
    }

    /** ALTER TABLE ... ADD an out-of-line constraint ("CREATE | ALTER TABLE ... CONSTRAINT"). */
    record AddConstraint(CatalogObject table, List<TableConstraint> constraints) implements AlterTable {
    }

    /** ALTER TABLE ... DROP CONSTRAINT name | DROP PRIMARY KEY | DROP {UNIQUE | FOREIGN KEY} (cols). */
    record DropConstraint(CatalogObject table, String name, TableConstraint.Type type, List<String> columns)
            implements AlterTable {
    }

    /** {@code constraints}: the table's constraints with those the added columns declare. */
    record AddColumns(CatalogObject table, boolean ifNotExists, Columns columns, List<TableConstraint> constraints)
            implements AlterTable {
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
        boolean[] valuesOffsets = new boolean[1];
        if (c.accept("AS")) {
            if (columns.defs().isEmpty()) {
                query = st.translator().storedQuery(false);
            } else {
                List<ColumnDef> defs = columns.defs();
                query = st.translator().insertSource(defs.stream().map(ColumnDef::sfType).toList(), TzInsert.positions(defs),
                        valuesOffsets);
            }
        }
        if (!c.atEnd()) {
            throw c.unexpected();
        }
        if (query == null && columns.defs().isEmpty()) {
            throw SnowflakeError.compilation("A table needs at least one column.");
        }
        TableConstraint.store(props, columns.resolveConstraints(ref, List.of(), List.of(), catalog));
        return new CreateTable(ref, columns, props, query, valuesOffsets[0]);
    }

    static AlterTable alter(StatementContext st, Catalog catalog) {
        Cursor c = st.cursor();
        CatalogObject table = AlterTarget.read(st, catalog, CatalogKind.TABLE, "Table");
        if (table == null) {
            return new NoChange();
        }
        if (c.accept("ADD")) {
            if (ConstraintClauses.atOutOfLine(c)) {
                TableConstraint k = ConstraintClauses.outOfLine(st);
                List<TableConstraint> all = new ArrayList<>(TableConstraint.of(table));
                if (k != null) {
                    all.add(k);
                }
                return new AddConstraint(table, ConstraintClauses.resolve(table.ref(), table.columns(), all, catalog));
            }
            c.accept("COLUMN");
            boolean ifNotExists = c.acceptAll("IF", "NOT", "EXISTS");
            Columns added = new Columns();
            columnDefinitions(st, added);
            List<TableConstraint> constraints = added.resolveConstraints(table.ref(), table.columns(), TableConstraint.of(table),
                    catalog);
            return new AddColumns(table, ifNotExists, added, constraints);
        }
        if (c.accept("DROP")) {
            if (c.accept("CONSTRAINT")) {
                return new DropConstraint(table, c.next().identifierName(), null, List.of());
            }
            if (c.acceptAll("PRIMARY", "KEY")) {
                return new DropConstraint(table, null, TableConstraint.Type.PRIMARY_KEY, List.of());
            }
            if (c.accept("UNIQUE") || c.acceptAll("FOREIGN", "KEY")) {
                TableConstraint.Type type = c.token(c.position() - 1).upper().equals("UNIQUE") ? TableConstraint.Type.UNIQUE
                        : TableConstraint.Type.FOREIGN_KEY;
                c.expect(TokenType.LEFT_PAREN);
                List<String> cols = new ArrayList<>();
                do {
                    cols.add(c.next().identifierName());
                } while (c.accept(TokenType.COMMA));
                c.expect(TokenType.RIGHT_PAREN);
                return new DropConstraint(table, null, type, cols);
            }
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
            if (ConstraintClauses.atOutOfLine(c)) {
                TableConstraint k = ConstraintClauses.outOfLine(st);
                if (k != null) {
                    columns.constraints().add(k);
                }
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
            ColumnSpec spec = columnSpec(st, name, columns.constraints());
            // collation page: DESC shows a column's collation after its type; DuckDB compares it by the nearest collation
            String collated = spec.collation == null || spec.collation.isEmpty() ? "" : " COLLATE '" + spec.collation + "'";
            String duckCollation = spec.collation == null ? null : Translator.columnCollation(spec.collation);
            columns.defs().add(new ColumnDef(name, spec.type.canonical() + collated, spec.nullable, spec.defaultText,
                    spec.comment));
            columns.duck().add(Names.quote(name) + " " + spec.type.duck() + (duckCollation == null ? "" : " COLLATE "
                    + duckCollation) + (spec.nullable ? "" : " NOT NULL")
                    + (spec.defaultSql == null ? "" : " DEFAULT " + spec.defaultSql));
        } while (c.accept(TokenType.COMMA));
    }

    private record ColumnSpec(SnowflakeTypes type, boolean nullable, String defaultSql, String defaultText, String comment,
            String collation) {
    }

    private static ColumnSpec columnSpec(StatementContext st, String column, List<TableConstraint> constraints) {
        Cursor c = st.cursor();
        Translator tr = st.translator();
        SnowflakeTypes type = SnowflakeTypes.parse(c, st.session().parameter("TIMESTAMP_TYPE_MAPPING"));
        boolean nullable = true;
        String defaultSql = null;
        String defaultText = null;
        String comment = null;
        String collation = null;
        while (!c.peek().is(TokenType.COMMA) && !c.peek().is(TokenType.RIGHT_PAREN) && !c.atEnd()) {
            if (c.acceptAll("NOT", "NULL")) {
                nullable = false;
            } else if (c.accept("NULL")) {
                nullable = true;
            } else if (c.accept("DEFAULT")) {
                int start = c.position();
                defaultSql = tr.expression(Set.of("NOT", "NULL", "COMMENT", "PRIMARY", "UNIQUE", "COLLATE", "CONSTRAINT",
                        "REFERENCES", "FOREIGN", "CHECK", "WITH"), true);
                defaultText = c.textFrom(start);
            } else if (c.accept("COMMENT")) {
                comment = c.expect(TokenType.STRING).value();
            } else if (c.accept("COLLATE")) {
                collation = c.expect(TokenType.STRING).value();
            } else if (ConstraintClauses.atInline(c)) {
                // recorded, not enforced (as in Snowflake)
                TableConstraint k = ConstraintClauses.inline(st, column);
                if (k != null) {
                    constraints.add(k);
                }
            } else if (c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
                throw SnowflakeError.unsupported("AUTOINCREMENT / IDENTITY columns");
            } else if (c.isWord("WITH") || c.isWord("MASKING") || c.isWord("TAG")) {
                throw SnowflakeError.unsupported("column policies and tags");
            } else {
                throw c.unexpected();
            }
        }
        return new ColumnSpec(type, nullable, defaultSql, defaultText, comment, collation);
    }
}
