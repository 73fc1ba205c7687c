package dev.autosync.emulator.engine;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Several of a pipe's queued files in one transaction and one INSERT ... SELECT over their rows, read by
 * one DuckDB reader over the list of files ({@link DuckJsonFiles#groupRows}): the group pays one
 * statement and one commit instead of one per file. Each file keeps
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

    /**
     * A file of the group: its rows relation (what the file loaded alone reads), and when it was queued (its load
     * history's received time).
     */
    record Member(StagedFile file, String rows, OffsetDateTime received) {
    }

    /**
     * Loads the group; call it inside the group's transaction. When the statement fails (a row that does
     * not convert, a file for {@link JsonFiles}) it throws {@link FileLoader.NotDirect}: the caller rolls
     * back and loads the files one at a time, which reports each bad file's error and line as before.
     */
    List<FileOutcome> load(StatementContext st, CopyPlan plan, List<Member> members, CatalogObject pipe, OffsetDateTime scan)
            throws SQLException {
        Session session = st.session();
        Streams.Change change = plan.tracked() ? streams.begin(session, plan.table(), false) : null;
        long[] counts;
        try {
            List<StagedFile> files = members.stream().map(Member::file).toList();
            counts = DuckJsonFiles.counts(session.conn(), plan.format(), files);
            String rows = DuckJsonFiles.groupRows(plan.format(), files, counts, scan);
            if (rows == null) {
                throw new SQLException("the group's files are not for one reader");
            }
            long n = st.update(FileLoader.insertSql(plan, plan.transform().replace(CopyPlanner.source(plan.rowsTable()), rows)));
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
            out.add(new FileOutcome(members.get(i).file(), "LOADED", c, c, 0, plan.onError().errorLimit(c), null, null, null, null,
                    null));
        }
        history.recordAll(session, plan, out, pipe, members.stream().map(Member::received).toList());
        if (change != null) {
            streams.end(session, change);
        }
        return out;
    }
}
