package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * DESCRIBE tables, views, stages, file formats, integrations, pipes, streams and tasks. For
 * integrations it answers the properties a user needs for the cloud side, with stable local values.
 */
final class Describe {
    private final Catalog catalog;
    private final ObjectRows objectRows;
    private final StreamlitDdl streamlits;

    Describe(Catalog catalog, ObjectRows objectRows, StreamlitDdl streamlits) {
        this.streamlits = streamlits;
        this.catalog = catalog;
        this.objectRows = objectRows;
    }

    Result run(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        c.next();
        String kind = KindWord.read(c);
        return switch (kind) {
            case "TABLE", "VIEW" -> columns(st, kind);
            case "DATABASE" -> database(st);
            case "STAGE" -> stage(st);
            case "FILE_FORMAT" -> fileFormat(st);
            case "INTEGRATION", "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION" -> integration(st);
            case "PIPE" -> new Result(StatementKind.DESCRIBE, ObjectRows.pipeColumns(),
                    objectRows.pipes(List.of(catalog.require(CatalogKind.PIPE, st.name("DESCRIBE")))));
            case "STREAM" -> new Result(StatementKind.DESCRIBE, ObjectRows.streamColumns(),
                    objectRows.streams(st.session(), List.of(catalog.require(CatalogKind.STREAM, st.name("DESCRIBE")))));
            case "TASK" -> new Result(StatementKind.DESCRIBE, ObjectRows.taskColumns(),
                    ObjectRows.tasks(List.of(catalog.require(CatalogKind.TASK, st.name("DESCRIBE")))));
            case "STREAMLIT" -> streamlits.describe(st);
            default -> throw SnowflakeError.unsupported("DESCRIBE " + kind.replace('_', ' '));
        };
    }

