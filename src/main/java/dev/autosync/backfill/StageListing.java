package dev.autosync.backfill;

import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists a stage path with LIST (list.md): LIST names a file by its full location (the stage URL for
 * an external stage, the lower-case stage name for an internal one); this turns that back into
 * the path relative to the stage, the form COPY's METADATA$FILENAME gives.
 */
final class StageListing {
    private StageListing() {
    }

    static List<StagedFile> list(Warehouse w, String stage, String path) throws WarehouseException, BackfillException {
        String prefix = prefix(w, stage);
        List<StagedFile> out = new ArrayList<>();
        for (Map<String, String> r : w.query("LIST @" + stage + "/" + path)) {
            String name = r.get("NAME");
            if (name == null || !name.startsWith(prefix)) {
                throw new BackfillException("LIST @" + stage + " returned '" + name + "', which is not under the stage's location '"
                        + prefix + "'.");
            }
            out.add(new StagedFile(name.substring(prefix.length()), Long.parseLong(r.getOrDefault("SIZE", "0")), r.get("MD5"),
                    lastModified(r.get("LAST_MODIFIED"))));
        }
        return out;
    }

    /** What LIST puts before a stage-relative path: the URL of an external stage, else the stage's name (list.md examples). */
    private static String prefix(Warehouse w, String stage) throws WarehouseException {
        for (Map<String, String> r : w.query("DESC STAGE " + stage)) {
            if ("URL".equals(r.get("PROPERTY"))) {
                String v = r.getOrDefault("PROPERTY_VALUE", "").strip();
                if (v.startsWith("[\"") && v.endsWith("\"]")) {
                    v = v.substring(2, v.length() - 2);
                }
                if (!v.isEmpty()) {
                    return v.endsWith("/") ? v : v + "/";
                }
            }
        }
        String name = stage.substring(stage.lastIndexOf('.') + 1);
        if (name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"") + "/";
        }
        return name.toLowerCase(Locale.ROOT) + "/";
    }

    /** LIST's last_modified, e.g. {@code Tue, 1 Dec 2026 10:00:00 GMT} (RFC 1123). */
    static Instant lastModified(String text) throws BackfillException {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new BackfillException("LIST returned a last_modified of '" + text + "', which is not an RFC 1123 date.");
        }
    }

    static String quote(String s) {
        return SqlLiterals.quote(s);
    }
}
