package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;

import java.sql.SQLException;

/**
 * Drops an object in one transaction, with whatever lives inside it (a schema's objects) and the
 * state kept for it elsewhere: a pipe's queue, a table's change tracking (its streams go stale), a
 * stream's offset, a task's pending EXECUTE TASK, an internal stage's files, a table's stage files.
 */
final class Drops {
    private final Catalog catalog;
    private final Transactions transactions;
    private final Stages stages;
    private final Streams streams;
    private final PipeQueue pipeQueue;
    private final TaskRequests taskRequests;

    Drops(Catalog catalog, Transactions transactions, Stages stages, Streams streams, PipeQueue pipeQueue,
          TaskRequests taskRequests) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.stages = stages;
        this.streams = streams;
        this.pipeQueue = pipeQueue;
        this.taskRequests = taskRequests;
    }

    /** Drops {@code o}; {@code replacing} when CREATE OR REPLACE makes a new one under the same name. */
    void drop(Session s, CatalogObject o, boolean replacing) throws SQLException {
        transactions.atomically(s, () -> dropInside(s, o, replacing));
        if (o.kind() == CatalogKind.STAGE) {
            stages.deleteStageFiles(o);
        }
        if (o.kind() == CatalogKind.TABLE) {
            stages.deleteTableStageFiles(o);
        }
        if (o.kind() == CatalogKind.STREAMLIT) {
            try {
                StreamlitDdl.delete(stages.streamlitFolder(o.ref()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void dropInside(Session s, CatalogObject o, boolean replacing) throws SQLException {
        switch (o.kind()) {
            case DATABASE -> {
                for (CatalogObject inner : catalog.contents(o.name(), null)) {
                    if (inner.kind() == CatalogKind.SCHEMA) {
                        dropInside(s, inner, false);
                    }
                }
            }
            case SCHEMA -> {
                for (CatalogObject inner : catalog.contents(o.ref().db(), o.name())) {
                    dropInside(s, inner, false);
                    if (inner.kind() == CatalogKind.STAGE) {
                        stages.deleteStageFiles(inner);
                    }
                    if (inner.kind() == CatalogKind.TABLE) {
                        stages.deleteTableStageFiles(inner);
                    }
                }
                s.exec("DROP SCHEMA IF EXISTS " + Names.schema(o.ref().db(), o.name()) + " CASCADE");
            }
            case TABLE -> {
                streams.tableDropped(s, o, replacing);
                s.exec("DROP TABLE IF EXISTS " + o.ref().duckName());
            }
            case VIEW -> s.exec("DROP VIEW IF EXISTS " + o.ref().duckName());
            case PIPE -> pipeQueue.clear(s, o.id());
            case STREAM -> streams.dropped(s, o);
            case TASK -> taskRequests.cancel(o.id());
            default -> {
            }
        }
        catalog.remove(s.conn(), o);
    }
}
