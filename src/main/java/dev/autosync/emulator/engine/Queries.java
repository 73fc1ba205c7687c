package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import dev.autosync.emulator.sql.Cursor;
import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SELECT and DML (INSERT, UPDATE, DELETE, MERGE, TRUNCATE). DML on a table with change tracking
 * writes its base table and stamps change numbers for the streams on it; DML that reads a stream
 * moves the stream's offset when it commits. A MERGE in which several source rows would update the
 * same target row fails with Snowflake's error 100090 instead of picking one.
 */
final class Queries {
    private final Catalog catalog;
    private final Streams streams;
    private final History history;
    private final Transactions transactions;

    Queries(Catalog catalog, Streams streams, History history, Transactions transactions) {
        this.catalog = catalog;
        this.streams = streams;
        this.history = history;
        this.transactions = transactions;
    }

    Result select(StatementContext st) throws SQLException {
        String duck = st.translator().resultQuery();
        if (!st.cursor().atEnd()) {
            throw st.cursor().unexpected();
        }
        // A SELECT never moves a stream's offset.
        st.streamsRead().clear();
        return ColumnOrigins.apply(st, catalog, st.query(StatementKind.SELECT, duck));
    }

    Result dml(StatementContext st) throws SQLException {
        if (!st.session().autocommit()) {
            // "Transactions" (AUTOCOMMIT): with AUTOCOMMIT off, the first DML statement after a transaction ends begins one
            transactions.begin(st.session());
        }
        return new Dml(st).run();
    }

    /** One DML statement: reads it at the cursor and runs it. */
    private final class Dml {
        private final StatementContext st;
        private final Cursor c;
        private final Session session;

        Dml(StatementContext st) {
            this.st = st;
            this.c = st.cursor();
            this.session = st.session();
        }

        private void expectEnd() {
            if (!c.atEnd()) {
                throw c.unexpected();
            }
        }

        Result run() throws SQLException {
            String verb = c.next().upper();
            return switch (verb) {
                case "INSERT" -> insert();
                case "UPDATE" -> update();
                case "DELETE" -> delete();
                case "MERGE" -> merge();
                default -> truncate();
            };
        }

        /** The DML target: a table (not a view), and how DuckDB names it for writing. */
        private record Target(CatalogObject table, String duckName, boolean tracked) {
            String aliased(String alias) {
                String a = alias != null ? alias : table.name();
                return duckName + " AS " + Names.quote(a);
            }
        }

        private Target target(String operation) {
            ObjectRef ref = st.name(operation);
            CatalogObject rel = catalog.findRelation(ref)
                    .orElseThrow(() -> SnowflakeError.doesNotExist("Table", ref.display()));
            if (rel.kind() != CatalogKind.TABLE) {
                throw SnowflakeError.compilation("Cannot " + operation.toLowerCase() + " view '" + ref.display() + "'.");
            }
            return writing(rel);
        }

        private Target writing(CatalogObject table) {
            boolean tracked = streams.isTracked(table);
            return new Target(table, tracked ? streams.baseTable(table) : table.ref().duckName(), tracked);
        }

        private String optionalAlias() {
            if (c.accept("AS")) {
                return c.next().identifierName();
            }
            Token t = c.peek();
            if (t.is(TokenType.QUOTED_IDENTIFIER) || (t.is(TokenType.WORD) && !Set.of("SET", "USING", "WHERE", "ON").contains(t.upper()))) {
                return c.next().identifierName();
            }
            return null;
        }

        private Result insert() throws SQLException {
            boolean overwrite = c.accept("OVERWRITE");
            if (c.isWord("ALL") || c.isWord("FIRST")) {
                return multiTableInsert(overwrite);
            }
            c.expect("INTO");
            Target t = target("INSERT");
            String columns;
            List<String> targetTypes = new ArrayList<>();
            if (c.peek().is(TokenType.LEFT_PAREN) && !c.peek(1).isWord("SELECT") && !c.peek(1).isWord("WITH")) {
                c.next();
                List<String> named = st.translator().identifierList();
                c.expect(TokenType.RIGHT_PAREN);
                for (String n : named) {
                    String column = Names.decode(n.substring(1, n.length() - 1));
                    requireColumn(t.table(), column);
                    t.table().columns().stream().filter(col -> col.name().equals(column)).findFirst()
                            .ifPresent(col -> targetTypes.add(col.sfType()));
                }
                columns = " (" + String.join(", ", named) + ")";
            } else {
                columns = t.tracked() ? " (" + visibleColumns(t.table()) + ")" : "";
                t.table().columns().forEach(col -> targetTypes.add(col.sfType()));
            }
            String source = st.translator().insertSource(targetTypes);
            expectEnd();
            String sql = "INSERT INTO " + t.duckName() + columns + " " + source;
            long n = change(t, overwrite ? List.of("DELETE FROM " + t.duckName()) : List.of(), sql, false);
            return Result.count(StatementKind.INSERT, "number of rows inserted", n);
        }

