package dev.autosync.emulator.engine;

import java.sql.SQLException;

/** Work on DuckDB run under the engine lock or in a transaction; {@link SqlStep} when it has no result. */
@FunctionalInterface
interface SqlWork<T> {
    T run() throws SQLException;
}
