package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Routes CREATE, ALTER and COMMENT to the command for the kind of object. As in Snowflake, DDL
 * commits any open transaction (once its kind is read) and then commits itself.
 */
final class Ddl {
    private final Catalog catalog;
    private final Transactions transactions;
    private final ContainerDdl containers;
    private final TableDdl tables;
    private final ViewDdl views;
    private final StageDdl stages;
    private final PipeDdl pipes;
    private final StreamDdl streams;
    private final TaskDdl tasks;
    private final Privileges privileges;
    private final StreamlitDdl streamlits;

    Ddl(Catalog catalog, Transactions transactions, ContainerDdl containers, TableDdl tables, ViewDdl views, StageDdl stages,
        PipeDdl pipes, StreamDdl streams, TaskDdl tasks, Privileges privileges, StreamlitDdl streamlits) {
        this.streamlits = streamlits;
        this.catalog = catalog;
        this.transactions = transactions;
        this.containers = containers;
        this.tables = tables;
        this.views = views;
        this.stages = stages;
        this.pipes = pipes;
        this.streams = streams;
        this.tasks = tasks;
        this.privileges = privileges;
    }

    Result create(StatementContext st) throws SQLException {
        CreateHeader h = CreateHeader.parse(st.cursor());
        transactions.commit(st.session());
        checkCreatePrivilege(st, h);
        return switch (h.kind()) {
            case "DATABASE" -> containers.createDatabase(st, h);
            case "SCHEMA" -> containers.createSchema(st, h);
            case "TABLE" -> tables.create(st, h);
            case "VIEW" -> views.create(st, h);
            case "WAREHOUSE" -> containers.createWarehouse(st, h);
            case "STAGE", "FILE_FORMAT", "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION" -> stages.create(st, h);
            case "INTEGRATION" -> throw SnowflakeError.unsupported("CREATE INTEGRATION without STORAGE or NOTIFICATION");
            case "PIPE" -> pipes.create(st, h);
            case "STREAM" -> streams.create(st, h);
            case "TASK" -> tasks.create(st, h);
            case "STREAMLIT" -> streamlits.create(st, h);
            default -> throw SnowflakeError.unsupported("CREATE " + h.kind());
        };
    }

    /** CREATE DATABASE / INTEGRATION on the account, CREATE SCHEMA on the database, CREATE &lt;kind&gt; on the schema. */
    private void checkCreatePrivilege(StatementContext st, CreateHeader h) throws SQLException {
        if (h.temporary() || h.kind().equals("WAREHOUSE")) {
            return;
        }
        Cursor c = st.cursor();
        int at = c.position();
        List<String> parts = st.translator().nameParts();
        c.reset(at);
        Session s = st.session();
        String kind = h.kind().replace('_', ' ');
        switch (h.kind()) {
            case "DATABASE" -> {
                privileges.require(s, "CREATE DATABASE", "ACCOUNT", "", "account 'AUTOSYNC_LOCAL'");
                privileges.own(s, "DATABASE", parts.get(parts.size() - 1));
            }
            case "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION", "INTEGRATION" ->
                    privileges.require(s, "CREATE INTEGRATION", "ACCOUNT", "", "account 'AUTOSYNC_LOCAL'");
            case "SCHEMA" -> {
                String db = parts.size() > 1 ? parts.get(0) : s.database();
                privileges.require(s, "CREATE SCHEMA", "DATABASE", String.valueOf(db), "database '" + db + "'");
                privileges.own(s, "SCHEMA", db + "." + parts.get(parts.size() - 1));
            }
            default -> {
                String db = parts.size() == 3 ? parts.get(0) : s.database();
                String schema = parts.size() == 3 ? parts.get(1) : parts.size() == 2 ? parts.get(0) : s.schema();
                privileges.require(s, "CREATE " + kind, "SCHEMA", db + "." + schema, "schema '" + schema + "'");
                // so that it may read what it created (SELECT on tables and views is checked for roles other than the admins)
                if (!privileges.isAdmin(s, s.role())) {
                    privileges.own(s, kind, db + "." + schema + "." + parts.get(parts.size() - 1));
                }
            }
        }
    }

    Result alter(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        c.expect("ALTER");
        String kind = KindWord.read(c);
        if (kind.equals("SESSION")) {
            return alterSession(st);
        }
        transactions.commit(st.session());
        return switch (kind) {
            case "TABLE" -> tables.alter(st);
            case "PIPE" -> pipes.alter(st);
            case "TASK" -> tasks.alter(st);
            case "STREAMLIT" -> streamlits.alter(st);
            case "STREAM" -> comment(st.session(), CommentChange.alter(st, catalog, CatalogKind.STREAM));
            case "VIEW" -> comment(st.session(), CommentChange.alter(st, catalog, CatalogKind.VIEW));
            case "DATABASE", "SCHEMA", "WAREHOUSE" -> containers.alter(st, kind);
            case "STAGE", "FILE_FORMAT", "STORAGE_INTEGRATION", "NOTIFICATION_INTEGRATION", "INTEGRATION" ->
                    stages.alter(st, kind);
            default -> throw SnowflakeError.unsupported("ALTER " + kind);
        };
    }

    /**
     * ALTER SESSION SET / UNSET: the session keeps every parameter and echoes it to the driver with
     * each result ("Parameters"); setting or unsetting AUTOCOMMIT commits an open transaction, as
     * "Transactions" (AUTOCOMMIT) says, whatever the value.
     */
    private Result alterSession(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        Session session = st.session();
        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        if (c.accept("UNSET")) {
            do {
                changes.put(c.next().upper(), null);
            } while (c.accept(dev.autosync.sql.TokenType.COMMA));
        } else {
            c.accept("SET");
            ObjectNode set = Options.parse(c, Set.of());
            set.fields().forEachRemaining(e -> changes.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        if (changes.containsKey("AUTOCOMMIT")) {
            transactions.commit(session);
        }
        for (java.util.Map.Entry<String, String> e : changes.entrySet()) {
            session.parameter(e.getKey(), e.getValue());
        }
        return Result.status(StatementKind.ALTER_SESSION, "Statement executed successfully.");
    }

    /** COMMENT ON: no transaction boundary, unlike the DDL around it. */
    Result commentOn(StatementContext st) throws SQLException {
        return comment(st.session(), CommentChange.commentOn(st, catalog));
    }

    private Result comment(Session s, CommentChange change) throws SQLException {
        CatalogObject o = change.target();
        if (o != null) {
            if (change.changes()) {
                o.comment(change.comment());
            }
            transactions.atomically(s, () -> catalog.save(s.conn(), o));
        }
        return Result.ddl("Statement executed successfully.");
    }
}
