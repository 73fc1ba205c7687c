package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.TokenType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** INSERT [OVERWRITE] ALL | FIRST: several target tables from one source, in one transaction. */
final class DmlMultiTableInsert extends Dml {
    DmlMultiTableInsert(Dml d) {
        super(d);
    }

    /** One INTO clause of a multi-table INSERT: its target, columns and values (the source's columns by default). */
    record Into(Target target, String columns, String values, String condition) {
    }

    /**
     * INSERT [OVERWRITE] ALL | FIRST (insert-multi-table page): each INTO clause inserts the source rows its WHEN
     * condition selects (ALL: every clause whose condition holds; FIRST: only the first WHEN that holds; ELSE: rows
     * no WHEN selected), all in one transaction. UNVERIFIED: the result has one "number of rows inserted into T"
     * column per target table, counts summed over its clauses.
     */
    Result multiTableInsert(boolean overwrite) throws SQLException {
        boolean first = c.accept("FIRST");
        if (!first) {
            c.expect("ALL");
        }
        Translator tr = st.translator();
        List<Into> intos = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        boolean conditional = c.isWord("WHEN");
        while (c.isWord("WHEN") || c.isWord("ELSE") || c.isWord("INTO")) {
            String condition = null;
            if (c.accept("WHEN")) {
                String when = "COALESCE((" + tr.expression(Set.of("THEN"), false) + "), FALSE)";
                c.expect("THEN");
                condition = first && !earlier.isEmpty() ? "(" + when + " AND NOT (" + String.join(" OR ", earlier) + "))" : when;
                earlier.add(when);
            } else if (c.accept("ELSE")) {
                condition = earlier.isEmpty() ? "TRUE" : "NOT (" + String.join(" OR ", earlier) + ")";
            } else if (conditional) {
                throw SnowflakeError.compilation("syntax error: INTO outside a WHEN or ELSE clause of a conditional multi-table INSERT");
            }
            do {
                c.expect("INTO");
                Target t = target("INSERT");
                String columns = t.tracked() ? " (" + visibleColumns(t.table()) + ")" : "";
                if (c.peek().is(TokenType.LEFT_PAREN)) {
                    c.next();
                    List<String> named = tr.identifierList();
                    c.expect(TokenType.RIGHT_PAREN);
                    named.forEach(n -> requireColumn(t.table(), Names.decode(n.substring(1, n.length() - 1))));
                    columns = " (" + String.join(", ", named) + ")";
                }
                String values = "*";
                if (c.accept("VALUES")) {
                    c.expect(TokenType.LEFT_PAREN);
                    values = tr.expression(Set.of(), false);
                    c.expect(TokenType.RIGHT_PAREN);
                }
                intos.add(new Into(t, columns, values, condition == null ? "TRUE" : condition));
            } while (c.isWord("INTO"));
        }
        if (intos.isEmpty()) {
            throw SnowflakeError.compilation("syntax error: a multi-table INSERT needs at least one INTO clause");
        }
        String source = tr.query(false);
        expectEnd();
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        transactions.atomically(session, () -> {
            java.util.Set<String> cleared = new java.util.HashSet<>();
            for (Into into : intos) {
                Target t = into.target();
                List<String> before = overwrite && cleared.add(t.duckName()) ? List.of("DELETE FROM " + t.duckName()) : List.of();
                Streams.Change change = t.tracked() ? streams.begin(session, t.table(), !before.isEmpty()) : null;
                for (String b : before) {
                    session.exec(b);
                }
                long n = st.update("INSERT INTO " + t.duckName() + into.columns() + " SELECT " + into.values()
                        + " FROM (" + source + ") AS \"$multi_insert_source\" WHERE " + into.condition());
                if (change != null) {
                    streams.end(session, change);
                }
                counts.merge(t.table().name(), n, Long::sum);
            }
            consumeStreams();
        });
        List<ResultColumn> cols = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        counts.forEach((table, n) -> {
            cols.add(ResultColumn.number("number of rows inserted into " + table));
            row.add(n);
        });
        List<Object[]> rows = new ArrayList<>();
        rows.add(row.toArray());
        return new Result(StatementKind.INSERT, cols, rows);
    }
}
