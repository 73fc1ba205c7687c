package dev.autosync.emulator.engine;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which table a query's result columns come from, for the result metadata's database / schema / table
 * (JDBC's ResultSetMetaData getCatalogName / getSchemaName / getTableName). DuckDB gives no column
 * lineage, so this reads the statement itself, for the plain shape a client's metadata code meets:
 * {@code SELECT [DISTINCT] *, col, t.col [AS x] ... FROM one table or view [alias] [WHERE ... ORDER BY ...]}.
 * A plain column reference gets its table; computed columns, joins, subqueries and anything else
 * keep the fields empty, as Snowflake leaves them for computed columns (UNVERIFIED beyond the driver's
 * tests: a column of a single table carries its database, schema and table).
 */
final class ColumnOrigins {
    /** Words that end the FROM item (no alias); a JOIN or a second relation is not this shape. */
    private static final Set<String> AFTER_FROM = Set.of("WHERE", "ORDER", "LIMIT", "GROUP", "HAVING", "QUALIFY", "OFFSET", "FETCH");
    private static final Set<String> NOT_ALIAS = Set.of("WHERE", "ORDER", "LIMIT", "GROUP", "HAVING", "QUALIFY", "OFFSET", "FETCH",
            "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "UNION", "EXCEPT", "MINUS", "INTERSECT", "SAMPLE",
            "TABLESAMPLE", "AT", "BEFORE", "CHANGES", "MATCH_RECOGNIZE", "PIVOT", "UNPIVOT", "LATERAL", "ASOF");

    private ColumnOrigins() {
    }

    /** One select item: {@code *} / {@code q.*} (star), a plain column reference (column), or anything else. */
    private record Item(boolean star, String qualifier, String column) {
    }

    /** {@code r} with each column's origin filled in where the statement shows it; {@code r} itself otherwise. */
    static Result apply(StatementContext st, Catalog catalog, Result r) {
        try {
            List<ObjectRef> origins = origins(st, catalog, r.columns().size());
            if (origins == null) {
                return r;
            }
            List<ResultColumn> cols = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                ResultColumn c = r.columns().get(i);
                cols.add(new ResultColumn(c.name(), c.type(), origins.get(i)));
            }
            // the same rows: a large result's rest stays in DuckDB (r.rows() would read it all into Java values)
            return r.withColumns(cols);
        } catch (RuntimeException e) {
            return r; // a shape this reader does not follow: the fields stay empty
        }
    }

    private static List<ObjectRef> origins(StatementContext st, Catalog catalog, int columnCount) {
        Cursor c = new Cursor(st.text());
        if (!c.accept("SELECT")) {
            return null;
        }
        if (!c.accept("DISTINCT")) {
            c.accept("ALL");
        }
        List<Item> items = new ArrayList<>();
        do {
            items.add(item(c));
        } while (c.accept(TokenType.COMMA));
        if (!c.accept("FROM")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        do {
            Token t = c.next();
            if (!t.isIdentifier()) {
                return null;
            }
            parts.add(t.identifierName());
        } while (c.accept(TokenType.DOT));
        if (parts.size() > 3) {
            return null;
        }
        String alias = null;
        if (c.accept("AS")) {
            alias = c.next().identifierName();
        } else if (c.peek().isIdentifier() && !NOT_ALIAS.contains(c.peek().upper())) {
            alias = c.next().identifierName();
        }
        if (!c.atEnd() && !c.peek().is(TokenType.SEMICOLON) && !AFTER_FROM.contains(c.peek().upper())) {
            return null;
        }
        ObjectRef ref = st.resolve(parts, "SELECT");
        Optional<CatalogObject> relation = catalog.findRelation(ref);
        if (relation.isEmpty()) {
            return null;
        }
        CatalogObject table = relation.get();
        String name = table.name();
        String qualifierName = alias != null ? alias : name;
        List<ObjectRef> out = new ArrayList<>();
        for (Item item : items) {
            if (item.qualifier() != null && !item.qualifier().equals(qualifierName)) {
                return null;
            }
            if (item.star()) {
                table.columns().forEach(col -> out.add(table.ref()));
            } else if (item.column() != null && table.columns().stream().anyMatch(col -> col.name().equals(item.column()))) {
                out.add(table.ref());
            } else {
                out.add(null);
            }
        }
        return out.size() == columnCount ? out : null;
    }

    /** Reads one select item up to the next top-level comma or FROM. */
    private static Item item(Cursor c) {
        int start = c.position();
        if (c.peek().isOperator("*")) {
            c.next();
            if (atItemEnd(c)) {
                return new Item(true, null, null);
            }
        } else if (c.peek().isIdentifier()) {
            String first = c.next().identifierName();
            String qualifier = null;
            String column = first;
            if (c.accept(TokenType.DOT)) {
                if (c.peek().isOperator("*")) {
                    c.next();
                    if (atItemEnd(c)) {
                        return new Item(true, first, null);
                    }
                } else if (c.peek().isIdentifier()) {
                    qualifier = first;
                    column = c.next().identifierName();
                }
            }
            if (c.accept("AS")) {
                c.next();
            } else if (c.peek().isIdentifier() && !c.peek().isWord("FROM")) {
                c.next();
            }
            if (atItemEnd(c)) {
                return new Item(false, qualifier, column);
            }
        }
        // an expression: skip it
        c.reset(start);
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (depth == 0 && (t.is(TokenType.COMMA) || t.isWord("FROM"))) {
                break;
            }
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            }
            c.next();
        }
        return new Item(false, null, null);
    }

    private static boolean atItemEnd(Cursor c) {
        return c.peek().is(TokenType.COMMA) || c.peek().isWord("FROM");
    }
}
