package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.sql.Translator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stored TIMESTAMP_TZ columns keep each value's offset (data-types-datetime page: "TIMESTAMP_TZ internally stores UTC
 * time together with an associated time zone offset"). DuckDB's TIMESTAMPTZ keeps only the instant, so each such
 * column has a hidden companion column right after it, {@code SF$TZ_OFFSET$<column>} (SMALLINT, minutes east of UTC),
 * named as the translator names a result's offset column: a {@code SELECT *} carries it and the result fold
 * ({@link ResultTables#foldOffsets}) turns the pair into one TIMESTAMP_TZ value. The catalog lists only the visible
 * columns. A NULL companion (a value written by a path that does not know its offset) reads at the session zone's
 * offset, as before.
 */
final class TzColumns {
    static final String PREFIX = Translator.TZ_OFFSET_COLUMN;

    private TzColumns() {
    }

    /** Whether a catalog type (canonical spelling) is TIMESTAMP_TZ. */
    static boolean isTz(String sfType) {
        return sfType != null && sfType.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP_TZ");
    }

    static boolean isTz(ColumnDef col) {
        return isTz(col.sfType());
    }

    static boolean isCompanion(String duckColumnName) {
        return duckColumnName.startsWith(PREFIX);
    }

    /** The companion's (decoded) column name. */
    static String companion(String column) {
        return PREFIX + column;
    }

    /** The companion's DuckDB column definition. */
    static String companionDdl(String column) {
        return Names.quote(companion(column)) + " SMALLINT";
    }

    /** Whether any column is TIMESTAMP_TZ. */
    static boolean any(List<ColumnDef> columns) {
        return columns.stream().anyMatch(TzColumns::isTz);
    }

    /** The TIMESTAMP_TZ columns' names. */
    static Set<String> names(List<ColumnDef> columns) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnDef col : columns) {
            if (isTz(col)) {
                out.add(col.name());
            }
        }
        return out;
    }

    /** The DuckDB columns behind catalog columns, quoted (qualified by {@code alias} when not null): each TZ column then its companion. */
    static String physical(List<ColumnDef> columns, String alias) {
        List<String> out = new ArrayList<>();
        String q = alias == null ? "" : alias + ".";
        for (ColumnDef col : columns) {
            out.add(q + Names.quote(col.name()));
            if (isTz(col)) {
                out.add(q + Names.quote(companion(col.name())));
            }
        }
        return String.join(", ", out);
    }
}
