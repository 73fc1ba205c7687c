package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;
import dev.autosync.emulator.wire.ArrowExportColumns.Column;
import dev.autosync.emulator.wire.ArrowIpc.Vector;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.util.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A result's rows still in DuckDB cut into Snowflake's Arrow chunks from DuckDB's own Arrow export
 * ({@code DuckDBResultSet.arrowExportStream}, Arrow's C data interface): DuckDB lays the columns out in
 * batches, and each column is converted as a whole into exactly what {@link ArrowColumns} sends (NUMBER
 * in the narrowest integer holding the chunk's unscaled values, else decimal128; DOUBLE bits; DATE days;
 * BOOLEAN bits; VARCHAR's UTF-8 bytes) instead of being read value by value through JDBC: for 1,000,000
 * rows of NUMBER, VARCHAR, NUMBER(12,2) and DATE, 0.1 s of CPU instead of 0.8 s. The rows DuckDB's JDBC
 * driver has already fetched (up to one of its chunks) are read through JDBC first.
 *
 * <p>Used when every column is of those types and the JVM lets Arrow's memory module reach java.nio
 * ({@code --add-opens=java.base/java.nio=ALL-UNNAMED}, which snowflake-jdbc's Arrow needs as well); else
 * {@link ChunkCutter} reads row by row. {@code -Dautosync.emulator.arrowExport=false} turns it off.
 */
final class ArrowExport implements ChunkCutter {
    /** Rows per batch DuckDB exports; chunks take rows across batches. */
    static final long BATCH_ROWS = 65_536;
    private static final BufferAllocator ROOT = rootAllocator();
    /** Rows taken from DuckDB's Arrow batches, over all results (tests: the export was used). */
    private static final java.util.concurrent.atomic.AtomicLong EXPORTED = new java.util.concurrent.atomic.AtomicLong();

    private final List<ResultColumn> columns;
    private final RowSource source;
    private final Kind[] kinds;
    /** Rows the JDBC driver fetched before the export: read through JDBC first. */
    private int jdbcLeft;
    private BufferAllocator allocator;
    private ArrowReader reader;
    private VectorSchemaRoot batch;
    private int batchAt;
    private int batchRows;
    private boolean ended;

    ArrowExport(List<ResultColumn> columns, RowSource source) {
        this.columns = columns;
        this.source = source;
        this.kinds = new Kind[columns.size()];
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = kind(columns.get(c), source.duckType(c));
        }
        this.jdbcLeft = source.fetchedRowsLeft();
    }

    /** Rows taken from DuckDB's Arrow export so far, by every result. */
    static long rowsExported() {
        return EXPORTED.get();
    }

    /** Whether Arrow runs in this JVM (its memory module reaches java.nio, its C data library loads). */
    static boolean available() {
        return ROOT != null;
    }

    private static BufferAllocator rootAllocator() {
        if ("false".equals(System.getProperty("autosync.emulator.arrowExport"))) {
            return null;
        }
        if (!java.nio.Buffer.class.getModule().isOpen("java.nio", ArrowExport.class.getModule())) {
            // Arrow's MemoryUtil would fail (printing its stack trace to the console, as in a plain Maven run)
            return null;
        }
        try {
            RootAllocator root = new RootAllocator();
            root.buffer(8).close();
            // loaded now, not inside an export: DuckDB has handed its result over by the time the stream is imported
            org.apache.arrow.c.jni.JniLoader.get().ensureLoaded();
            return root;
        } catch (Throwable e) {
            // without --add-opens java.nio Arrow's MemoryUtil cannot start: results are read row by row
            return null;
        }
    }

    /** Whether {@code source}'s rows can be exported: Arrow runs, every column converts, JDBC's fetched rows are known. */
    static boolean supports(List<ResultColumn> columns, RowSource source) {
        if (!available() || source.isClosed() || source.fetchedRowsLeft() < 0) {
            return false;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (kind(columns.get(c), source.duckType(c)) == null) {
                return false;
            }
        }
        return true;
    }

    /** The column converters by Snowflake type and DuckDB type: those of {@link ArrowColumns}' typed readers. */
    enum Kind {
        INTEGER, DECIMAL, DOUBLE, BOOLEAN, DATE, VARCHAR
    }

    private static Kind kind(ResultColumn col, String duckType) {
        String logical = ArrowChunks.logicalType(col.type());
        String duck = duckType.toUpperCase(Locale.ROOT);
        if (logical.equals("FIXED") && ArrowChunks.scale(col.type()) == 0
                && (duck.equals("BIGINT") || duck.equals("INTEGER") || duck.equals("SMALLINT") || duck.equals("TINYINT"))) {
            return Kind.INTEGER;
        }
        if (logical.equals("FIXED") && duck.startsWith("DECIMAL")) {
            return Kind.DECIMAL;
        }
        if (logical.equals("REAL") && duck.equals("DOUBLE")) {
            return Kind.DOUBLE;
        }
        if (logical.equals("BOOLEAN") && duck.equals("BOOLEAN")) {
            return Kind.BOOLEAN;
        }
        if (logical.equals("DATE") && duck.equals("DATE")) {
            return Kind.DATE;
        }
        if (logical.equals("TEXT") && duck.equals("VARCHAR")) {
            return Kind.VARCHAR;
        }
        return null;
    }

    @Override
    public ArrowColumns.Chunk next(int max) throws SQLException {
        Column[] out = new Column[columns.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = ArrowExportColumns.column(columns.get(c), kinds[c], max);
        }
        int n = 0;
        while (n < max) {
            if (jdbcLeft > 0) {
                jdbcLeft--;
                if (!source.next()) {
                    jdbcLeft = 0;
                    continue;
                }
                ResultSet row = source.row();
                for (int c = 0; c < out.length; c++) {
                    out[c].fromRow(row, c + 1, n);
                }
                n++;
                continue;
            }
            if (!batchReady()) {
                break;
            }
            int take = Math.min(max - n, batchRows - batchAt);
            for (int c = 0; c < out.length; c++) {
                out[c].fromArrow(batch.getVector(c), batchAt, take, n);
            }
            n += take;
            batchAt += take;
            EXPORTED.addAndGet(take);
        }
        if (n == 0) {
            return null;
        }
        List<Vector> vectors = new ArrayList<>(out.length);
        for (Column c : out) {
            vectors.add(c.vector(n));
        }
        return new ArrowColumns.Chunk(ArrowChunks.stream(columns, vectors, n), n);
    }

    /**
     * The next row as the Java values a materialised result holds ({@code RowSource.value}: BigDecimal, Long,
     * Double, Boolean, LocalDate, String), for the JSON format, which formats them as it formats any result;
     * null after the last row.
     */
    Object[] nextValues() throws SQLException {
        Object[] row = new Object[columns.size()];
        while (jdbcLeft > 0) {
            jdbcLeft--;
            if (source.next()) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = source.value(c);
                }
                return row;
            }
            jdbcLeft = 0;
        }
        if (!batchReady()) {
            return null;
        }
        for (int c = 0; c < row.length; c++) {
            row[c] = value(batch.getVector(c), batchAt, kinds[c]);
        }
        batchAt++;
        EXPORTED.incrementAndGet();
        return row;
    }

    /** Row {@code i} of {@code v} as the value DuckDB's JDBC getter of that type gives (see ResultTables.value). */
    private static Object value(FieldVector v, int i, Kind kind) throws SQLException {
        if (v.isNull(i)) {
            return null;
        }
        switch (kind) {
            case INTEGER:
                if (v instanceof BigIntVector b) {
                    return b.get(i);
                } else if (v instanceof IntVector n) {
                    return (long) n.get(i);
                } else if (v instanceof SmallIntVector n) {
                    return (long) n.get(i);
                } else if (v instanceof TinyIntVector n) {
                    return (long) n.get(i);
                }
                throw Column.unexpected(v, "NUMBER");
            case DECIMAL:
                if (v instanceof DecimalVector d) {
                    // the column's own scale, as DuckDB's getBigDecimal gives it
                    return d.getObject(i);
                }
                throw Column.unexpected(v, "NUMBER");
            case DOUBLE:
                if (v instanceof Float8Vector d) {
                    return d.get(i);
                }
                throw Column.unexpected(v, "FLOAT");
            case BOOLEAN:
                if (v instanceof BitVector b) {
                    return b.get(i) != 0;
                }
                throw Column.unexpected(v, "BOOLEAN");
            case DATE:
                if (v instanceof DateDayVector d) {
                    return java.time.LocalDate.ofEpochDay(d.get(i));
                }
                throw Column.unexpected(v, "DATE");
            default:
                if (v instanceof VarCharVector t) {
                    return new String(t.get(i), StandardCharsets.UTF_8);
                }
                if (v.getObject(i) instanceof Text t) {
                    return t.toString();
                }
                throw Column.unexpected(v, "VARCHAR");
        }
    }

    @Override
    public boolean more() throws SQLException {
        if (jdbcLeft > 0) {
            return true;
        }
        return batchReady();
    }

    /** Whether the current batch has rows left, loading the next batch (and starting the export) when not. */
    private boolean batchReady() throws SQLException {
        while (batchAt >= batchRows) {
            if (ended) {
                return false;
            }
            try {
                if (reader == null) {
                    allocator = ROOT.newChildAllocator("result", 0, Long.MAX_VALUE);
                    reader = (ArrowReader) source.exportArrow(allocator, BATCH_ROWS);
                    int exported = reader.getVectorSchemaRoot().getFieldVectors().size();
                    if (exported != columns.size()) {
                        throw new SQLException("DuckDB's Arrow export has " + exported + " columns, the result " + columns.size());
                    }
                }
                if (!reader.loadNextBatch()) {
                    ended = true;
                    return false;
                }
                batch = reader.getVectorSchemaRoot();
            } catch (IOException e) {
                throw new SQLException("reading DuckDB's Arrow export failed: " + e.getMessage(), e);
            }
            batchRows = batch.getRowCount();
            batchAt = 0;
        }
        return true;
    }

    @Override
    public void close() {
        // the reader (DuckDB's result, moved into the export) first, then the JDBC result set that handed it over
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            // DuckDB frees the stream's result when the statement closes either way
        }
        try {
            if (allocator != null) {
                allocator.close();
            }
        } catch (RuntimeException e) {
            // a leak report of an allocator nobody uses again
        }
        reader = null;
        allocator = null;
        ended = true;
        source.close();
    }
}
