package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.wire.ArrowIpc.Vector;
import org.apache.arrow.memory.ArrowBuf;
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
import org.apache.arrow.vector.util.Text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The columns of a chunk {@link ArrowExport} cuts, one class per Snowflake type: each takes the rows JDBC had
 * fetched one at a time, then DuckDB's Arrow batches a column slice at a time, and gives the vector
 * {@link ArrowColumns} would send for the same values.
 */
final class ArrowExportColumns {
    private ArrowExportColumns() {
    }

    /** A column of {@code kind} for a chunk of up to {@code capacity} rows of {@code col}. */
    static Column column(ResultColumn col, ArrowExport.Kind kind, int capacity) {
        return switch (kind) {
            case INTEGER, DECIMAL -> new Numbers(capacity, ArrowChunks.scale(col.type()),
                    col.type().precision() == null ? 38 : col.type().precision());
            case DOUBLE -> new Doubles(capacity);
            case BOOLEAN -> new Booleans(capacity);
            case DATE -> new Dates(capacity);
            case VARCHAR -> new Texts(capacity);
        };
    }

    /** One column of a chunk being cut: from JDBC rows first, then from DuckDB's Arrow batches. */
    abstract static class Column {
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
