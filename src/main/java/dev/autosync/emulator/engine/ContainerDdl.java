package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.Names;

import java.sql.SQLException;

/** Creates and alters databases, schemas and warehouses; a new database or schema becomes the session's current one. */
final class ContainerDdl {
    private final Catalog catalog;
    private final Transactions transactions;
    private final ExistingObjects existing;

    ContainerDdl(Catalog catalog, Transactions transactions, ExistingObjects existing) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.existing = existing;
    }

    Result createDatabase(StatementContext st, CreateHeader h) throws SQLException {
        return create(st.session(), h, ContainerStatements.createDatabase(st));
    }

    Result createSchema(StatementContext st, CreateHeader h) throws SQLException {
        return create(st.session(), h, ContainerStatements.createSchema(st, catalog));
    }

    Result createWarehouse(StatementContext st, CreateHeader h) throws SQLException {
        return create(st.session(), h, ContainerStatements.createWarehouse(st));
    }

    Result alter(StatementContext st, String kind) throws SQLException {
        return alter(st.session(), ContainerStatements.alter(st, kind));
    }

    private Result create(Session s, CreateHeader h, ContainerStatements.CreateDatabase d) throws SQLException {
        Result done = existing.check(s, CatalogKind.DATABASE, ObjectRef.account(d.name()), h);
        if (done != null) {
            return done;
        }
        transactions.atomically(s, () -> {
            catalog.create(s.conn(), CatalogKind.DATABASE, ObjectRef.account(d.name()), Options.text(d.props(), "COMMENT"),
                    d.props(), null);
            createSchemaObject(s, d.name(), "PUBLIC", null);
        });
        s.database(d.name());
        s.schema("PUBLIC");
        return Result.ddl("Database " + d.name() + " successfully created.");
    }

    private Result create(Session s, CreateHeader h, ContainerStatements.CreateSchema d) throws SQLException {
        Result done = existing.check(s, CatalogKind.SCHEMA, new ObjectRef(d.database(), null, d.name()), h);
        if (done != null) {
            return done;
        }
        transactions.atomically(s, () -> createSchemaObject(s, d.database(), d.name(), Options.text(d.props(), "COMMENT")));
        s.database(d.database());
        s.schema(d.name());
        return Result.ddl("Schema " + d.name() + " successfully created.");
    }

    private void createSchemaObject(Session s, String db, String schema, String comment) throws SQLException {
        s.exec("CREATE SCHEMA IF NOT EXISTS " + Names.schema(db, schema));
        catalog.create(s.conn(), CatalogKind.SCHEMA, new ObjectRef(db, null, schema), comment, null, null);
    }

    private Result create(Session s, CreateHeader h, ContainerStatements.CreateWarehouse d) throws SQLException {
        Result done = existing.check(s, CatalogKind.WAREHOUSE, ObjectRef.account(d.name()), h);
        if (done != null) {
            return done;
        }
        transactions.atomic(s, () -> catalog.create(s.conn(), CatalogKind.WAREHOUSE, ObjectRef.account(d.name()),
                Options.text(d.props(), "COMMENT"), d.props(), null));
        s.warehouse(d.name());
        return Result.ddl("Warehouse " + d.name() + " successfully created.");
    }

    private Result alter(Session s, ContainerStatements.Alter a) throws SQLException {
        ObjectNode props = a.set();
        if (props == null) {
            return Result.ddl("Statement executed successfully.");
        }
        String first = a.parts().get(0);
        CatalogObject o = switch (a.kind()) {
            case "DATABASE" -> catalog.require(CatalogKind.DATABASE, ObjectRef.account(first));
            case "WAREHOUSE" -> catalog.find(CatalogKind.WAREHOUSE, ObjectRef.account(first)).orElse(null);
            default -> catalog.require(CatalogKind.SCHEMA, new ObjectRef(a.parts().size() == 2 ? first : s.database(),
                    null, a.parts().get(a.parts().size() - 1)));
        };
        if (o != null) {
            props.fields().forEachRemaining(e -> o.props().set(e.getKey(), e.getValue()));
            if (props.has("COMMENT")) {
                o.comment(props.get("COMMENT").asText());
            }
            transactions.atomically(s, () -> catalog.save(s.conn(), o));
        }
        return Result.ddl("Statement executed successfully.");
    }
}
