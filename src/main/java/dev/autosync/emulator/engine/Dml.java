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
 * One DML statement (INSERT, UPDATE, DELETE, TRUNCATE; MERGE in {@link DmlMerge}, multi-table INSERT in
 * {@link DmlMultiTableInsert}): reads it at the cursor and runs it. DML on a table with change tracking writes
 * its base table and stamps change numbers for the streams on it; DML that reads a stream moves the stream's
 * offset when it commits.
 */
class Dml {
    final Catalog catalog;
    final Streams streams;
    final History history;
    final Transactions transactions;
    final StatementContext st;
    final Cursor c;
    final Session session;

    Dml(Catalog catalog, Streams streams, History history, Transactions transactions, StatementContext st) {
        this.catalog = catalog;
        this.streams = streams;
        this.history = history;
        this.transactions = transactions;
        this.st = st;
        this.c = st.cursor();
        this.session = st.session();
    }

    /** The same statement, for the classes that run one kind of DML (MERGE, multi-table INSERT). */
    Dml(Dml d) {
        this(d.catalog, d.streams, d.history, d.transactions, d.st);
    }

    void expectEnd() {
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
            case "MERGE" -> new DmlMerge(this).merge();
            default -> truncate();
        };
    }

    /** The DML target: a table (not a view), and how DuckDB names it for writing. */
    record Target(CatalogObject table, String duckName, boolean tracked) {
        String aliased(String alias) {
            String a = alias != null ? alias : table.name();
            return duckName + " AS " + Names.quote(a);
        }
    }

    Target target(String operation) {
        ObjectRef ref = st.name(operation);
        CatalogObject rel = catalog.findRelation(ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Table", ref.display()));
        if (rel.kind() != CatalogKind.TABLE) {
            throw SnowflakeError.compilation("Cannot " + operation.toLowerCase() + " view '" + ref.display() + "'.");
        }
        return writing(rel);
    }

    Target writing(CatalogObject table) {
        boolean tracked = streams.isTracked(table);
        return new Target(table, tracked ? streams.baseTable(table) : table.ref().duckName(), tracked);
    }

    String optionalAlias() {
        if (c.accept("AS")) {
            return c.next().identifierName();
        }
        Token t = c.peek();
        if (t.is(TokenType.QUOTED_IDENTIFIER) || (t.is(TokenType.WORD) && !Set.of("SET", "USING", "WHERE", "ON").contains(t.upper()))) {
            return c.next().identifierName();
        }
        return null;
    }

    Result insert() throws SQLException {
        boolean overwrite = c.accept("OVERWRITE");
        if (c.isWord("ALL") || c.isWord("FIRST")) {
            return new DmlMultiTableInsert(this).multiTableInsert(overwrite);
        }
        c.expect("INTO");
        Target t = target("INSERT");
        String columns;
        List<String> targetTypes = new ArrayList<>();
        List<ColumnDef> targets = new ArrayList<>();
        if (c.peek().is(TokenType.LEFT_PAREN) && !c.peek(1).isWord("SELECT") && !c.peek(1).isWord("WITH")) {
            c.next();
            List<String> named = st.translator().identifierList();
            c.expect(TokenType.RIGHT_PAREN);
            for (String n : named) {
                String column = Names.decode(n.substring(1, n.length() - 1));
                requireColumn(t.table(), column);
                t.table().columns().stream().filter(col -> col.name().equals(column)).findFirst()
                        .ifPresent(col -> {
                            targetTypes.add(col.sfType());
                            targets.add(col);
                        });
            }
            columns = " (" + String.join(", ", named) + ")";
        } else {
            columns = t.tracked() ? " (" + visibleColumns(t.table()) + ")" : "";
            t.table().columns().forEach(col -> targetTypes.add(col.sfType()));
            targets.addAll(t.table().columns());
        }
        List<Integer> tz = TzInsert.positions(targets);
        boolean[] valuesOffsets = new boolean[1];
        String source = st.translator().insertSource(targetTypes, tz, valuesOffsets);
        expectEnd();
        String sql = tz.isEmpty() ? "INSERT INTO " + t.duckName() + columns + " " + source
                : TzInsert.wrap(session, "INSERT INTO " + t.duckName(), targets, source, valuesOffsets[0]);
        long n = change(t, overwrite ? List.of("DELETE FROM " + t.duckName()) : List.of(), sql, false);
        return Result.count(StatementKind.INSERT, "number of rows inserted", n);
    }

    /**
     * SET's {@code column = expression} list (UPDATE, and MERGE's WHEN MATCHED ... UPDATE), each expression ending
     * before a word of {@code stops}; with the stream-version column when streams track the table. A value for a
     * TIMESTAMP_TZ column that DuckDB types TIMESTAMPTZ over {@code typesFrom} (MERGE's source; null: not looked up)
     * is written without the generic conversion ({@link TzValues}).
     */
    List<String> assignments(Target t, Translator tr, Set<String> stops, String typesFrom) {
        List<String> sets = new ArrayList<>();
        List<String> tzColumns = new ArrayList<>();
        List<String[]> tzValues = new ArrayList<>();
        do {
            if (!sets.isEmpty() && !c.accept(TokenType.COMMA)) {
                break;
            }
            List<String> col = tr.nameParts();
            String column = col.get(col.size() - 1);
            requireColumn(t.table(), column);
            c.expectOperator("=");
            boolean tz = t.table().columns().stream().anyMatch(def -> def.name().equals(column) && TzColumns.isTz(def));
            if (tz) {
                // the value's offset goes to the column's companion (TzColumns): the one the expression carries, else
                // read from the value; both written once the value's DuckDB type is known
                tzColumns.add(column);
                tzValues.add(tr.expressionWithOffset(stops));
                sets.add(null);
                continue;
            }
            sets.add(Names.quote(column) + " = " + tr.expression(stops, true));
        } while (true);
        sets.removeIf(java.util.Objects::isNull);
        boolean[] known = typesFrom == null ? new boolean[tzValues.size()]
                : TzValues.timestampTz(session, typesFrom, tzValues.stream().map(v -> v[0]).toList());
        for (int i = 0; i < tzValues.size(); i++) {
            String[] pair = TzValues.columnAndOffset(tzValues.get(i), known[i], st.binds(), session.parameter("TIMEZONE"));
            sets.add(Names.quote(tzColumns.get(i)) + " = " + pair[0]);
            sets.add(Names.quote(TzColumns.companion(tzColumns.get(i))) + " = " + pair[1]);
        }
        if (t.tracked()) {
            sets.add(Streams.VERSION_SET);
        }
        return sets;
    }

    Result update() throws SQLException {
        Target t = target("UPDATE");
        String alias = optionalAlias();
        c.expect("SET");
        Translator tr = st.translator();
        tr.tzRelation(alias != null ? alias : t.table().name(), TzColumns.names(t.table().columns()));
        int setList = c.position();
        // a TIMESTAMP_TZ value's type is looked up over the target (TzValues), and FROM's relations when there are
        List<String> sets = assignments(t, tr, Set.of("FROM", "WHERE"), t.aliased(alias));
        if (TzColumns.any(t.table().columns()) && c.accept("FROM")) {
            // SET comes before FROM: read FROM's relations first so a value from one carries its stored offset
            String from = tr.fromClause();
            c.reset(setList);
            sets = assignments(t, tr, Set.of("FROM", "WHERE"), t.aliased(alias) + ", " + from);
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.aliased(alias)).append(" SET ").append(String.join(", ", sets));
        long[] joined = new long[2];
        long n = joinedChange(t, sql, "FROM", tr, alias, joined);
        // update page: a target row joined to several source rows is updated once and counted as multi-joined
        return new Result(StatementKind.UPDATE, List.of(ResultColumn.number("number of rows updated"),
                ResultColumn.number("number of multi-joined rows updated")), rows(joined[0] >= 0 ? joined[0] : n, joined[1]));
    }

    Result delete() throws SQLException {
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
    long joinedChange(Target t, StringBuilder sql, String joinWord, Translator tr, String alias, long[] joined)
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

    Result truncate() throws SQLException {
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

    /** Runs a change to a table atomically, with change tracking when streams watch it. */
    long change(Target t, List<String> before, String sql, boolean removesOrUpdates) throws SQLException {
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
    void consumeStreams() {
        session.pendingStreamOffsets().putAll(st.streamsRead());
    }

    /**
     * The offset of a bind parameter written to a TIMESTAMP_TZ column ({@link Translator#expressionWithOffset}), read here
     * as the bind cannot be read twice in SQL: a text bind with an offset keeps it (data-types-datetime); anything else
     * NULL, read at the session zone's offset.
     */
    static String boundOffset(String[] value, List<Object> binds) {
        int index = value[4] == null ? -1 : Integer.parseInt(value[4]);
        Object bind = index >= 0 && index < binds.size() ? binds.get(index) : null;
        Long minutes = bind instanceof String text ? DateTimeFunctions.writtenOffset(text) : null;
        return minutes == null ? "NULL" : "CAST(" + minutes + " AS SMALLINT)";
    }

    void bindAll(PreparedStatement ps) throws SQLException {
        int n = ps.getParameterMetaData().getParameterCount();
        for (int i = 0; i < n && i < st.binds().size(); i++) {
            ps.setObject(i + 1, st.binds().get(i));
        }
    }

    static String visibleColumns(CatalogObject table) {
        return table.columns().stream().map(col -> Names.quote(col.name())).collect(Collectors.joining(", "));
    }

    static void requireColumn(CatalogObject table, String column) {
        if (table.columns().stream().noneMatch(col -> col.name().equals(column))) {
            throw SnowflakeError.invalidIdentifier(Names.display(column));
        }
    }

    static List<Object[]> rows(Object... values) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(values);
        return rows;
    }
}
