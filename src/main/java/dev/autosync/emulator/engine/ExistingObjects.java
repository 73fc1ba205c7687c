package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;

import java.sql.SQLException;

/** What CREATE does when its object exists already: nothing (IF NOT EXISTS), replace it (OR REPLACE), or fail. */
final class ExistingObjects {
    private final Catalog catalog;
    private final Drops drops;

    ExistingObjects(Catalog catalog, Drops drops) {
        this.catalog = catalog;
        this.drops = drops;
    }

    /**
     * The statement's result when it is done already (the object exists, IF NOT EXISTS); else null,
     * after dropping the old object for OR REPLACE. A plain CREATE of an existing object fails.
     */
    Result check(Session s, CatalogKind kind, ObjectRef ref, CreateHeader h) throws SQLException {
        CatalogObject old = kind == CatalogKind.TABLE || kind == CatalogKind.VIEW
                ? catalog.findRelation(ref).orElse(null) : catalog.find(kind, ref).orElse(null);
        if (old == null) {
            return null;
        }
        if (h.ifNotExists()) {
            return Result.ddl(Names.display(ref.name()) + " already exists, statement succeeded.");
        }
        if (!h.orReplace()) {
            throw SnowflakeError.alreadyExists(kind.label(), Names.display(ref.name()));
        }
        if (old.kind() != kind && (kind == CatalogKind.TABLE || kind == CatalogKind.VIEW)) {
            throw SnowflakeError.compilation("Object found is of type '" + old.kind().name() + "', not specified type '"
                    + kind.name() + "'.");
        }
        drops.drop(s, old, true);
        return null;
    }

    /** The same for an integration: storage and notification integrations share one namespace. */
    Result checkIntegration(Session s, String name, CreateHeader h) throws SQLException {
        ObjectRef ref = ObjectRef.account(name);
        CatalogObject old = catalog.findIntegration(ref).orElse(null);
        if (old == null) {
            return null;
        }
        return check(s, old.kind(), ref, h);
    }
}
