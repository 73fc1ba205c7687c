package dev.autosync.emulator.wire;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The Arrow IPC stream format underneath {@link ArrowChunks}: vectors with their validity and data
 * buffers, a record batch's body, and the stream of messages (schema, record batch, end) they are
 * written as. ArrowChunks decides what each Snowflake type becomes; this writes it.
 */
final class ArrowIpc {
    /** Arrow's Type union ids (Schema.fbs). */
    static final int TYPE_INT = 2;
    static final int TYPE_FLOAT = 3;
    static final int TYPE_BINARY = 4;
    static final int TYPE_UTF8 = 5;
    static final int TYPE_BOOL = 6;
    static final int TYPE_DECIMAL = 7;
    static final int TYPE_DATE = 8;
    static final int TYPE_STRUCT = 13;

    private ArrowIpc() {
    }

    /** One Arrow vector (a column, or a struct's child): its type, buffers and children. */
    static final class Vector {
        final int length;
        final int nullCount;
        final byte[] validity;
        final List<byte[]> buffers = new ArrayList<>();
        final int typeId;
        final FlatBuffer.Table type;
        final String physicalType;
        final List<Vector> children = new ArrayList<>();
        String name;

        private Vector(boolean[] nulls, int typeId, FlatBuffer.Table type, String physicalType) {
            this.length = nulls.length;
            byte[] bits = new byte[(nulls.length + 7) / 8];
            int nullsSeen = 0;
            for (int i = 0; i < nulls.length; i++) {
                if (nulls[i]) {
                    nullsSeen++;
                } else {
                    bits[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            this.nullCount = nullsSeen;
            this.validity = bits;
            this.typeId = typeId;
            this.type = type;
            this.physicalType = physicalType;
        }

        Vector named(String childName) {
            this.name = childName;
            return this;
        }

        static Vector ints(boolean[] nulls, long[] values, int width, String physicalType) {
            return fixed(nulls, values, width, new FlatBuffer.Table().i32(0, width * 8).bool(1, true), TYPE_INT, physicalType);
        }

        static Vector fixed(boolean[] nulls, long[] values, int width, FlatBuffer.Table type, int typeId, String physicalType) {
            Vector v = new Vector(nulls, typeId, type, physicalType);
            ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : values) {
                switch (width) {
                    case 1 -> b.put((byte) x);
                    case 2 -> b.putShort((short) x);
                    case 4 -> b.putInt((int) x);
                    default -> b.putLong(x);
                }
            }
            v.buffers.add(b.array());
            return v;
        }

        static Vector decimal(boolean[] nulls, BigInteger[] values, int precision, int scale) {
            Vector v = new Vector(nulls, TYPE_DECIMAL, new FlatBuffer.Table().i32(0, precision).i32(1, scale).i32(2, 128), "SB16");
            byte[] out = new byte[values.length * 16];
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                byte[] be = values[i].toByteArray();
                byte fill = (byte) (values[i].signum() < 0 ? -1 : 0);
                for (int k = 0; k < 16; k++) {
                    out[i * 16 + k] = k < be.length ? be[be.length - 1 - k] : fill;
                }
            }
            v.buffers.add(out);
            return v;
        }

        static Vector bools(boolean[] nulls, boolean[] values) {
            Vector v = new Vector(nulls, TYPE_BOOL, new FlatBuffer.Table(), "SB1");
            byte[] bits = new byte[(values.length + 7) / 8];
            for (int i = 0; i < values.length; i++) {
                if (values[i]) {
                    bits[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            v.buffers.add(bits);
            return v;
        }

        static Vector bytes(byte[][] values, int typeId, String physicalType) {
            boolean[] nulls = new boolean[values.length];
            int total = 0;
            for (int i = 0; i < values.length; i++) {
                nulls[i] = values[i] == null;
                total += values[i] == null ? 0 : values[i].length;
            }
            Vector v = new Vector(nulls, typeId, new FlatBuffer.Table(), physicalType);
            ByteBuffer offsets = ByteBuffer.allocate((values.length + 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
            byte[] data = new byte[total];
            int at = 0;
            offsets.putInt(0);
            for (byte[] b : values) {
                if (b != null) {
                    System.arraycopy(b, 0, data, at, b.length);
                    at += b.length;
                }
                offsets.putInt(at);
            }
            v.buffers.add(offsets.array());
            v.buffers.add(data);
            return v;
        }

        /** Variable-width values already laid out: {@code n} values, offsets {@code offsets[0..n]} into {@code data}. */
        static Vector bytes(boolean[] nulls, int[] offsets, byte[] data, int typeId, String physicalType) {
            Vector v = new Vector(nulls, typeId, new FlatBuffer.Table(), physicalType);
            int n = nulls.length;
            ByteBuffer o = ByteBuffer.allocate((n + 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i <= n; i++) {
                o.putInt(offsets[i]);
            }
            v.buffers.add(o.array());
            v.buffers.add(offsets[n] == data.length ? data : java.util.Arrays.copyOf(data, offsets[n]));
            return v;
        }

        static Vector struct(boolean[] nulls, String physicalType, Vector... children) {
            Vector v = new Vector(nulls, TYPE_STRUCT, new FlatBuffer.Table(), physicalType);
            v.children.addAll(List.of(children));
            return v;
        }

        FlatBuffer.Table field(String fieldName, List<String[]> metadata) {
            List<FlatBuffer.Table> kids = new ArrayList<>();
            for (Vector c : children) {
                kids.add(c.field(c.name, List.of()));
            }
            List<FlatBuffer.Table> kv = new ArrayList<>();
            for (String[] m : metadata) {
                kv.add(new FlatBuffer.Table().string(0, m[0]).string(1, m[1]));
            }
            return new FlatBuffer.Table().string(0, fieldName).bool(1, true).union(2, typeId, type).tables(5, kids).tables(6, kv);
        }

        void write(Body body) {
            body.node(length, nullCount);
            body.buffer(validity);
            for (byte[] b : buffers) {
                body.buffer(b);
            }
            for (Vector c : children) {
                c.write(body);
            }
        }
    }

    /** A record batch's body: buffers padded to 8 bytes, with the field nodes and buffer positions that describe it. */
    static final class Body {
        final List<byte[]> parts = new ArrayList<>();
        final List<Long> nodes = new ArrayList<>();
        final List<Long> buffers = new ArrayList<>();
        long size;

        void node(long length, long nullCount) {
            nodes.add(length);
            nodes.add(nullCount);
        }

        void buffer(byte[] b) {
            buffers.add(size);
            buffers.add((long) b.length);
            parts.add(b);
            size += (b.length + 7) / 8 * 8;
        }

        int size() {
            return (int) size;
        }

        long[] nodes() {
            return nodes.stream().mapToLong(Long::longValue).toArray();
        }

        long[] buffers() {
            return buffers.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** The IPC stream being written: each message is a continuation marker, its metadata's length, the metadata, the body. */
    static final class Out {
        private byte[] buf;
        private int at;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void ensure(int n) {
            if (at + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, at + n));
            }
        }

        void putInt(int v) {
            ensure(4);
            buf[at++] = (byte) v;
            buf[at++] = (byte) (v >> 8);
            buf[at++] = (byte) (v >> 16);
            buf[at++] = (byte) (v >> 24);
        }

        /** Bytes already laid out as messages (a kept schema message). */
        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, at, bytes.length);
            at += bytes.length;
        }

        void message(byte[] metadata, Body body) {
            int padded = (metadata.length + 8 + 7) / 8 * 8 - 8;
            putInt(-1);
            putInt(padded);
            ensure(padded);
            System.arraycopy(metadata, 0, buf, at, metadata.length);
            at += padded;
            if (body != null) {
                ensure(body.size());
                for (byte[] p : body.parts) {
                    System.arraycopy(p, 0, buf, at, p.length);
                    at += (p.length + 7) / 8 * 8;
                }
            }
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(buf, at);
        }
    }
}
