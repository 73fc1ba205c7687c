package dev.autosync.emulator.engine;

import java.sql.SQLException;

/**
 * SELECT, and DML (INSERT, UPDATE, DELETE, MERGE, TRUNCATE) through {@link Dml}: with AUTOCOMMIT off, the first
 * DML statement after a transaction ends begins one.
 */
final class Queries {
    private final Catalog catalog;
    private final Streams streams;
    private final History history;
    private final Transactions transactions;

    Queries(Catalog catalog, Streams streams, History history, Transactions transactions) {
        this.catalog = catalog;
        this.streams = streams;
        this.history = history;
        this.transactions = transactions;
    }

    Result select(StatementContext st) throws SQLException {
        String duck = st.translator().resultQuery();
        if (!st.cursor().atEnd()) {
            throw st.cursor().unexpected();
        }
        // A SELECT never moves a stream's offset.
        st.streamsRead().clear();
        return ColumnOrigins.apply(st, catalog, st.query(StatementKind.SELECT, duck));
    }

    Result dml(StatementContext st) throws SQLException {
        if (!st.session().autocommit()) {
            // "Transactions" (AUTOCOMMIT): with AUTOCOMMIT off, the first DML statement after a transaction ends begins one
            transactions.begin(st.session());
        }
        return new Dml(catalog, streams, history, transactions, st).run();
    }
}
