package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PRIMARY KEY, UNIQUE and FOREIGN KEY clauses, inline (in a column definition) and out of line,
 * with their properties, as the "CREATE | ALTER TABLE ... CONSTRAINT" page gives them, and resolves a
 * foreign key's referenced table and columns once the table's own columns are known.
 */
final class ConstraintClauses {
    private ConstraintClauses() {
    }

    /** Whether an out-of-line constraint starts at the cursor. */
    static boolean atOutOfLine(Cursor c) {
        return c.isWord("CONSTRAINT") || c.isWord("PRIMARY") || c.isWord("UNIQUE") || c.isWord("FOREIGN") || c.isWord("CHECK");
    }

    /** Whether an inline constraint starts at the cursor (CONSTRAINT name, or the clause itself). */
    static boolean atInline(Cursor c) {
        return c.isWord("CONSTRAINT") || c.isWords("PRIMARY", "KEY") || c.isWord("UNIQUE") || c.isWord("FOREIGN")
                || c.isWord("REFERENCES") || c.isWord("CHECK");
    }

    /**
     * {@code [CONSTRAINT name] {UNIQUE | PRIMARY KEY} (cols) | FOREIGN KEY (cols) REFERENCES t [(cols)]},
     * then properties; null when the properties say the constraint is not created (ENABLE, VALIDATE).
     */
    static TableConstraint outOfLine(StatementContext st) {
        Cursor c = st.cursor();
        String name = constraintName(c);
        TableConstraint.Type type = type(c);
        if (type == TableConstraint.Type.FOREIGN_KEY) {
            c.expect("KEY");
        }
        List<String> columns = identifiers(c);
        return finish(st, type, name, columns, true);
    }

    /** The same for one column: {@code [CONSTRAINT name] {UNIQUE | PRIMARY KEY | [FOREIGN KEY] REFERENCES t [(col)]}}. */
    static TableConstraint inline(StatementContext st, String column) {
        Cursor c = st.cursor();
        String name = constraintName(c);
        TableConstraint.Type type;
        if (c.isWord("REFERENCES")) {
            type = TableConstraint.Type.FOREIGN_KEY;
        } else {
            type = type(c);
            if (type == TableConstraint.Type.FOREIGN_KEY) {
                c.expect("KEY");
            }
        }
        return finish(st, type, name, List.of(column), false);
    }

    private static String constraintName(Cursor c) {
        return c.accept("CONSTRAINT") ? c.next().identifierName() : null;
    }

    private static TableConstraint.Type type(Cursor c) {
        if (c.acceptAll("PRIMARY", "KEY")) {
            return TableConstraint.Type.PRIMARY_KEY;
        }
        if (c.accept("UNIQUE")) {
            return TableConstraint.Type.UNIQUE;
        }
        if (c.accept("FOREIGN")) {
            return TableConstraint.Type.FOREIGN_KEY;
        }
        if (c.isWord("CHECK")) {
            throw SnowflakeError.unsupported("CHECK constraints");
        }
        throw c.unexpected();
    }

    /** The references and properties; a COMMENT belongs to an out-of-line constraint, inline it is the column's. */
    private static TableConstraint finish(StatementContext st, TableConstraint.Type type, String name, List<String> columns,
                                          boolean outOfLine) {
        Cursor c = st.cursor();
        ObjectRef refTable = null;
        List<String> refColumns = List.of();
        if (type == TableConstraint.Type.FOREIGN_KEY) {
            c.expect("REFERENCES");
            refTable = st.name("CREATE TABLE");
            if (c.peek().is(TokenType.LEFT_PAREN)) {
                refColumns = identifiers(c);
            }
        }
        String update = "NO ACTION";
        String delete = "NO ACTION";
        String comment = null;
        boolean created = true;
        while (true) {
            if (c.accept("MATCH")) {
                c.next();
            } else if (c.accept("ON")) {
                boolean onUpdate = c.accept("UPDATE");
                if (!onUpdate) {
                    c.expect("DELETE");
                }
                String action = action(c);
                if (onUpdate) {
                    update = action;
                } else {
                    delete = action;
                }
            } else if (c.acceptAll("NOT", "ENFORCED") || c.accept("ENFORCED") || c.acceptAll("NOT", "DEFERRABLE")
                    || c.accept("DEFERRABLE") || c.accept("DISABLE") || c.accept("NOVALIDATE") || c.accept("RELY")
                    || c.accept("NORELY")) {
                // recorded nowhere: Snowflake keeps them for compatibility and enforces none
            } else if (c.accept("INITIALLY")) {
                c.next();
            } else if (c.accept("ENABLE") || c.accept("VALIDATE")) {
                // "if you specify ENABLE or VALIDATE ... the constraint isn't created" (the default UNSUPPORTED_DDL_ACTION)
                created = false;
            } else if (outOfLine && c.accept("COMMENT")) {
                comment = c.expect(TokenType.STRING).value();
            } else {
                break;
            }
        }
        if (!created) {
            return null;
        }
        return new TableConstraint(type, name == null ? TableConstraint.generatedName() : name, columns, refTable, refColumns,
                update, delete, comment);
    }

