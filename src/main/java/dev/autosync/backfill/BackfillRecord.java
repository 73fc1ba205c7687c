package dev.autosync.backfill;

import dev.autosync.render.Identifier;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code AUTOSYNC_BACKFILL_FILES}: one row per file a backfill loaded or found malformed, written in
 * the transaction of the COPY that loaded it, so a rerun skips it (by name and checksum: a file
 * fixed in place loads again, as COPY's own load metadata would allow).
 */
final class BackfillRecord {
    static final String TABLE = "AUTOSYNC_BACKFILL_FILES";

    private final Warehouse w;
    private final QualifiedName table;

    BackfillRecord(Warehouse w, RenderedBundle bundle) {
        this.w = w;
        this.table = QualifiedName.of(new Identifier(bundle.database()), new Identifier(bundle.schema()), new Identifier(TABLE));
    }

    QualifiedName table() {
        return table;
    }

    void create() throws WarehouseException {
        w.execute("CREATE TABLE IF NOT EXISTS " + table.sql() + " (\n  ENTITY VARCHAR,\n  FILE_NAME VARCHAR,\n  FILE_MD5 VARCHAR,\n"
                + "  FILE_SIZE NUMBER(38,0),\n  STATUS VARCHAR,\n  ROWS_LOADED NUMBER(38,0),\n  FIRST_ERROR VARCHAR,\n"
                + "  BACKFILLED_AT TIMESTAMP_LTZ\n)\nCOMMENT = 'autosync: files loaded by autosync:backfill (one row per file)'");
    }

    boolean exists() throws WarehouseException {
        List<Map<String, String>> rows = w.query("SHOW TABLES LIKE " + SqlLiterals.quote(TABLE) + " IN SCHEMA "
                + table.parts().get(0).sql() + "." + table.parts().get(1).sql());
        return rows.stream().anyMatch(r -> TABLE.equals(r.get("NAME")));
    }

    /** name|md5 of every file recorded for {@code entity}. */
    Set<String> recorded(String entity) throws WarehouseException {
        Set<String> out = new HashSet<>();
        for (Map<String, String> r : w.query("SELECT FILE_NAME, FILE_MD5 FROM " + table.sql() + " WHERE ENTITY = "
                + SqlLiterals.quote(entity))) {
            out.add(r.get("FILE_NAME") + "|" + r.get("FILE_MD5"));
        }
        return out;
    }

    void insert(String entity, List<FileLoad> loads) throws WarehouseException {
        if (loads.isEmpty()) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (FileLoad l : loads) {
            values.add("(" + SqlLiterals.quote(entity) + ", " + SqlLiterals.quote(l.file().path()) + ", "
                    + (l.file().md5() == null ? "NULL" : SqlLiterals.quote(l.file().md5())) + ", " + l.file().size() + ", "
                    + SqlLiterals.quote(l.status()) + ", " + l.rows() + ", "
                    + (l.firstError() == null ? "NULL" : SqlLiterals.quote(l.firstError())) + ", CURRENT_TIMESTAMP())");
        }
        w.execute("INSERT INTO " + table.sql() + " (ENTITY, FILE_NAME, FILE_MD5, FILE_SIZE, STATUS, ROWS_LOADED, FIRST_ERROR, "
                + "BACKFILLED_AT) VALUES\n" + String.join(",\n", values));
    }
}
