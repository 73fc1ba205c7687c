package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static dev.autosync.emulator.engine.ObjectRows.comment;
import static dev.autosync.emulator.engine.ObjectRows.created;

/**
 * SHOW for the objects the pipeline uses, with Snowflake's (lower-case) column names, LIKE
 * (case-insensitive) and IN ACCOUNT / DATABASE / SCHEMA scopes.
 */
final class Show {
    private static final SfType LTZ = SfType.TIMESTAMP_LTZ;

    private final Catalog catalog;
    private final ObjectRows objectRows;
    private final ShowKeys keys;

    Show(Catalog catalog, ObjectRows objectRows) {
        this.catalog = catalog;
        this.objectRows = objectRows;
        this.keys = new ShowKeys(catalog);
    }

    /** Where SHOW looks: a database (schema null), a schema, or the whole account (both null). */
    private record Scope(String db, String schema) {
        boolean contains(ObjectRef r) {
            return (db == null || db.equals(r.db())) && (schema == null || schema.equals(r.schema()));
        }
    }

    Result run(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        Session session = st.session();
        c.expect("SHOW");
        c.accept("TERSE");
        String kind = KindWord.read(c);
        if (c.isWord("KEYS") && (kind.equals("PRIMARY") || kind.equals("UNIQUE") || kind.equals("IMPORTED") || kind.equals("EXPORTED"))) {
            return keys.run(st, kind);
        }
        Predicate<String> like = n -> true;
        if (c.accept("LIKE")) {
            String pattern = c.expect(TokenType.STRING).value();
            Pattern p = Pattern.compile(likeToRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            like = n -> p.matcher(n).matches();
        }
        if (kind.equals("PARAMETERS")) {
            return parameters(c, like, session);
        }
        boolean named = c.isWord("IN");
        Scope scope = scope(st);
        if (named && !kind.equals("VARIABLES") && !kind.equals("DATABASES") && !kind.equals("WAREHOUSES")
                && !kind.startsWith("INTEGRATIONS") && !kind.endsWith("_INTEGRATIONS")) {
            // a database or schema named by IN must exist, as for SHOW OBJECTS (snowflake-jdbc's DatabaseMetaData reads
            // this 42S02 as "no rows" and so logs no result metrics: ResultSetLatestIT testMetadataAPIMetricCollection)
            requireScope(scope);
        }
        if (c.accept("STARTS")) {
            c.expect("WITH");
            String prefix = c.expect(TokenType.STRING).value();
            Predicate<String> prev = like;
            like = n -> prev.test(n) && n.startsWith(prefix);
        }
        if (c.accept("LIMIT")) {
            c.next();
        }
        Predicate<String> filter = like;
        return switch (kind) {
            case "VARIABLES" -> SessionVariables.show(session, filter);
            case "DATABASES" -> databases(filter, session);
            case "SCHEMAS" -> schemas(filter, scope, session);
            case "TABLES" -> tables(filter, scope, session);
            case "VIEWS" -> views(filter, scope);
            case "COLUMNS" -> columns(filter, scope);
            case "STAGES" -> stages(filter, scope);
            case "FILE_FORMATS" -> fileFormats(filter, scope);
            case "INTEGRATIONS", "STORAGE_INTEGRATIONS", "NOTIFICATION_INTEGRATIONS" -> integrations(filter, kind);
            case "PIPES" -> result(ObjectRows.pipeColumns(), objectRows.pipes(select(CatalogKind.PIPE, filter, scope)));
            case "STREAMS" -> result(ObjectRows.streamColumns(),
                    objectRows.streams(session, select(CatalogKind.STREAM, filter, scope)));
            case "TASKS" -> result(ObjectRows.taskColumns(), ObjectRows.tasks(select(CatalogKind.TASK, filter, scope)));
            case "WAREHOUSES" -> warehouses(filter);
            case "STREAMLITS" -> result(StreamlitDdl.showColumns(), StreamlitDdl.showRows(select(CatalogKind.STREAMLIT, filter, scope)));
            case "OBJECTS" -> objects(filter, scope);
            case "PROCEDURES", "USER_PROCEDURES" -> Procedures.show(select(CatalogKind.PROCEDURE, filter, scope));
            default -> throw SnowflakeError.unsupported("SHOW " + kind.replace('_', ' '));
        };
    }

    private Scope scope(StatementContext st) {
        Cursor c = st.cursor();
        Session session = st.session();
        if (!c.accept("IN")) {
            return new Scope(session.database(), null);
        }
        if (c.accept("ACCOUNT")) {
            return new Scope(null, null);
        }
        if (c.accept("DATABASE")) {
            if (c.atEnd() || c.isWord("STARTS") || c.isWord("LIMIT")) {
                return new Scope(session.database(), null);
            }
            return new Scope(c.next().identifierName(), null);
        }
        boolean schemaWord = c.accept("SCHEMA");
        if (schemaWord && (c.atEnd() || c.isWord("STARTS") || c.isWord("LIMIT"))) {
            return new Scope(session.database(), session.schema());
        }
        List<String> parts = st.translator().nameParts();
        if (parts.size() == 2) {
            return new Scope(parts.get(0), parts.get(1));
        }
        if (schemaWord) {
            return new Scope(session.database(), parts.get(0));
        }
        if (catalog.databaseExists(parts.get(0))) {
            return new Scope(parts.get(0), null);
        }
        return new Scope(session.database(), parts.get(0));
    }

    private List<CatalogObject> select(CatalogKind kind, Predicate<String> like, Scope scope) {
        List<CatalogObject> out = new ArrayList<>();
        for (CatalogObject o : catalog.list(kind)) {
            if (like.test(o.name()) && scope.contains(o.ref())) {
                out.add(o);
            }
        }
        return out;
    }

    private static String likeToRegex(String like) {
        StringBuilder sb = new StringBuilder();
        for (char ch : like.toCharArray()) {
            switch (ch) {
                case '%' -> sb.append(".*");
                case '_' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return sb.toString();
    }

    /**
     * SHOW PARAMETERS [LIKE] [IN SESSION | IN ACCOUNT | IN USER]: the session parameters the emulator
     * knows, with the session's value, the default and the level it was set at ("SHOW PARAMETERS").
     * Parameters of objects (IN TABLE, IN WAREHOUSE ...) are refused by name.
     */
    private static Result parameters(Cursor c, Predicate<String> like, Session session) {
        if (c.accept("IN")) {
            String where = c.next().upper();
            if (!where.equals("SESSION") && !where.equals("ACCOUNT") && !where.equals("USER")) {
                throw SnowflakeError.unsupported("SHOW PARAMETERS IN " + where);
            }
            if (!c.atEnd()) {
                c.next();
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Session.Parameter p : session.parameterList()) {
            if (like.test(p.name())) {
                rows.add(new Object[] {p.name(), p.value(), p.defaultValue(), p.set() ? "SESSION" : "", "", p.type()});
            }
        }
        return result(List.of(text("key"), text("value"), text("default"), text("level"), text("description"), text("type")), rows);
    }

    /** SHOW OBJECTS: the tables and views in scope ("SHOW OBJECTS"); a scope that does not exist is an error. */
    private Result objects(Predicate<String> like, Scope scope) {
        requireScope(scope);
        List<Object[]> rows = new ArrayList<>();
        for (CatalogKind kind : List.of(CatalogKind.TABLE, CatalogKind.VIEW)) {
            for (CatalogObject o : select(kind, like, scope)) {
                rows.add(new Object[] {created(o), o.name(), o.ref().db(), o.ref().schema(), kind.name(), comment(o), "", null, null,
                        "SYSADMIN", "1", "ROLE", null, "N", "N"});
            }
        }
        rows.sort(java.util.Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (String) r[3])
                .thenComparing(r -> (String) r[1]));
        return result(List.of(col("created_on", LTZ), text("name"), text("database_name"), text("schema_name"), text("kind"),
                text("comment"), text("cluster_by"), ResultColumn.number("rows"), ResultColumn.number("bytes"), text("owner"),
                text("retention_time"), text("owner_role_type"), text("budget"), text("is_hybrid"), text("is_dynamic")), rows);
    }

    private void requireScope(Scope scope) {
        if (scope.db() != null && !catalog.databaseExists(scope.db())) {
            throw SnowflakeError.doesNotExist("Database", dev.autosync.emulator.base.Names.display(scope.db()));
        }
        if (scope.schema() != null && !catalog.schemaExists(scope.db(), scope.schema())) {
            throw SnowflakeError.doesNotExist("Schema", dev.autosync.emulator.base.Names.display(scope.schema()));
        }
    }

    private static ResultColumn text(String name) {
        return ResultColumn.text(name);
    }

    private static ResultColumn col(String name, SfType t) {
        return new ResultColumn(name, t);
    }

    private static Result result(List<ResultColumn> cols, List<Object[]> rows) {
        return new Result(StatementKind.SHOW, cols, rows);
    }

    private Result databases(Predicate<String> like, Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.DATABASE)) {
            if (like.test(o.name())) {
                boolean current = o.name().equals(session.database());
                rows.add(new Object[] {created(o), o.name(), current ? "Y" : "N", current ? "Y" : "N", "", "SYSADMIN", comment(o),
                        "", "1", "STANDARD", null, "ROLE"});
            }
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("is_default"), text("is_current"), text("origin"),
                text("owner"), text("comment"), text("options"), text("retention_time"), text("kind"), text("budget"),
                text("owner_role_type")), rows);
    }

