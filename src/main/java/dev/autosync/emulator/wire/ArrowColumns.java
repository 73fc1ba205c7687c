package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.RowSource;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.wire.ArrowIpc.Vector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a {@link RowSource} straight into Arrow vectors, column by column, with DuckDB's typed
 * getters: integers, scaled NUMBER up to 18 digits, doubles, booleans, dates and text go into
 * primitive arrays, never kept as Java objects per value. Other types take the values a
 * materialised result would hold, through {@link ArrowChunks}' per-type encoding.
 */
final class ArrowColumns {
    private ArrowColumns() {
    }

    /** A chunk: its Arrow IPC stream and how many rows it holds. */
    record Chunk(byte[] bytes, int rows) {
    }

    /** Up to {@code max} rows of {@code source} as an Arrow IPC stream; null when the source has no more. */
    static Chunk chunk(List<ResultColumn> columns, RowSource source, int max) throws SQLException {
        List<Builder> builders = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            builders.add(builder(columns.get(c), source.duckType(c), c, max));
        }
        int n = 0;
        while (n < max && source.next()) {
            ResultSet row = source.row();
            for (Builder b : builders) {
                b.read(source, row, n);
            }
            n++;
        }
        if (n == 0) {
            return null;
        }
        List<Vector> vectors = new ArrayList<>(builders.size());
        for (Builder b : builders) {
            vectors.add(b.vector(n));
        }
        return new Chunk(ArrowChunks.stream(columns, vectors, n), n);
    }

    /** One column of a chunk as it is read. */
    private abstract static class Builder {
        final int index;
        boolean[] nulls;

        Builder(int index, int capacity) {
            this.index = index;
            this.nulls = new boolean[capacity];
        }

        abstract void read(RowSource source, ResultSet row, int r) throws SQLException;

        abstract Vector vector(int n);
    }

    private static Builder builder(ResultColumn col, String duckType, int c, int capacity) {
        SfType t = col.type();
        String logical = ArrowChunks.logicalType(t);
        int scale = ArrowChunks.scale(t);
        if (logical.equals("FIXED") && scale == 0 && (duckType.equals("BIGINT") || duckType.equals("INTEGER")
                || duckType.equals("SMALLINT") || duckType.equals("TINYINT"))) {
            return new Fixed(c, capacity, 0, duckType.equals("INTEGER"));
        }
        if (logical.equals("FIXED") && duckType.startsWith("DECIMAL")) {
            return new Decimal(c, capacity, scale, t.precision() == null ? 38 : t.precision());
        }
        if (logical.equals("REAL") && duckType.equals("DOUBLE")) {
            return new Doubles(c, capacity);
        }
        if (logical.equals("BOOLEAN") && duckType.equals("BOOLEAN")) {
            return new Booleans(c, capacity);
        }
        if (logical.equals("DATE") && duckType.equals("DATE")) {
            return new Dates(c, capacity);
        }
        if (logical.equals("TEXT") && duckType.equals("VARCHAR")) {
            return new Texts(c, capacity);
        }
        return new Values(col, c, capacity);
    }

    /** NUMBER from DuckDB's integers. */
    private static class Fixed extends Builder {
        final long[] values;
        final int scale;
        final boolean int32;
        long min;
        long max;

        Fixed(int index, int capacity, int scale, boolean int32) {
            super(index, capacity);
            this.values = new long[capacity];
            this.scale = scale;
            this.int32 = int32;
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            // DuckDB reads INTEGER and BIGINT from its buffer; narrower types through an object
            long v = int32 ? row.getInt(index + 1) : row.getLong(index + 1);
            put(row, r, v);
        }

        final void put(ResultSet row, int r, long v) throws SQLException {
            if (row.wasNull()) {
                nulls[r] = true;
                return;
            }
            values[r] = v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.fixed(Arrays.copyOf(nulls, n), Arrays.copyOf(values, n), scale, min, max);
        }
    }

    /**
     * NUMBER from DuckDB's DECIMAL: unscaled values in 64 bits while they fit, else (from the first that does
     * not) all of the chunk's as 128-bit decimals, as {@link ArrowChunks} lays them out.
     */
    private static final class Decimal extends Fixed {
        final int precision;
        BigInteger[] big;

        Decimal(int index, int capacity, int scale, int precision) {
            super(index, capacity, scale, false);
            this.precision = precision;
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            BigDecimal d = row.getBigDecimal(index + 1);
            if (d == null) {
                nulls[r] = true;
                return;
            }
            if (big == null && scale == 0 && d.scale() == 0 && d.precision() <= 18) {
                // a whole number of up to 18 digits (most NUMBER columns): its long value, without a BigInteger
                put(row, r, d.longValue());
                return;
            }
            BigInteger u = (d.scale() == scale ? d : d.setScale(scale, RoundingMode.HALF_UP)).unscaledValue();
            if (big == null && u.bitLength() > 63) {
                big = new BigInteger[values.length];
                for (int i = 0; i < r; i++) {
                    big[i] = nulls[i] ? null : BigInteger.valueOf(values[i]);
                }
            }
            if (big != null) {
                big[r] = u;
            } else {
                put(row, r, u.longValue());
            }
        }

        @Override
        Vector vector(int n) {
            if (big == null) {
                return super.vector(n);
            }
            return Vector.decimal(Arrays.copyOf(nulls, n), Arrays.copyOf(big, n), precision, scale);
        }
    }

    private static final class Doubles extends Builder {
        final long[] bits;

        Doubles(int index, int capacity) {
            super(index, capacity);
            this.bits = new long[capacity];
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            double d = row.getDouble(index + 1);
            if (row.wasNull()) {
                nulls[r] = true;
            } else {
                bits[r] = Double.doubleToRawLongBits(d);
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.doubles(Arrays.copyOf(nulls, n), Arrays.copyOf(bits, n));
        }
    }

    private static final class Booleans extends Builder {
        final boolean[] values;

        Booleans(int index, int capacity) {
            super(index, capacity);
            this.values = new boolean[capacity];
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            boolean b = row.getBoolean(index + 1);
            if (row.wasNull()) {
                nulls[r] = true;
            } else {
                values[r] = b;
            }
        }

        @Override
        Vector vector(int n) {
            return Vector.bools(Arrays.copyOf(nulls, n), Arrays.copyOf(values, n));
        }
    }

    private static final class Dates extends Builder {
        final long[] days;

        Dates(int index, int capacity) {
            super(index, capacity);
            this.days = new long[capacity];
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            // getObject(i) reads DuckDB's day number; getObject(i, LocalDate.class) goes through java.sql.Date
            if (row.getObject(index + 1) instanceof LocalDate d) {
                days[r] = d.toEpochDay();
            } else {
                nulls[r] = true;
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.dates(Arrays.copyOf(nulls, n), Arrays.copyOf(days, n));
        }
    }

    private static final class Texts extends Builder {
        final byte[][] utf8;

        Texts(int index, int capacity) {
            super(index, capacity);
            this.utf8 = new byte[capacity][];
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            String s = row.getString(index + 1);
            if (s != null) {
                utf8[r] = s.getBytes(StandardCharsets.UTF_8);
            }
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.texts(Arrays.copyOf(utf8, n));
        }
    }

    /** Any other type: the values a materialised result holds, encoded by {@link ArrowChunks}. */
    private static final class Values extends Builder {
        final ResultColumn column;
        final List<Object[]> values;

        Values(ResultColumn column, int index, int capacity) {
            super(index, 0);
            this.column = column;
            this.values = new ArrayList<>(Math.min(capacity, 1 << 16));
        }

        @Override
        void read(RowSource source, ResultSet row, int r) throws SQLException {
            values.add(new Object[] {source.value(index)});
        }

        @Override
        Vector vector(int n) {
            return ArrowChunks.encodeColumn(column, values);
        }
    }
}