        /** One INTO clause of a multi-table INSERT: its target, columns and values (the source's columns by default). */
        private record Into(Target target, String columns, String values, String condition) {
        }

        /**
         * INSERT [OVERWRITE] ALL | FIRST (insert-multi-table page): each INTO clause inserts the source rows its WHEN
         * condition selects (ALL: every clause whose condition holds; FIRST: only the first WHEN that holds; ELSE: rows
         * no WHEN selected), all in one transaction. UNVERIFIED: the result has one "number of rows inserted into T"
         * column per target table, counts summed over its clauses.
         */
        private Result multiTableInsert(boolean overwrite) throws SQLException {
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

        private Result update() throws SQLException {
            Target t = target("UPDATE");
            String alias = optionalAlias();
            c.expect("SET");
            Translator tr = st.translator();
            List<String> sets = new ArrayList<>();
            do {
                List<String> col = tr.nameParts();
                String column = col.get(col.size() - 1);
                requireColumn(t.table(), column);
                c.expectOperator("=");
                sets.add(Names.quote(column) + " = " + tr.expression(Set.of("FROM", "WHERE"), true));
            } while (c.accept(TokenType.COMMA));
            if (t.tracked()) {
                sets.add(Streams.VERSION_SET);
            }
            StringBuilder sql = new StringBuilder("UPDATE ").append(t.aliased(alias)).append(" SET ").append(String.join(", ", sets));
            long[] joined = new long[2];
            long n = joinedChange(t, sql, "FROM", tr, alias, joined);
            // update page: a target row joined to several source rows is updated once and counted as multi-joined
            return new Result(StatementKind.UPDATE, List.of(ResultColumn.number("number of rows updated"),
                    ResultColumn.number("number of multi-joined rows updated")), rows(joined[0] >= 0 ? joined[0] : n, joined[1]));
        }

        private Result delete() throws SQLException {
            c.expect("FROM");
            Target t = target("DELETE");
            String alias = optionalAlias();
            Translator tr = st.translator();
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(t.aliased(alias));
            long n = joinedChange(t, sql, "USING", tr, null, null);
            return Result.count(StatementKind.DELETE, "number of rows deleted", n);
        }

        /** The rest of UPDATE or DELETE: other tables to join ({@code joinWord} FROM or USING), WHERE; then runs it. */
        /**
         * Runs an UPDATE ... FROM / DELETE ... USING. With {@code joined}, the target rows the join reaches and those it
         * reaches more than once are counted first into joined[0] and joined[1] (-1 when not counted: no FROM, binds).
         */
        private long joinedChange(Target t, StringBuilder sql, String joinWord, Translator tr, String alias, long[] joined)
                throws SQLException {
            String from = null;
            String where = null;
            if (c.accept(joinWord)) {
                from = tr.fromClause();
                sql.append(' ').append(joinWord).append(' ').append(from);
            }
            if (c.accept("WHERE")) {
                where = tr.expression(Set.of(), false);
                sql.append(" WHERE ").append(where);
            }
            expectEnd();
            if (joined != null) {
                joined[0] = -1;
                if (from != null && st.binds().isEmpty()) {
                    String row = Names.quote(alias != null ? alias : t.table().name()) + ".rowid";
                    try (Statement probe = session.conn().createStatement();
                         ResultSet rs = probe.executeQuery("SELECT count(*), count(*) FILTER (WHERE \"$n\" > 1) FROM (SELECT count(*)"
                                 + " AS \"$n\" FROM " + t.aliased(alias) + ", " + from + (where == null ? "" : " WHERE " + where)
                                 + " GROUP BY " + row + ")")) {
                        rs.next();
                        joined[0] = rs.getLong(1);
                        joined[1] = rs.getLong(2);
                    }
                }
            }
            return change(t, List.of(), sql.toString(), true);
        }

        private Result truncate() throws SQLException {
            c.accept("TABLE");
            boolean ifExists = c.acceptAll("IF", "EXISTS");
            ObjectRef ref = st.name("TRUNCATE");
            CatalogObject rel = catalog.find(CatalogKind.TABLE, ref).orElse(null);
            if (rel == null) {
                if (ifExists) {
                    return Result.ddl("Statement executed successfully.");
                }
                throw SnowflakeError.doesNotExist("Table", ref.display());
            }
            Target t = writing(rel);
            change(t, List.of(), "DELETE FROM " + t.duckName(), true);
            history.truncated(session, rel);
            return Result.ddl("Statement executed successfully.");
        }

        private Result merge() throws SQLException {
            c.expect("INTO");
            Target t = target("MERGE");
            String alias = optionalAlias();
            String targetAlias = alias != null ? alias : t.table().name();
            c.expect("USING");
            Translator tr = st.translator();
            String source = tr.tableReference();
            c.expect("ON");
            String on = tr.expression(Set.of("WHEN"), false);
            StringBuilder clauses = new StringBuilder();
            List<String[]> matched = new ArrayList<>();
            boolean hasDelete = false;
            boolean hasInsert = false;
            boolean hasUpdate = false;
            while (c.accept("WHEN")) {
                boolean not = c.accept("NOT");
                c.expect("MATCHED");
                String predicate = null;
                if (c.accept("AND")) {
                    predicate = tr.expression(Set.of("THEN"), false);
                }
                c.expect("THEN");
                clauses.append(" WHEN ").append(not ? "NOT MATCHED" : "MATCHED");
                if (predicate != null) {
                    clauses.append(" AND ").append(predicate);
                }
                clauses.append(" THEN ");
                if (not) {
                    c.expect("INSERT");
                    hasInsert = true;
                    String cols;
                    if (c.peek().is(TokenType.LEFT_PAREN)) {
                        c.next();
                        List<String> named = tr.identifierList();
                        c.expect(TokenType.RIGHT_PAREN);
                        cols = "(" + String.join(", ", named) + ")";
                    } else if (c.accept("ALL")) {
                        // merge page: INSERT ALL BY NAME takes each target column from the source column of that name
                        c.expect("BY");
                        c.expect("NAME");
                        clauses.append("INSERT BY NAME");
                        continue;
                    } else {
                        cols = "(" + visibleColumns(t.table()) + ")";
                    }
                    c.expect("VALUES");
                    c.expect(TokenType.LEFT_PAREN);
                    String values = tr.expression(Set.of(), false);
                    c.expect(TokenType.RIGHT_PAREN);
                    clauses.append("INSERT ").append(cols).append(" VALUES (").append(values).append(')');
                } else if (c.accept("DELETE")) {
                    clauses.append("DELETE");
                    hasDelete = true;
                    matched.add(new String[] {predicate, "DELETE"});
                } else {
                    c.expect("UPDATE");
                    if (c.accept("ALL")) {
                        // merge page: UPDATE ALL BY NAME sets each target column from the source column of that name
                        c.expect("BY");
                        c.expect("NAME");
                        if (t.tracked()) {
                            throw SnowflakeError.unsupported("MERGE ... UPDATE ALL BY NAME on a table a stream tracks");
                        }
                        clauses.append("UPDATE BY NAME");
                        hasUpdate = true;
                        matched.add(new String[] {predicate, "UPDATE"});
                        continue;
                    }
                    c.expect("SET");
                    List<String> sets = new ArrayList<>();
                    do {
                        List<String> col = tr.nameParts();
                        String column = col.get(col.size() - 1);
                        requireColumn(t.table(), column);
                        c.expectOperator("=");
                        sets.add(Names.quote(column) + " = " + tr.expression(Set.of("WHEN"), true));
                    } while (c.accept(TokenType.COMMA));
                    if (t.tracked()) {
                        sets.add(Streams.VERSION_SET);
                    }
                    clauses.append("UPDATE SET ").append(String.join(", ", sets));
                    hasUpdate = true;
                    matched.add(new String[] {predicate, "UPDATE"});
                }
            }
            expectEnd();
            String targetSql = t.aliased(alias);
            String sql = "MERGE INTO " + targetSql + " USING " + source + " ON " + on + clauses + " RETURNING merge_action";
            long[] counts = new long[3];
            transactions.atomically(session, () -> {
                Streams.Change change = t.tracked() ? streams.begin(session, t.table(), true) : null;
                checkDeterministic(targetSql, Names.quote(targetAlias), source, on, matched, t.tracked());
                try (PreparedStatement ps = session.conn().prepareStatement(sql)) {
                    bindAll(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            switch (rs.getString(1)) {
                                case "INSERT" -> counts[0]++;
                                case "UPDATE" -> counts[1]++;
                                default -> counts[2]++;
                            }
                        }
                    }
                }
                if (change != null) {
                    streams.end(session, change);
                }
                consumeStreams();
            });
            // merge page: one count per kind of clause the statement has (an update-only MERGE shows only updates)
            List<ResultColumn> cols = new ArrayList<>();
            List<Object> row = new ArrayList<>();
            if (hasInsert) {
                cols.add(ResultColumn.number("number of rows inserted"));
                row.add(counts[0]);
            }
            if (hasUpdate) {
                cols.add(ResultColumn.number("number of rows updated"));
                row.add(counts[1]);
            }
            if (hasDelete) {
                cols.add(ResultColumn.number("number of rows deleted"));
                row.add(counts[2]);
            }
            List<Object[]> rows = new ArrayList<>();
            rows.add(row.toArray());
            return new Result(StatementKind.MERGE, cols, rows);
        }