    private static String action(Cursor c) {
        if (c.accept("CASCADE")) {
            return "CASCADE";
        }
        if (c.accept("RESTRICT")) {
            return "RESTRICT";
        }
        if (c.acceptAll("NO", "ACTION")) {
            return "NO ACTION";
        }
        c.expect("SET");
        return c.accept("NULL") ? "SET NULL" : expectDefault(c);
    }

    private static String expectDefault(Cursor c) {
        c.expect("DEFAULT");
        return "SET DEFAULT";
    }

    private static List<String> identifiers(Cursor c) {
        c.expect(TokenType.LEFT_PAREN);
        List<String> out = new ArrayList<>();
        do {
            out.add(c.next().identifierName());
        } while (c.accept(TokenType.COMMA));
        c.expect(TokenType.RIGHT_PAREN);
        return out;
    }

    /**
     * Checks each constraint's columns against the table's and completes foreign keys: the referenced
     * table must exist (or be this table), and without a column list the key references its primary key
     * ("column name(s) for the referenced table do not need to be specified"). Returns the constraints
     * to keep.
     */
    static List<TableConstraint> resolve(ObjectRef table, List<ColumnDef> columns, List<TableConstraint> declared, Catalog catalog) {
        List<TableConstraint> out = new ArrayList<>();
        for (TableConstraint k : declared) {
            for (String col : k.columns()) {
                if (columns.stream().noneMatch(d -> d.name().equals(col))) {
                    throw SnowflakeError.invalidIdentifier(Names.display(col));
                }
            }
            if (k.type() == TableConstraint.Type.PRIMARY_KEY && TableConstraint.primaryKey(out) != null) {
                throw SnowflakeError.compilation("Table " + table.display() + " can have only one primary key.");
            }
            if (k.type() != TableConstraint.Type.FOREIGN_KEY) {
                out.add(k);
                continue;
            }
            List<TableConstraint> refConstraints;
            List<ColumnDef> refColumnDefs;
            if (k.refTable().equals(table)) {
                refConstraints = declared;
                refColumnDefs = columns;
            } else {
                CatalogObject ref = catalog.findRelation(k.refTable())
                        .filter(o -> o.kind() == CatalogKind.TABLE)
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Table", k.refTable().display()));
                refConstraints = TableConstraint.of(ref);
                refColumnDefs = ref.columns();
            }
            List<String> refColumns = k.refColumns();
            if (refColumns.isEmpty()) {
                TableConstraint pk = TableConstraint.primaryKey(refConstraints);
                if (pk == null) {
                    // UNVERIFIED: the message Snowflake gives for a reference to a table without a primary key
                    throw SnowflakeError.compilation("The referenced table " + k.refTable().display()
                            + " has no primary key: name the referenced columns.");
                }
                refColumns = pk.columns();
            }
            for (String col : refColumns) {
                if (refColumnDefs.stream().noneMatch(d -> d.name().equals(col))) {
                    throw SnowflakeError.invalidIdentifier(Names.display(col));
                }
            }
            if (refColumns.size() != k.columns().size()) {
                throw SnowflakeError.compilation("The foreign key has " + k.columns().size() + " column(s) but references "
                        + refColumns.size() + ".");
            }
            out.add(new TableConstraint(k.type(), k.name(), k.columns(), k.refTable(), refColumns, k.updateRule(), k.deleteRule(),
                    k.comment()));
        }
        return out;
    }
}
