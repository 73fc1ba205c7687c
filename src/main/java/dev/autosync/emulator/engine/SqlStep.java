package dev.autosync.emulator.engine;

import java.sql.SQLException;

/** Work on DuckDB without a result, run in a transaction. */
@FunctionalInterface
interface SqlStep {
    void run() throws SQLException;
}
