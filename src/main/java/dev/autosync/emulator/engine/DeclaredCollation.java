package dev.autosync.emulator.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collation a column was declared with ({@code c VARCHAR COLLATE 'es-ai'}), which the catalog keeps after the
 * column's type ({@code VARCHAR(16777216) COLLATE 'es-ai'}, as DESC shows it: collation page).
 */
final class DeclaredCollation {
    private static final Pattern COLLATE = Pattern.compile(" COLLATE '((?:[^']|'')*)'$");

    private DeclaredCollation() {
    }

    /** The specification in a catalog type, or null when the column declared none. */
    static String of(String sfType) {
        Matcher m = sfType == null ? null : COLLATE.matcher(sfType);
        return m != null && m.find() ? m.group(1).replace("''", "'") : null;
    }

    /** Each column declared with a collation, by name, with its specification. */
    static Map<String, String> of(List<ColumnDef> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ColumnDef col : columns) {
            String spec = of(col.sfType());
            if (spec != null && !spec.isEmpty()) {
                out.put(col.name(), spec);
            }
        }
        return out;
    }
}