        /**
         * Snowflake refuses (100090) a MERGE where two or more source rows reach one target row and the
         * first matching clause for one of them is an UPDATE; DuckDB would silently apply one of them.
         */
        private void checkDeterministic(String targetSql, String targetAlias, String source, String on, List<String[]> matched,
                                        boolean tracked) throws SQLException {
            if (matched.stream().noneMatch(m -> m[1].equals("UPDATE"))) {
                return;
            }
            List<String> any = new ArrayList<>();
            List<String> firstIsUpdate = new ArrayList<>();
            List<String> earlier = new ArrayList<>();
            for (String[] m : matched) {
                String p = m[0] == null ? "TRUE" : "COALESCE((" + m[0] + "), FALSE)";
                any.add(p);
                if (m[1].equals("UPDATE")) {
                    StringBuilder cond = new StringBuilder(p);
                    for (String e : earlier) {
                        cond.append(" AND NOT ").append(e);
                    }
                    firstIsUpdate.add("(" + cond + ")");
                }
                earlier.add(p);
            }
            String rowId = tracked ? targetAlias + ".\"$ROW_ID\"" : targetAlias + ".rowid";
            String check = "SELECT 1 FROM " + targetSql + " JOIN " + source + " ON " + on + " WHERE " + String.join(" OR ", any)
                    + " GROUP BY " + rowId + " HAVING count(*) > 1 AND sum(CASE WHEN " + String.join(" OR ", firstIsUpdate)
                    + " THEN 1 ELSE 0 END) >= 1 LIMIT 1";
            try (PreparedStatement ps = session.conn().prepareStatement(check)) {
                bindAll(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new SnowflakeError("100090", "42P18", "Duplicate row detected during DML action");
                    }
                }
            }
        }

