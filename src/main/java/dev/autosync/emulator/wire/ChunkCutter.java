package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;

import java.sql.SQLException;
import java.util.List;

/**
 * Cuts the rows of a result still in DuckDB into Arrow chunks, in order: from DuckDB's own Arrow export
 * ({@link ArrowExport}) when every column is of a type it converts and the JVM lets Arrow run, else row
 * by row through JDBC ({@link ArrowColumns}). Both send the same vectors and metadata.
 */
interface ChunkCutter extends AutoCloseable {
    /** Up to {@code max} rows as a chunk; null when no row is left. */
    ArrowColumns.Chunk next(int max) throws SQLException;

    /** Whether a row is left; asked after the last chunk expected (a row-by-row cutter reads it to know). */
    boolean more() throws SQLException;

    /** Frees DuckDB's result (and the export's memory). */
    @Override
    void close();

    /** The cutter for {@code source}'s rows, described by {@code columns}. */
    static ChunkCutter of(List<ResultColumn> columns, RowSource source) {
        if (ArrowExport.supports(columns, source)) {
            return new ArrowExport(columns, source);
        }
        return new RowByRow(columns, source);
    }

    /** Rows read one by one through DuckDB's JDBC result. */
    final class RowByRow implements ChunkCutter {
        private final List<ResultColumn> columns;
        private final RowSource source;

        RowByRow(List<ResultColumn> columns, RowSource source) {
            this.columns = columns;
            this.source = source;
        }

        @Override
        public ArrowColumns.Chunk next(int max) throws SQLException {
            return ArrowColumns.chunk(columns, source, max);
        }

        @Override
        public boolean more() throws SQLException {
            return source.next();
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
