package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;
import dev.autosync.emulator.wire.ArrowIpc.Vector;
import org.apache.arrow.memory.ArrowBuf;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final String[] duckTypes;
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
        this.duckTypes = new String[columns.size()];
        for (int c = 0; c < duckTypes.length; c++) {
            duckTypes[c] = source.duckType(c);
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
    private enum Kind {
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
            out[c] = column(columns.get(c), duckTypes[c], max);
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

    private static Column column(ResultColumn col, String duckType, int capacity) {
        return switch (kind(col, duckType)) {
            case INTEGER, DECIMAL -> new Numbers(capacity, ArrowChunks.scale(col.type()),
                    col.type().precision() == null ? 38 : col.type().precision());
            case DOUBLE -> new Doubles(capacity);
            case BOOLEAN -> new Booleans(capacity);
            case DATE -> new Dates(capacity);
            case VARCHAR -> new Texts(capacity);
        };
    }

    /** One column of a chunk being cut: from JDBC rows first, then from DuckDB's Arrow batches. */
    private abstract static class Column {
        final boolean[] nulls;

        Column(int capacity) {
            this.nulls = new boolean[capacity];
        }

        abstract void fromRow(ResultSet row, int column, int at) throws SQLException;

        abstract void fromArrow(FieldVector v, int from, int take, int at) throws SQLException;

        abstract Vector vector(int n);

        /** Marks the nulls of {@code v}'s rows {@code from..from+take} at {@code at..}; whether there were any. */
        final boolean nulls(FieldVector v, int from, int take, int at) {
            if (v.getNullCount() == 0) {
                return false;
            }
            for (int i = 0; i < take; i++) {
                nulls[at + i] = v.isNull(from + i);
            }
            return true;
        }

        static SQLException unexpected(FieldVector v, String type) {
            return new SQLException("DuckDB's Arrow export sent " + v.getClass().getSimpleName() + " for a " + type + " column");
        }
    }

    /** NUMBER: unscaled values in 64 bits while they fit, else (from the first that does not) all as 128-bit. */
    private static final class Numbers extends Column {
        final long[] values;
        final int scale;
        final int precision;
        BigInteger[] big;
        long min;
        long max;

        Numbers(int capacity, int scale, int precision) {
            super(capacity);
            this.values = new long[capacity];
            this.scale = scale;
            this.precision = precision;
        }

        @Override
        void fromRow(ResultSet row, int column, int at) throws SQLException {
            BigDecimal d = row.getBigDecimal(column);
            if (d == null) {
                nulls[at] = true;
            } else {
                put(at, (d.scale() == scale ? d : d.setScale(scale, RoundingMode.HALF_UP)).unscaledValue());
            }
        }

        @Override
        void fromArrow(FieldVector v, int from, int take, int at) throws SQLException {
            boolean someNull = nulls(v, from, take, at);
            if (v instanceof DecimalVector dv) {
                ArrowBuf buf = dv.getDataBuffer();
                boolean sameScale = dv.getScale() == scale;
                for (int i = 0; i < take; i++) {
                    int src = from + i;
                    if (someNull && nulls[at + i]) {
                        continue;
                    }
                    long lo = buf.getLong(16L * src);
                    long hi = buf.getLong(16L * src + 8);
                    if (!sameScale) {
                        put(at + i, dv.getObject(src).setScale(scale, RoundingMode.HALF_UP).unscaledValue());
                    } else if (hi == lo >> 63) {
                        put(at + i, lo);
                    } else {
                        put(at + i, new BigInteger(ByteBuffer.allocate(16).putLong(hi).putLong(lo).array()));
                    }
                }
                return;
            }
            int width = v instanceof BigIntVector ? 8 : v instanceof IntVector ? 4 : v instanceof SmallIntVector ? 2
                    : v instanceof TinyIntVector ? 1 : 0;
            if (width == 0) {
                throw unexpected(v, "NUMBER");
            }
            ArrowBuf buf = v.getDataBuffer();
            for (int i = 0; i < take; i++) {
                if (someNull && nulls[at + i]) {
                    continue;
                }
                long index = (long) (from + i) * width;
                put(at + i, switch (width) {
                    case 8 -> buf.getLong(index);
                    case 4 -> buf.getInt(index);
                    case 2 -> buf.getShort(index);
                    default -> buf.getByte(index);
                });
            }
        }

        private void put(int at, long v) {
            values[at] = v;
            if (big != null) {
                big[at] = BigInteger.valueOf(v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        private void put(int at, BigInteger u) {
            if (big == null && u.bitLength() <= 63) {
                put(at, u.longValue());
                return;
            }
            if (big == null) {
                big = new BigInteger[values.length];
                for (int i = 0; i < at; i++) {
                    big[i] = nulls[i] ? null : BigInteger.valueOf(values[i]);
                }
            }
            big[at] = u;
        }

        @Override
        Vector vector(int n) {
            if (big != null) {
                return Vector.decimal(Arrays.copyOf(nulls, n), Arrays.copyOf(big, n), precision, scale);
            }
            return ArrowChunks.fixed(Arrays.copyOf(nulls, n), Arrays.copyOf(values, n), scale, min, max);
        }
    }

    private static final class Doubles extends Column {
        final long[] bits;

        Doubles(int capacity) {
            super(capacity);
            this.bits = new long[capacity];
        }

        @Override
        void fromRow(ResultSet row, int column, int at) throws SQLException {
            double d = row.getDouble(column);
            if (row.wasNull()) {
                nulls[at] = true;
            } else {
                bits[at] = Double.doubleToRawLongBits(d);
            }
        }

        @Override
        void fromArrow(FieldVector v, int from, int take, int at) throws SQLException {
            if (!(v instanceof Float8Vector)) {
                throw unexpected(v, "FLOAT");
            }
            boolean someNull = nulls(v, from, take, at);
            ArrowBuf buf = v.getDataBuffer();
            for (int i = 0; i < take; i++) {
                if (!(someNull && nulls[at + i])) {
                    bits[at + i] = buf.getLong(8L * (from + i));
                }
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.doubles(Arrays.copyOf(nulls, n), Arrays.copyOf(bits, n));
        }
    }

    private static final class Booleans extends Column {
        final boolean[] values;

        Booleans(int capacity) {
            super(capacity);
            this.values = new boolean[capacity];
        }

        @Override
        void fromRow(ResultSet row, int column, int at) throws SQLException {
            boolean b = row.getBoolean(column);
            if (row.wasNull()) {
                nulls[at] = true;
            } else {
                values[at] = b;
            }
        }

        @Override
        void fromArrow(FieldVector v, int from, int take, int at) throws SQLException {
            if (!(v instanceof BitVector bits)) {
                throw unexpected(v, "BOOLEAN");
            }
            boolean someNull = nulls(v, from, take, at);
            for (int i = 0; i < take; i++) {
                if (!(someNull && nulls[at + i])) {
                    values[at + i] = bits.get(from + i) != 0;
                }
            }
        }

        @Override
        Vector vector(int n) {
            return Vector.bools(Arrays.copyOf(nulls, n), Arrays.copyOf(values, n));
        }
    }

    private static final class Dates extends Column {
        final long[] days;

        Dates(int capacity) {
            super(capacity);
            this.days = new long[capacity];
        }

        @Override
        void fromRow(ResultSet row, int column, int at) throws SQLException {
            // getObject(i) reads DuckDB's day number (see ArrowColumns)
            if (row.getObject(column) instanceof java.time.LocalDate d) {
                days[at] = d.toEpochDay();
            } else {
                nulls[at] = true;
            }
        }

        @Override
        void fromArrow(FieldVector v, int from, int take, int at) throws SQLException {
            if (!(v instanceof DateDayVector)) {
                throw unexpected(v, "DATE");
            }
            boolean someNull = nulls(v, from, take, at);
            ArrowBuf buf = v.getDataBuffer();
            for (int i = 0; i < take; i++) {
                if (!(someNull && nulls[at + i])) {
                    days[at + i] = buf.getInt(4L * (from + i));
                }
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.dates(Arrays.copyOf(nulls, n), Arrays.copyOf(days, n));
        }
    }

    /** VARCHAR: UTF-8 bytes (DuckDB's own, which are what JDBC's String would encode back to) and offsets. */
    private static final class Texts extends Column {
        final int[] offsets;
        byte[] data = new byte[1 << 16];

        Texts(int capacity) {
            super(capacity);
            this.offsets = new int[capacity + 1];
        }

        private void append(int at, byte[] b, int off, int len) {
            int end = offsets[at];
            ensure(end + len);
            System.arraycopy(b, off, data, end, len);
            offsets[at + 1] = end + len;
        }

        private void ensure(long size) {
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a result chunk's text column exceeds 2 GB");
            }
            if (size > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, 2L * data.length)));
            }
        }

        @Override
        void fromRow(ResultSet row, int column, int at) throws SQLException {
            String s = row.getString(column);
            if (s == null) {
                nulls[at] = true;
                offsets[at + 1] = offsets[at];
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                append(at, b, 0, b.length);
            }
        }

        @Override
        void fromArrow(FieldVector v, int from, int take, int at) throws SQLException {
            nulls(v, from, take, at);
            if (v instanceof VarCharVector vc) {
                ArrowBuf off = vc.getOffsetBuffer();
                int start = off.getInt(4L * from);
                int end = off.getInt(4L * (from + take));
                int base = offsets[at];
                ensure((long) base + (end - start));
                vc.getDataBuffer().getBytes(start, data, base, end - start);
                for (int i = 1; i <= take; i++) {
                    offsets[at + i] = base + off.getInt(4L * (from + i)) - start;
                }
                return;
            }
            // other layouts of text (large or view strings, should DuckDB be set to export them): value by value
            for (int i = 0; i < take; i++) {
                Object o = v.getObject(from + i);
                if (o == null) {
                    offsets[at + i + 1] = offsets[at + i];
                } else if (o instanceof Text t) {
                    append(at + i, t.getBytes(), 0, (int) t.getLength());
                } else {
                    throw unexpected(v, "VARCHAR");
                }
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.texts(Arrays.copyOf(nulls, n), offsets, data);
        }
    }
}