        /** Runs a change to a table atomically, with change tracking when streams watch it. */
        private long change(Target t, List<String> before, String sql, boolean removesOrUpdates) throws SQLException {
            return transactions.atomic(session, () -> {
                Streams.Change change = t.tracked() ? streams.begin(session, t.table(), removesOrUpdates) : null;
                for (String b : before) {
                    session.exec(b);
                }
                long n = st.update(sql);
                if (change != null) {
                    streams.end(session, change);
                }
                consumeStreams();
                return n;
            });
        }

        /** DML read these streams: their offsets move when the transaction commits. */
        private void consumeStreams() {
            session.pendingStreamOffsets().putAll(st.streamsRead());
        }

        private void bindAll(PreparedStatement ps) throws SQLException {
            int n = ps.getParameterMetaData().getParameterCount();
            for (int i = 0; i < n && i < st.binds().size(); i++) {
                ps.setObject(i + 1, st.binds().get(i));
            }
        }
    }

    private static String visibleColumns(CatalogObject table) {
        return table.columns().stream().map(col -> Names.quote(col.name())).collect(Collectors.joining(", "));
    }

    private static void requireColumn(CatalogObject table, String column) {
        if (table.columns().stream().noneMatch(col -> col.name().equals(column))) {
            throw SnowflakeError.invalidIdentifier(Names.display(column));
        }
    }

    private static List<Object[]> rows(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(values);
        return rows;
    }
}