    private Result schemas(Predicate<String> like, Scope scope, Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.SCHEMA)) {
            if (like.test(o.name()) && (scope.db() == null || scope.db().equals(o.ref().db()))) {
                boolean current = o.name().equals(session.schema()) && o.ref().db().equals(session.database());
                rows.add(new Object[] {created(o), o.name(), "N", current ? "Y" : "N", o.ref().db(), "SYSADMIN", comment(o), "",
                        "1", "ROLE", null});
            }
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("is_default"), text("is_current"),
                text("database_name"), text("owner"), text("comment"), text("options"), text("retention_time"),
                text("owner_role_type"), text("budget")), rows);
    }

    private Result tables(Predicate<String> like, Scope scope, Session session) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : select(CatalogKind.TABLE, like, scope)) {
            long count = count(session, o.ref().duckName());
            boolean tracked = o.flag("CHANGE_TRACKING_ENABLED");
            rows.add(new Object[] {created(o), o.name(), o.ref().db(), o.ref().schema(), o.flag("TEMPORARY") ? "TEMPORARY" : "TABLE",
                    comment(o), "", count, count * 64, "SYSADMIN", "1", "OFF", tracked ? "ON" : "OFF", "N", "N", "ROLE", "N", null});
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("database_name"), text("schema_name"), text("kind"),
                text("comment"), text("cluster_by"), ResultColumn.number("rows"), ResultColumn.number("bytes"), text("owner"),
                text("retention_time"), text("automatic_clustering"), text("change_tracking"), text("is_external"),
                text("enable_schema_evolution"), text("owner_role_type"), text("is_event"), text("budget")), rows);
    }

    private static long count(Session session, String relation) throws SQLException {
        try (Statement s = session.conn().createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Result views(Predicate<String> like, Scope scope) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : select(CatalogKind.VIEW, like, scope)) {
            rows.add(new Object[] {created(o), o.name(), "", o.ref().db(), o.ref().schema(), "SYSADMIN", comment(o),
                    o.prop("TEXT"), "false", "false", "ROLE", "OFF"});
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("reserved"), text("database_name"),
                text("schema_name"), text("owner"), text("comment"), text("text"), text("is_secure"), text("is_materialized"),
                text("owner_role_type"), text("change_tracking")), rows);
    }

    private Result columns(Predicate<String> like, Scope scope) {
        List<Object[]> rows = new ArrayList<>();
        List<CatalogObject> relations = new ArrayList<>(catalog.list(CatalogKind.TABLE));
        relations.addAll(catalog.list(CatalogKind.VIEW));
        for (CatalogObject o : relations) {
            if (!scope.contains(o.ref())) {
                continue;
            }
            for (ColumnDef col : o.columns()) {
                if (like.test(col.name())) {
                    rows.add(new Object[] {o.name(), o.ref().schema(), col.name(), Describe.dataTypeJson(col.sfType()),
                            String.valueOf(col.nullable()), col.defaultExpr() == null ? "" : col.defaultExpr(), "COLUMN", "",
                            col.comment() == null ? "" : col.comment(), o.ref().db(), ""});
                }
            }
        }
        return result(List.of(text("table_name"), text("schema_name"), text("column_name"), text("data_type"), text("null?"),
                text("default"), text("kind"), text("expression"), text("comment"), text("database_name"),
                text("autoincrement")), rows);
    }

    private Result stages(Predicate<String> like, Scope scope) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : select(CatalogKind.STAGE, like, scope)) {
            String url = o.prop("URL");
            String cloud = url == null ? null : url.substring(0, url.indexOf("://")).toUpperCase(Locale.ROOT).replace("S3GOV", "AWS")
                    .replace("S3", "AWS").replace("GCS", "GCP");
            rows.add(new Object[] {created(o), o.name(), o.ref().db(), o.ref().schema(), url == null ? "" : url,
                    o.props().has("CREDENTIALS") ? "true" : "false", "false", "SYSADMIN", comment(o), null,
                    url == null ? "INTERNAL" : "EXTERNAL", cloud, null, o.prop("STORAGE_INTEGRATION"), null, "ROLE", "false"});
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("database_name"), text("schema_name"), text("url"),
                text("has_credentials"), text("has_encryption_key"), text("owner"), text("comment"), text("region"),
                text("type"), text("cloud"), text("notification_channel"), text("storage_integration"), text("endpoint"),
                text("owner_role_type"), text("directory_enabled")), rows);
    }

    private Result fileFormats(Predicate<String> like, Scope scope) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : select(CatalogKind.FILE_FORMAT, like, scope)) {
            ObjectNode opts = o.props().deepCopy();
            opts.remove("COMMENT");
            rows.add(new Object[] {created(o), o.name(), o.ref().db(), o.ref().schema(), o.prop("TYPE"), "SYSADMIN", comment(o),
                    opts.toString(), "ROLE"});
        }
        return result(List.of(col("created_on", LTZ), text("name"), text("database_name"), text("schema_name"), text("type"),
                text("owner"), text("comment"), text("format_options"), text("owner_role_type")), rows);
    }

    private Result integrations(Predicate<String> like, String kind) {
        List<Object[]> rows = new ArrayList<>();
        List<CatalogObject> all = new ArrayList<>();
        if (!kind.equals("NOTIFICATION_INTEGRATIONS")) {
            all.addAll(catalog.list(CatalogKind.STORAGE_INTEGRATION));
        }
        if (!kind.equals("STORAGE_INTEGRATIONS")) {
            all.addAll(catalog.list(CatalogKind.NOTIFICATION_INTEGRATION));
        }
        for (CatalogObject o : all) {
            if (!like.test(o.name())) {
                continue;
            }
            boolean storage = o.kind() == CatalogKind.STORAGE_INTEGRATION;
            String type = storage ? "EXTERNAL_STAGE" : "QUEUE - " + o.prop("NOTIFICATION_PROVIDER");
            rows.add(new Object[] {o.name(), type, storage ? "STORAGE" : "NOTIFICATION",
                    String.valueOf(Options.bool(o.props(), "ENABLED", true)), comment(o), created(o)});
        }
        return result(List.of(text("name"), text("type"), text("category"), text("enabled"), text("comment"),
                col("created_on", LTZ)), rows);
    }

    private Result warehouses(Predicate<String> like) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : catalog.list(CatalogKind.WAREHOUSE)) {
            if (like.test(o.name())) {
                rows.add(new Object[] {o.name(), "STARTED", "STANDARD", o.prop("WAREHOUSE_SIZE") == null ? "X-Small"
                        : o.prop("WAREHOUSE_SIZE"), comment(o), created(o)});
            }
        }
        return result(List.of(text("name"), text("state"), text("type"), text("size"), text("comment"), col("created_on", LTZ)), rows);
    }
}