    /** DESCRIBE DATABASE: the database's schemas, one row each ("DESCRIBE DATABASE"). */
    private Result database(StatementContext st) {
        String db = st.cursor().next().identifierName();
        if (!catalog.databaseExists(db)) {
            throw SnowflakeError.doesNotExist("Database", dev.autosync.emulator.base.Names.display(db));
        }
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.SCHEMA)) {
            if (o.ref().db().equals(db)) {
                rows.add(new Object[] {ObjectRows.created(o), o.name(), "SCHEMA"});
            }
        }
        return new Result(StatementKind.DESCRIBE, List.of(new ResultColumn("created_on", SfType.TIMESTAMP_LTZ),
                ResultColumn.text("name"), ResultColumn.text("kind")), rows);
    }

    private Result columns(StatementContext st, String kind) {
        ObjectRef ref = st.name("DESCRIBE");
        CatalogObject o = catalog.findRelation(ref).orElseThrow(() -> SnowflakeError.doesNotExist(
                kind.equals("VIEW") ? "View" : "Table", ref.display()));
        List<Object[]> rows = new ArrayList<>();
        List<TableConstraint> constraints = TableConstraint.of(o);
        for (ColumnDef col : o.columns()) {
            rows.add(new Object[] {col.name(), col.sfType(), "COLUMN", col.nullable() ? "Y" : "N", col.defaultExpr(),
                    keyFlag(constraints, TableConstraint.Type.PRIMARY_KEY, col), keyFlag(constraints, TableConstraint.Type.UNIQUE, col),
                    null, null, col.comment(), null, null});
        }
        return new Result(StatementKind.DESCRIBE, List.of(ResultColumn.text("name"), ResultColumn.text("type"),
                ResultColumn.text("kind"), ResultColumn.text("null?"), ResultColumn.text("default"),
                ResultColumn.text("primary key"), ResultColumn.text("unique key"), ResultColumn.text("check"),
                ResultColumn.text("expression"), ResultColumn.text("comment"), ResultColumn.text("policy name"),
                ResultColumn.text("privacy domain")), rows);
    }

    /** "Y" when the column is part of a key of that type (PRIMARY KEY / UNIQUE), as DESCRIBE TABLE shows it. */
    private static String keyFlag(List<TableConstraint> constraints, TableConstraint.Type type, ColumnDef col) {
        return constraints.stream().anyMatch(k -> k.type() == type && k.columns().contains(col.name())) ? "Y" : "N";
    }

    private Result stage(StatementContext st) {
        CatalogObject s = catalog.require(CatalogKind.STAGE, st.name("DESCRIBE"));
        List<Object[]> rows = new ArrayList<>();
        String url = s.prop("URL");
        rows.add(new Object[] {"STAGE_LOCATION", "URL", "String", url == null ? "" : "[\"" + url + "\"]", ""});
        rows.add(new Object[] {"STAGE_INTEGRATION", "STORAGE_INTEGRATION", "String",
                s.prop("STORAGE_INTEGRATION") == null ? "" : s.prop("STORAGE_INTEGRATION"), ""});
        JsonNode ff = s.props().get("FILE_FORMAT");
        if (ff instanceof ObjectNode o && o.hasNonNull("FORMAT_NAME")) {
            rows.add(new Object[] {"STAGE_FILE_FORMAT", "FORMAT_NAME", "String", o.get("FORMAT_NAME").asText(), ""});
        } else {
            FileFormat format = ff instanceof ObjectNode o ? FileFormat.of(o) : FileFormat.csvDefault();
            rows.add(new Object[] {"STAGE_FILE_FORMAT", "TYPE", "String", format.type(), "CSV"});
            if (format.isJson()) {
                for (Map.Entry<String, String> e : FileFormat.JSON_DEFAULTS.entrySet()) {
                    if (!e.getKey().equals("TYPE")) {
                        rows.add(new Object[] {"STAGE_FILE_FORMAT", e.getKey(), typeOf(e.getValue()), format.option(e.getKey()),
                                e.getValue()});
                    }
                }
            }
        }
        rows.add(new Object[] {"DIRECTORY", "ENABLE", "Boolean", "false", "false"});
        return new Result(StatementKind.DESCRIBE, List.of(ResultColumn.text("parent_property"), ResultColumn.text("property"),
                ResultColumn.text("property_type"), ResultColumn.text("property_value"), ResultColumn.text("property_default")), rows);
    }

    private static String typeOf(String value) {
        return value.equals("true") || value.equals("false") ? "Boolean" : value.startsWith("[") ? "List" : "String";
    }

    private Result fileFormat(StatementContext st) {
        CatalogObject f = catalog.require(CatalogKind.FILE_FORMAT, st.name("DESCRIBE"));
        FileFormat format = FileFormat.of(f.props());
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"TYPE", "String", format.type(), "CSV"});
        if (format.isJson()) {
            for (Map.Entry<String, String> e : FileFormat.JSON_DEFAULTS.entrySet()) {
                if (!e.getKey().equals("TYPE")) {
                    rows.add(new Object[] {e.getKey(), typeOf(e.getValue()), format.option(e.getKey()), e.getValue()});
                }
            }
        }
        return properties(rows);
    }

    private static Result properties(List<Object[]> rows) {
        return new Result(StatementKind.DESCRIBE, List.of(ResultColumn.text("property"), ResultColumn.text("property_type"),
                ResultColumn.text("property_value"), ResultColumn.text("property_default")), rows);
    }

    private Result integration(StatementContext st) {
        String name = st.translator().nameParts().get(0);
        CatalogObject i = catalog.findIntegration(ObjectRef.account(name))
                .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", Names.display(name)));
        ObjectNode p = i.props();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"ENABLED", "Boolean", String.valueOf(Options.bool(p, "ENABLED", true)), "false"});
        String seed = Long.toHexString(i.id()) + i.name();
        String appId = UUID.nameUUIDFromBytes(("app" + seed).getBytes(StandardCharsets.UTF_8)).toString();
        String appName = "autosynclocal_" + appId.substring(0, 8) + "_1";
        if (i.kind() == CatalogKind.STORAGE_INTEGRATION) {
            String provider = p.path("STORAGE_PROVIDER").asText();
            rows.add(new Object[] {"STORAGE_PROVIDER", "String", provider, ""});
            rows.add(new Object[] {"STORAGE_ALLOWED_LOCATIONS", "List", String.join(",", Options.list(p.get("STORAGE_ALLOWED_LOCATIONS"))), "[]"});
            rows.add(new Object[] {"STORAGE_BLOCKED_LOCATIONS", "List", String.join(",", Options.list(p.get("STORAGE_BLOCKED_LOCATIONS"))), "[]"});
            if (provider.startsWith("S3")) {
                rows.add(new Object[] {"STORAGE_AWS_IAM_USER_ARN", "String", "arn:aws:iam::000000000000:user/autosync-local-emulator", ""});
                rows.add(new Object[] {"STORAGE_AWS_ROLE_ARN", "String", p.path("STORAGE_AWS_ROLE_ARN").asText(), ""});
                rows.add(new Object[] {"STORAGE_AWS_EXTERNAL_ID", "String", p.hasNonNull("STORAGE_AWS_EXTERNAL_ID")
                        ? p.get("STORAGE_AWS_EXTERNAL_ID").asText() : p.path("GENERATED_EXTERNAL_ID").asText(), ""});
                rows.add(new Object[] {"STORAGE_AWS_OBJECT_ACL", "String", p.path("STORAGE_AWS_OBJECT_ACL").asText(""), ""});
            } else if (provider.equals("AZURE")) {
                rows.add(new Object[] {"AZURE_TENANT_ID", "String", p.path("AZURE_TENANT_ID").asText(), ""});
                rows.add(new Object[] {"AZURE_CONSENT_URL", "String", consentUrl(p.path("AZURE_TENANT_ID").asText(), appId), ""});
                rows.add(new Object[] {"AZURE_MULTI_TENANT_APP_NAME", "String", appName, ""});
            } else {
                rows.add(new Object[] {"STORAGE_GCP_SERVICE_ACCOUNT", "String", "autosync-local-" + appId.substring(0, 8)
                        + "@autosync-emulator.iam.gserviceaccount.com", ""});
            }
        } else {
            String provider = p.path("NOTIFICATION_PROVIDER").asText().toUpperCase(Locale.ROOT);
            rows.add(new Object[] {"TYPE", "String", "QUEUE", ""});
            rows.add(new Object[] {"NOTIFICATION_PROVIDER", "String", provider, ""});
            if (provider.equals("AZURE_STORAGE_QUEUE")) {
                rows.add(new Object[] {"AZURE_STORAGE_QUEUE_PRIMARY_URI", "String", p.path("AZURE_STORAGE_QUEUE_PRIMARY_URI").asText(), ""});
                rows.add(new Object[] {"AZURE_TENANT_ID", "String", p.path("AZURE_TENANT_ID").asText(), ""});
                rows.add(new Object[] {"AZURE_CONSENT_URL", "String", consentUrl(p.path("AZURE_TENANT_ID").asText(), appId), ""});
                rows.add(new Object[] {"AZURE_MULTI_TENANT_APP_NAME", "String", appName, ""});
            } else {
                rows.add(new Object[] {"GCP_PUBSUB_SUBSCRIPTION_NAME", "String", p.path("GCP_PUBSUB_SUBSCRIPTION_NAME").asText(), ""});
                rows.add(new Object[] {"GCP_PUBSUB_SERVICE_ACCOUNT", "String", "autosync-local-pubsub-" + appId.substring(0, 8)
                        + "@autosync-emulator.iam.gserviceaccount.com", ""});
            }
        }
        rows.add(new Object[] {"COMMENT", "String", i.comment() == null ? "" : i.comment(), ""});
        return properties(rows);
    }

    private static String consentUrl(String tenant, String appId) {
        return "https://login.microsoftonline.com/" + tenant + "/oauth2/authorize?client_id=" + appId + "&response_type=code";
    }

    /** The data_type column of SHOW COLUMNS: a JSON object. */
    static String dataTypeJson(String sfType) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        String t = sfType.toUpperCase(Locale.ROOT).replaceFirst(" COLLATE .*", "");
        if (t.startsWith("NUMBER")) {
            String[] ps = t.substring(7, t.length() - 1).split(",");
            o.put("type", "FIXED").put("precision", Integer.parseInt(ps[0])).put("scale", Integer.parseInt(ps[1]));
        } else if (t.startsWith("VARCHAR")) {
            o.put("type", "TEXT").put("length", Integer.parseInt(t.substring(8, t.length() - 1)));
        } else {
            o.put("type", t.replaceAll("\\(.*", ""));
        }
        o.put("nullable", true);
        return o.toString();
    }
}
