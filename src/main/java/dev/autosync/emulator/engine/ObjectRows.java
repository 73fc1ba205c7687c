package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rows SHOW and DESCRIBE give for pipes, streams and tasks (both commands answer with the same columns). */
final class ObjectRows {
    private static final SfType LTZ = SfType.TIMESTAMP_LTZ;

    private final Catalog catalog;
    private final Streams streams;

    ObjectRows(Catalog catalog, Streams streams) {
        this.catalog = catalog;
        this.streams = streams;
    }

    static List<ResultColumn> pipeColumns() {
        return List.of(ltz("created_on"), text("name"), text("database_name"), text("schema_name"), text("definition"),
                text("owner"), text("notification_channel"), text("comment"), text("integration"), text("pattern"),
                text("error_integration"), text("owner_role_type"), text("invalid_reason"), text("kind"));
    }

    static List<ResultColumn> streamColumns() {
        return List.of(ltz("created_on"), text("name"), text("database_name"), text("schema_name"), text("owner"),
                text("comment"), text("table_name"), text("source_type"), text("base_tables"), text("type"), text("stale"),
                text("mode"), ltz("stale_after"), text("invalid_reason"), text("owner_role_type"));
    }

    static List<ResultColumn> taskColumns() {
        return List.of(ltz("created_on"), text("name"), text("id"), text("database_name"), text("schema_name"),
                text("owner"), text("comment"), text("warehouse"), text("schedule"), text("predecessors"), text("state"),
                text("definition"), text("condition"), text("allow_overlapping_execution"), text("error_integration"),
                ltz("last_committed_on"), text("last_suspended_on"), text("owner_role_type"), text("config"),
                text("budget"), text("task_relations"), text("last_suspended_reason"));
    }

    List<Object[]> pipes(List<CatalogObject> pipes) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject p : pipes) {
            String invalid = catalog.byId(p.props().path("TABLE_ID").asLong()).isEmpty() ? "Target table dropped" : null;
            rows.add(new Object[] {created(p), p.name(), p.ref().db(), p.ref().schema(), p.prop("DEFINITION"), "SYSADMIN",
                    p.prop("NOTIFICATION_CHANNEL"), comment(p), p.prop("INTEGRATION"), null, p.prop("ERROR_INTEGRATION"), "ROLE",
                    invalid, "STAGE"});
        }
        return rows;
    }

    List<Object[]> streams(Session session, List<CatalogObject> list) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : list) {
            Streams.State st = streams.state(session, o);
            OffsetDateTime base = st.lastConsumed() != null ? st.lastConsumed() : created(o);
            boolean stale = o.flag("STALE");
            rows.add(new Object[] {created(o), o.name(), o.ref().db(), o.ref().schema(), "SYSADMIN", comment(o),
                    o.prop("TABLE_NAME"), "Table", o.prop("TABLE_NAME"), "DELTA", String.valueOf(stale), o.prop("MODE"),
                    base.plusDays(14), o.prop("INVALID_REASON"), "ROLE"});
        }
        return rows;
    }

    static List<Object[]> tasks(List<CatalogObject> tasks) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject t : tasks) {
            ArrayNode preds = t.props().has("PREDECESSORS") ? (ArrayNode) t.props().get("PREDECESSORS")
                    : JsonNodeFactory.instance.arrayNode();
            rows.add(new Object[] {created(t), t.name(), String.valueOf(t.id()), t.ref().db(), t.ref().schema(), "SYSADMIN",
                    comment(t), t.prop("WAREHOUSE"), t.prop("SCHEDULE"), preds.toString(), t.prop("STATE"), t.prop("DEFINITION"),
                    t.prop("CONDITION"), String.valueOf(Options.bool(t.props(), "ALLOW_OVERLAPPING_EXECUTION", false)),
                    t.prop("ERROR_INTEGRATION"), null, t.prop("LAST_SUSPENDED_ON"), "ROLE", t.prop("CONFIG"), null,
                    "{\"Predecessors\":" + preds + "}", t.prop("LAST_SUSPENDED_REASON")});
        }
        return rows;
    }

    static OffsetDateTime created(CatalogObject o) {
        return o.createdOn().atOffset(ZoneOffset.UTC);
    }

    static String comment(CatalogObject o) {
        return o.comment() == null ? "" : o.comment();
    }

    private static ResultColumn text(String name) {
        return ResultColumn.text(name);
    }

    private static ResultColumn ltz(String name) {
        return new ResultColumn(name, LTZ);
    }
}
