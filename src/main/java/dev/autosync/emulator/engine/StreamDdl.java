package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;

/** Creates a stream: turns on its table's change tracking and starts the stream at the table's current change. */
final class StreamDdl {
    private final Catalog catalog;
    private final Streams streams;
    private final Transactions transactions;
    private final ExistingObjects existing;

    StreamDdl(Catalog catalog, Streams streams, Transactions transactions, ExistingObjects existing) {
        this.catalog = catalog;
        this.streams = streams;
        this.transactions = transactions;
        this.existing = existing;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        return create(st.session(), h, CreateStream.parse(st, catalog));
    }

    private Result create(Session s, CreateHeader h, CreateStream cs) throws SQLException {
        ObjectRef ref = cs.ref();
        Result done = existing.check(s, CatalogKind.STREAM, ref, h);
        if (done != null) {
            return done;
        }
        ObjectNode props = cs.props();
        props.put("TABLE_ID", cs.table().id());
        props.put("TABLE_NAME", cs.tableRef().display());
        props.put("MODE", Options.bool(props, "APPEND_ONLY", false) ? "APPEND_ONLY" : "DEFAULT");
        transactions.atomically(s, () -> {
            streams.enableTracking(s, cs.table());
            CatalogObject stream = catalog.create(s.conn(), CatalogKind.STREAM, ref, Options.text(props, "COMMENT"), props, null);
            streams.register(s, stream, Options.bool(props, "SHOW_INITIAL_ROWS", false));
        });
        return Result.ddl("Stream " + ref.name() + " successfully created.");
    }
}
