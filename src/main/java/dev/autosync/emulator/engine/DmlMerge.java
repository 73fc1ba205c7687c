package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import dev.autosync.emulator.sql.Translator;
import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.TokenType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MERGE: the matched and not-matched clauses in one statement. A MERGE in which several source rows would update
 * the same target row fails with Snowflake's error 100090 instead of picking one.
 */
final class DmlMerge extends Dml {
    DmlMerge(Dml d) {
        super(d);
    }

    Result merge() throws SQLException {
        c.expect("INTO");
        Target t = target("MERGE");
        String alias = optionalAlias();
        String targetAlias = alias != null ? alias : t.table().name();
        c.expect("USING");
        Translator tr = st.translator();
        tr.tzRelation(targetAlias, TzColumns.names(t.table().columns()));
        int sourceAt = c.position();
        String source = tr.tableReference();
        c.expect("ON");
        int onAt = c.position();
        String on = tr.expression(Set.of("WHEN"), false);
        int clausesAt = c.position();
        // the source and ON parsed again, for MergeKeys' proof that no target row can match two source rows
        c.reset(sourceAt);
        dev.autosync.sql.tree.Relation sourceTree = new SqlParser(c).relation();
        c.reset(onAt);
        dev.autosync.sql.tree.Expr onTree = new SqlParser(c).expression(Set.of("WHEN"));
        c.reset(clausesAt);
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
                List<String> named;
                if (c.peek().is(TokenType.LEFT_PAREN)) {
                    c.next();
                    named = tr.identifierList();
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
                    named = t.table().columns().stream().map(col -> Names.quote(col.name())).toList();
                }
                c.expect("VALUES");
                c.expect(TokenType.LEFT_PAREN);
                String values;
                if (TzColumns.any(t.table().columns())) {
                    // each TIMESTAMP_TZ value's offset goes to its column's companion (TzColumns)
                    List<String[]> exprs = tr.expressionsWithOffsets(Set.of());
                    List<String> colList = new ArrayList<>(named);
                    List<String> valueList = new ArrayList<>();
                    List<String> offsets = new ArrayList<>();
                    List<String> tzSql = new ArrayList<>();
                    List<Integer> tzAt = new ArrayList<>();
                    for (int i = 0; i < exprs.size(); i++) {
                        String column = i < named.size() ? Names.decode(named.get(i).substring(1, named.get(i).length() - 1)) : null;
                        if (t.table().columns().stream().anyMatch(col -> col.name().equals(column) && TzColumns.isTz(col))) {
                            tzAt.add(i);
                            tzSql.add(exprs.get(i)[0]);
                            colList.add(Names.quote(TzColumns.companion(column)));
                        }
                        valueList.add(exprs.get(i)[0]);
                    }
                    boolean[] known = TzValues.timestampTz(session, source, tzSql);
                    for (int k = 0; k < tzAt.size(); k++) {
                        int i = tzAt.get(k);
                        String[] pair = TzValues.columnAndOffset(exprs.get(i), known[k], st.binds(), session.parameter("TIMEZONE"));
                        valueList.set(i, pair[0]);
                        offsets.add(pair[1]);
                    }
                    valueList.addAll(offsets);
                    cols = "(" + String.join(", ", colList) + ")";
                    values = String.join(", ", valueList);
                } else {
                    values = tr.expression(Set.of(), false);
                }
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
                List<String> sets = assignments(t, tr, Set.of("WHEN"), source);
                clauses.append("UPDATE SET ").append(String.join(", ", sets));
                hasUpdate = true;
                matched.add(new String[] {predicate, "UPDATE"});
            }
        }
        expectEnd();
        String targetSql = t.aliased(alias);
        // Without a DELETE clause the counts follow from the rows affected and the target's growth: RETURNING each
        // row's action would materialise and fetch a row per change (3x the MERGE's own cost for a large delta).
        boolean returning = hasDelete;
        String sql = "MERGE INTO " + targetSql + " USING " + source + " ON " + on + clauses + (returning ? " RETURNING merge_action" : "");
        long[] counts = new long[3];
        boolean inserts = hasInsert;
        transactions.atomically(session, () -> {
            Streams.Change change = t.tracked() ? streams.begin(session, t.table(), true) : null;
            boolean updates = matched.stream().anyMatch(m -> m[1].equals("UPDATE"));
            long before = updates || !returning && inserts ? rowCount(t.duckName()) : 0;
            // An empty target has no row that two source rows could both update; the check would still evaluate the
            // whole source once more (0.7 s of CPU for the benchmark's first 1M-row task run, of 3.6 s for its MERGE).
            // Nor can a source that keeps one row per key ON equates (MergeKeys: the pipeline task's later runs).
            if (updates && before > 0 && !MergeKeys.uniquePerTargetRow(session, sourceTree, onTree, t.table(), targetAlias,
                    targetSql, source)) {
                checkDeterministic(targetSql, Names.quote(targetAlias), source, on, matched, t.tracked());
            }
            try (PreparedStatement ps = session.conn().prepareStatement(sql)) {
                bindAll(ps);
                if (returning) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            switch (rs.getString(1)) {
                                case "INSERT" -> counts[0]++;
                                case "UPDATE" -> counts[1]++;
                                default -> counts[2]++;
                            }
                        }
                    }
                } else {
                    long affected = ps.executeUpdate();
                    counts[0] = inserts ? rowCount(t.duckName()) - before : 0;
                    counts[1] = affected - counts[0];
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

    private long rowCount(String duckName) throws SQLException {
        try (java.sql.Statement s = session.conn().createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + duckName)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Snowflake refuses (100090) a MERGE where two or more source rows reach one target row and the
     * first matching clause for one of them is an UPDATE; DuckDB would silently apply one of them.
     */
    void checkDeterministic(String targetSql, String targetAlias, String source, String on, List<String[]> matched,
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
}
