package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.SQLException;

/** Creates a view: the DuckDB view of its translated body, and its columns as DuckDB describes them. */
final class ViewDdl {
    private final Catalog catalog;
    private final Transactions transactions;
    private final ExistingObjects existing;

    ViewDdl(Catalog catalog, Transactions transactions, ExistingObjects existing) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.existing = existing;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        return create(st, h, CreateView.parse(st, catalog));
    }

    private Result create(StatementContext st, CreateHeader h, CreateView v) throws SQLException {
        Session s = st.session();
        ObjectRef ref = v.ref();
        Result done = existing.check(s, CatalogKind.VIEW, ref, h);
        if (done != null) {
            return done;
        }
        ObjectNode props = v.props();
        props.put("TEXT", st.text());
        props.put("BODY", v.body());
        transactions.atomically(s, () -> {
            s.exec("CREATE VIEW " + ref.duckName() + v.columnList() + " AS " + v.query());
            catalog.create(s.conn(), CatalogKind.VIEW, ref, Options.text(props, "COMMENT"), props,
                    DuckColumns.describe(s, ref.duckName()));
        });
        return Result.ddl("View " + ref.name() + " successfully created.");
    }
}
