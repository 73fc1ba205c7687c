package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed and checked COPY INTO: the target, where its files are, how to read them, what to do on
 * errors, and the translated transformation (it reads the current file's rows, limited to a row
 * range set through the session variables {@code autosync_lo} and {@code autosync_hi}), how many values
 * a record has ({@code $1..$width}), and for CSV with MATCH_BY_COLUMN_NAME the columns to find by header.
 */
record CopyPlan(CatalogObject table, String targetDuck, boolean tracked, List<ColumnDef> columns,
                Stages.Location location, FileFormat format, Pattern pattern, List<String> files, OnError onError,
                boolean force, boolean purge, String rowsTable, String transform, ObjectNode options, int width,
                List<String> byName, boolean byNameCaseInsensitive) {

    /** The candidate files: under the stage path, matching PATTERN (on the stage-relative path) and FILES. */
    List<StagedFile> candidates() {
        return candidatesUnder(location.path());
    }

    /** {@link #candidates()} whose path from the stage root starts with {@code prefix} (the stage path and more). */
    List<StagedFile> candidatesUnder(String prefix) {
        List<StagedFile> out = new ArrayList<>();
        for (StagedFile f : location.filesUnder(prefix)) {
            String withinPath = f.relative().substring(location.path().length());
            if (pattern != null && !pattern.matcher(f.relative()).matches() && !pattern.matcher(withinPath).matches()) {
                continue;
            }
            if (!files.isEmpty() && !files.contains(withinPath) && !files.contains(f.relative())) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /** ON_ERROR: CONTINUE, SKIP_FILE, SKIP_FILE_n, 'SKIP_FILE_n%' or ABORT_STATEMENT. */
    record OnError(String text, boolean abort, boolean skipFile, long limit, double percent) {
        static OnError parse(String v, boolean pipe) {
            if (v == null) {
                return pipe ? new OnError("SKIP_FILE", false, true, 1, -1) : new OnError("ABORT_STATEMENT", true, false, 1, -1);
            }
            String u = v.toUpperCase();
            if (u.equals("ABORT_STATEMENT")) {
                return new OnError(u, true, false, 1, -1);
            }
            if (u.equals("CONTINUE")) {
                return new OnError(u, false, false, Long.MAX_VALUE, -1);
            }
            if (u.equals("SKIP_FILE")) {
                return new OnError(u, false, true, 1, -1);
            }
            java.util.regex.Matcher m = Pattern.compile("SKIP_FILE_(\\d+)(%?)").matcher(u);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return m.group(2).isEmpty() ? new OnError(u, false, true, n, -1) : new OnError(u, false, true, Long.MAX_VALUE, n);
            }
            throw SnowflakeError.compilation("invalid value [" + v + "] for parameter 'ON_ERROR'");
        }

        /** Whether a file with {@code errors} bad rows out of {@code parsed} is skipped whole. */
        boolean skips(long errors, long parsed) {
            if (!skipFile || errors == 0) {
                return false;
            }
            if (percent >= 0) {
                return parsed > 0 && errors * 100.0 / parsed > percent;
            }
            return errors >= limit;
        }

        long errorLimit(long parsed) {
            if (abort) {
                return 1;
            }
            return limit == Long.MAX_VALUE ? parsed : limit;
        }
    }
}
