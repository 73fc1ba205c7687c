package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Translator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An INSERT into TIMESTAMP_TZ columns also writes each value's offset into the column's companion ({@link TzColumns}).
 * The source's values are read by position from a subquery; the offset of the value for a TIMESTAMP_TZ column is the
 * one the source carries beside it (VALUES rows end with them, a query follows its TIMESTAMP_TZ columns with companions
 * named by label), else read from the value itself ({@link Translator#tzOffsetOfValue}: text with an offset keeps it,
 * anything else takes the session zone's offset at that instant).
 */
final class TzInsert {
    private static final String SRC = "\"$SRC\"";

    private TzInsert() {
    }

    /** The positions of the TIMESTAMP_TZ columns among {@code targets}. */
    static List<Integer> positions(List<ColumnDef> targets) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (TzColumns.isTz(targets.get(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * {@code head} (INSERT INTO table) with the target columns and their companions, then the source read by position.
     * {@code valuesOffsets}: the source is VALUES whose rows end with one offset per TIMESTAMP_TZ target. A source
     * column DuckDB types TIMESTAMPTZ is written as it is ({@link TzValues}).
     */
    static String wrap(Session s, String head, List<ColumnDef> targets, String source, boolean valuesOffsets) {
        List<Integer> tz = positions(targets);
        int n = targets.size();
        List<String> aliases = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            aliases.add(Names.quote("$C" + i));
        }
        List<String> sourceNames = null;
        List<String> sourceTypes = new ArrayList<>();
        Set<String> companions = new HashSet<>();
        if (valuesOffsets) {
            for (int j : tz) {
                aliases.add(Names.quote(TzColumns.companion("$C" + (j + 1))));
            }
        } else {
            List<String[]> described = TzValues.columns(s, source);
            if (described != null) {
                List<String> visible = new ArrayList<>();
                for (String[] column : described) {
                    if (TzColumns.isCompanion(column[0])) {
                        companions.add(column[0]);
                    } else {
                        visible.add(column[0]);
                        sourceTypes.add(column[1]);
                    }
                }
                if (visible.size() != n) {
                    throw SnowflakeError.compilation("Insert value list does not match column list expecting " + n + " but got "
                            + visible.size());
                }
                sourceNames = visible;
            }
        }
        String zone = s.parameter("TIMEZONE");
        List<String> columns = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(Names.quote(targets.get(i).name()));
            String value = SRC + "." + aliases.get(i);
            items.add(TzColumns.isTz(targets.get(i)) && !knownTz(sourceTypes, i) ? Translator.tzValue(value) : value);
        }
        for (int j : tz) {
            columns.add(Names.quote(TzColumns.companion(targets.get(j).name())));
            String value = SRC + "." + aliases.get(j);
            String carried = valuesOffsets ? TzColumns.companion("$C" + (j + 1))
                    : sourceNames != null && companions.contains(TzColumns.companion(sourceNames.get(j)))
                    ? TzColumns.companion(sourceNames.get(j)) : null;
            String fromValue = TzValues.offsetOf(value, knownTz(sourceTypes, j), zone);
            items.add(carried == null ? fromValue : "coalesce(" + SRC + "." + Names.quote(carried) + ", " + fromValue + ")");
        }
        return head + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", items) + " FROM (" + source + ") AS "
                + SRC + "(" + String.join(", ", aliases) + ")";
    }

    /** Whether the source's column {@code i} (of {@code types}, empty when not described) is DuckDB's TIMESTAMPTZ. */
    private static boolean knownTz(List<String> types, int i) {
        return i < types.size() && TzValues.isTimestampTz(types.get(i)) && TzValues.enabled();
    }
}
