package dev.autosync.warehouse;

import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deploy history table in the pipeline's schema: one row per object each time deploy applied
 * (or adopted) it, with the checksum of the statement, when, by whom and with which plugin
 * version. The latest row per object is what the next plan compares with. A row is written only
 * after its statement succeeded, so the history never claims what was not applied.
 */
public final class DeployHistory {
    public static final String TABLE = "AUTOSYNC_DEPLOY_HISTORY";

    private final String table;

    public DeployHistory(RenderedBundle b) {
        this.table = b.database() + "." + b.schema() + "." + TABLE;
    }

    public String table() {
        return table;
    }

    String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + table + " (OBJECT_NAME VARCHAR, OBJECT_KIND VARCHAR, ACTION VARCHAR, "
                + "CHECKSUM VARCHAR, APPLIED_AT TIMESTAMP_LTZ, APPLIED_BY VARCHAR, PLUGIN_VERSION VARCHAR) "
                + "COMMENT = 'autosync: every object deploy applied, with its checksum'";
    }

    /** The latest checksum per object; empty when the table does not exist yet. */
    Map<String, String> latest(Warehouse w, boolean exists) throws WarehouseException {
        Map<String, String> out = new HashMap<>();
        if (!exists) {
            return out;
        }
        List<Map<String, String>> rows = w.query("SELECT OBJECT_NAME, CHECKSUM FROM " + table
                + " QUALIFY ROW_NUMBER() OVER (PARTITION BY OBJECT_NAME ORDER BY APPLIED_AT DESC) = 1");
        rows.forEach(r -> out.put(r.get("OBJECT_NAME"), r.get("CHECKSUM")));
        return out;
    }

    String recordSql(PlannedStep s, String appliedBy, String pluginVersion) {
        return "INSERT INTO " + table + " (OBJECT_NAME, OBJECT_KIND, ACTION, CHECKSUM, APPLIED_AT, APPLIED_BY, PLUGIN_VERSION) "
                + "SELECT " + lit(s.name()) + ", " + lit(s.statement().kind().name()) + ", "
                + lit(s.recordOnly() ? "ADOPT" : s.action().name()) + ", " + lit(s.statement().checksum())
                + ", CURRENT_TIMESTAMP(), " + lit(appliedBy) + ", " + lit(pluginVersion);
    }

    private static String lit(String s) {
        return SqlLiterals.quote(s == null ? "" : s);
    }
}
