package dev.autosync.emulator.engine;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The memory the emulator's DuckDB may use for its buffer pool and operators. DuckDB's own default is 80%
 * of the machine's memory, and it keeps every table block it has read or written cached up to that limit:
 * in the 5M-event ingest benchmark its cached table blocks grew with the data (about 300 MB) and the task's
 * MERGE added about 400 MB of window state, for a peak of 1.1 GB resident. With 512 MB the same run peaks
 * lower at the same CPU time: cached blocks are evicted (they are in the file) and large operators spill
 * to the data folder's {@code emulator.duckdb.tmp}.
 */
final class DuckDbMemory {
    /** A JVM system property (mvn -D sets one): a size DuckDB accepts, such as 2GB. */
    static final String PROPERTY = "autosync.emulator.memoryLimit";
    static final String DEFAULT = "512MB";

    private DuckDbMemory() {
    }

    /** The limit asked for by {@link #PROPERTY}, else {@link #DEFAULT}. */
    static String configured() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? DEFAULT : value.trim();
    }

    /** Sets DuckDB's memory_limit; a value DuckDB refuses fails with the property to fix. */
    static void limit(Statement s, String value) {
        try {
            s.execute("SET memory_limit = '" + value.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(PROPERTY + " is '" + value + "', which DuckDB does not accept as a memory size ("
                    + e.getMessage().lines().findFirst().orElse("") + "). Use a size such as -D" + PROPERTY + "=2GB (default "
                    + DEFAULT + ").", e);
        }
    }
}
