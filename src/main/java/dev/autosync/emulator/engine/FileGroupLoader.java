package dev.autosync.emulator.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several of a pipe's queued files in one transaction and one INSERT ... SELECT over the UNION ALL of
 * their rows relations ({@link FileLoader#directRows}): DuckDB reads and converts them on all its
 * threads, and the group pays one statement and one commit instead of one per file. Each file keeps
 * its own METADATA$FILENAME, row numbers and content key, and gets its own load-history entry. The
 * group commits whole (rows, history, dequeue), so a crash keeps or loses whole files.
 */
final class FileGroupLoader {
    private final Streams streams;
    private final History history;

    FileGroupLoader(Streams streams, History history) {
        this.streams = streams;
        this.history = history;
    }

    /** A file of the group: its rows relation, and when it was queued (its load history's received time). */
    record Member(StagedFile file, String rows, OffsetDateTime received) {
    }

    /**
     * Loads the group; call it inside the group's transaction. When the statement fails (a row that does
     * not convert, a file for {@link JsonFiles}) it throws {@link FileLoader.NotDirect}: the caller rolls
     * back and loads the files one at a time, which reports each bad file's error and line as before.
     */
    List<FileOutcome> load(StatementContext st, CopyPlan plan, List<Member> members, CatalogObject pipe) throws SQLException {
        Session session = st.session();
        Streams.Change change = plan.tracked() ? streams.begin(session, plan.table(), false) : null;
        long[] counts;
        try {
            String union = members.stream().map(m -> "SELECT * FROM " + m.rows()).collect(Collectors.joining(" UNION ALL "));
            long n = st.update(FileLoader.insertSql(plan, plan.transform().replace(CopyPlanner.source(plan.rowsTable()),
                    "(" + union + ")")));
            counts = counts(session, members);
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            if (sum != n) {
                // a transformation that does not yield one row per record: the per-file path counts its rows
                throw new SQLException("group inserted " + n + " rows, its files hold " + sum);
            }
        } catch (SQLException e) {
            throw new FileLoader.NotDirect(e);
        }
        List<FileOutcome> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            long c = counts[i];
            FileOutcome o = new FileOutcome(members.get(i).file(), "LOADED", c, c, 0, plan.onError().errorLimit(c), null, null,
                    null, null, null);
            history.record(session, plan, o, pipe, members.get(i).received());
            out.add(o);
        }
        if (change != null) {
            streams.end(session, change);
        }
        return out;
    }

    /** Each member's row count, in one query (DuckDB reads only the record boundaries for a count). */
    private static long[] counts(Session session, List<Member> members) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < members.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(members.get(i).rows()).append(")");
        }
        long[] counts = new long[members.size()];
        try (Statement s = session.conn().createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
        }
        return counts;
    }
}
