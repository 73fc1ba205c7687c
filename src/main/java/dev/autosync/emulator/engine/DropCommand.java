package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs DROP: commits an open transaction (as all DDL does), drops the object, and forgets it as
 * the session's current database or schema (a dropped current schema gives way to PUBLIC).
 */
final class DropCommand {
    private final Catalog catalog;
    private final Transactions transactions;
    private final Drops drops;

    DropCommand(Catalog catalog, Transactions transactions, Drops drops) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.drops = drops;
    }

    Result run(StatementContext st) throws SQLException {
        DropStatement drop = DropStatement.parse(st);
        Session session = st.session();
        transactions.commit(session);
        CatalogObject o = find(st, drop.kind(), drop.parts());
        if (o == null) {
            if (drop.ifExists()) {
                return Result.ddl("Drop statement executed successfully (" + drop.display() + " already dropped).");
            }
            throw SnowflakeError.doesNotExist(drop.kind() == null ? "Integration" : drop.kind().label(),
                    String.join(".", drop.parts()));
        }
        drops.drop(session, o, false);
        if (o.kind() == CatalogKind.DATABASE && o.name().equals(session.database())) {
            session.database(null);
            session.schema(null);
        } else if (o.kind() == CatalogKind.SCHEMA && o.name().equals(session.schema())
                && o.ref().db().equals(session.database())) {
            // the DROP SCHEMA page's example: after dropping the schema CREATE SCHEMA had made current, SHOW SCHEMAS
            // marks PUBLIC current (UNVERIFIED beyond that example: PUBLIC when the database has it, else none)
            boolean hasPublic = !o.name().equals("PUBLIC")
                    && catalog.find(CatalogKind.SCHEMA, new ObjectRef(o.ref().db(), null, "PUBLIC")).isPresent();
            session.schema(hasPublic ? "PUBLIC" : null);
        }
        return Result.ddl(drop.display() + " successfully dropped.");
    }

    private CatalogObject find(StatementContext st, CatalogKind kind, List<String> parts) {
        if (kind == null) {
            return catalog.findIntegration(ObjectRef.account(ContainerStatements.single(parts, "integration"))).orElse(null);
        }
        if (kind.isAccountLevel()) {
            return catalog.find(kind, ObjectRef.account(ContainerStatements.single(parts, kind.label()))).orElse(null);
        }
        if (kind == CatalogKind.SCHEMA) {
            String db = parts.size() == 2 ? parts.get(0) : st.session().database();
            if (db == null) {
                throw SnowflakeError.noCurrentDatabase("DROP SCHEMA");
            }
            return catalog.find(kind, new ObjectRef(db, null, parts.get(parts.size() - 1))).orElse(null);
        }
        return catalog.find(kind, st.resolve(parts, "DROP")).orElse(null);
    }
}
