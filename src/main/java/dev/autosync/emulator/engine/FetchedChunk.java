package dev.autosync.emulator.engine;

import java.lang.reflect.Field;
import java.sql.ResultSet;

/**
 * How many rows of the chunk DuckDB's JDBC driver fetched last are still unread. The driver (1.5) fetches
 * a result chunk by chunk into Java and says nothing of where a chunk ends; its Arrow export continues
 * after the last fetched chunk, so the rows left in that chunk must be read through JDBC first, or they
 * would be lost. Read from the driver's private fields (the driver's class path is an unnamed module,
 * so no JVM option is needed); when they are not there (another driver version), -1: do not export.
 */
final class FetchedChunk {
    private static final Field CHUNK;
    private static final Field INDEX;
    private static final Field LENGTH;

    static {
        Field chunk = null;
        Field index = null;
        Field length = null;
        try {
            chunk = org.duckdb.DuckDBResultSet.class.getDeclaredField("currentChunk");
            index = org.duckdb.DuckDBResultSet.class.getDeclaredField("chunkIdx");
            length = chunk.getType().getComponentType().getDeclaredField("length");
            chunk.setAccessible(true);
            index.setAccessible(true);
            length.setAccessible(true);
            if (index.getType() != int.class || length.getType() != int.class) {
                chunk = null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            chunk = null;
        }
        CHUNK = chunk;
        INDEX = index;
        LENGTH = length;
    }

    private FetchedChunk() {
    }

    /** Unread rows of {@code rs}'s fetched chunk, counting its current row when {@code currentUnread}; -1 if unknown. */
    static int rowsLeft(ResultSet rs, boolean currentUnread) {
        if (CHUNK == null || !(rs instanceof org.duckdb.DuckDBResultSet)) {
            return -1;
        }
        try {
            Object[] vectors = (Object[]) CHUNK.get(rs);
            if (vectors == null) {
                return -1;
            }
            if (vectors.length == 0) {
                // nothing fetched yet (or the end was reached: then the export has no rows either)
                return 0;
            }
            // the driver's row index is 1-based within the chunk, and points at the current row
            int left = LENGTH.getInt(vectors[0]) - INDEX.getInt(rs) + (currentUnread ? 1 : 0);
            return left < 0 ? -1 : left;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
