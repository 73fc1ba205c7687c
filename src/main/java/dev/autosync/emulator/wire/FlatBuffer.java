package dev.autosync.emulator.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the FlatBuffers binary format to write Arrow's IPC metadata (Schema and
 * RecordBatch messages): tables with scalar, string, table, union and vector fields. Objects are
 * laid out front to back, each referenced object after its referrer, so every offset is the
 * positive distance the format requires; scalars are aligned to their size.
 */
final class FlatBuffer {
    private FlatBuffer() {
    }

    /** A table under construction: fields by slot (the field's index in the schema's declaration). */
    static final class Table {
        private final List<Object[]> fields = new ArrayList<>();
        private int slots;

        Table i8(int slot, int v) {
            return scalar(slot, 1, v);
        }

        Table i16(int slot, int v) {
            return scalar(slot, 2, v);
        }

        Table i32(int slot, int v) {
            return scalar(slot, 4, v);
        }

        Table i64(int slot, long v) {
            return scalar(slot, 8, v);
        }

        Table bool(int slot, boolean v) {
            return scalar(slot, 1, v ? 1 : 0);
        }

        Table string(int slot, String s) {
            return ref(slot, s.getBytes(StandardCharsets.UTF_8));
        }

        Table table(int slot, Table t) {
            return ref(slot, t);
        }

        /** A union: its type byte in {@code slot}, its value table in {@code slot + 1}. */
        Table union(int slot, int type, Table value) {
            i8(slot, type);
            return ref(slot + 1, value);
        }

        Table tables(int slot, List<Table> ts) {
            return ref(slot, new TableVector(ts));
        }

        /** A vector of structs of {@code longsPerStruct} longs each (Arrow's FieldNode and Buffer). */
        Table structs(int slot, long[] longs, int longsPerStruct) {
            return ref(slot, new StructVector(longs, longsPerStruct));
        }

        /**
         * The table's scalar fields as (slot, size, value) triples in the order set: all there is to an
         * Arrow type table (Int, Decimal, FloatingPoint...), which references nothing.
         */
        List<Long> scalars() {
            List<Long> out = new ArrayList<>(fields.size() * 3);
            for (Object[] f : fields) {
                if (!(f[2] instanceof Long v)) {
                    throw new IllegalStateException("not a table of scalars only");
                }
                out.add((long) (int) f[0]);
                out.add((long) (int) f[1]);
                out.add(v);
            }
            return out;
        }

        private Table scalar(int slot, int size, long v) {
            fields.add(new Object[] {slot, size, v});
            slots = Math.max(slots, slot + 1);
            return this;
        }

        private Table ref(int slot, Object target) {
            fields.add(new Object[] {slot, 4, target});
            slots = Math.max(slots, slot + 1);
            return this;
        }
    }

    private record TableVector(List<Table> tables) {
    }

    private record StructVector(long[] longs, int longsPerStruct) {
    }

    /** The finished buffer with {@code root} as its root table. */
    static byte[] finish(Table root) {
        Writer w = new Writer();
        w.u32(0);
        int r = w.table(root);
        w.buf.putInt(0, r);
        byte[] out = new byte[w.buf.position()];
        w.buf.flip();
        w.buf.get(out);
        return out;
    }

    private static final class Writer {
        ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        void ensure(int n) {
            if (buf.remaining() < n + 8) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n + 64))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        void align(int a) {
            ensure(a);
            while (buf.position() % a != 0) {
                buf.put((byte) 0);
            }
        }

        void u32(int v) {
            ensure(4);
            buf.putInt(v);
        }

        /** Writes the table's vtable, then the table, then what it references; answers the table's position. */
        int table(Table t) {
            // layout: the soffset, then fields largest first so each sits aligned without padding between sizes
            List<Object[]> order = new ArrayList<>(t.fields);
            order.sort((a, b) -> Integer.compare((int) b[1], (int) a[1]));
            int[] fieldAt = new int[t.slots];
            int size = 4;
            int[] offsetOf = new int[order.size()];
            for (int i = 0; i < order.size(); i++) {
                int s = (int) order.get(i)[1];
                size = (size + s - 1) / s * s;
                offsetOf[i] = size;
                fieldAt[(int) order.get(i)[0]] = size;
                size += s;
            }
            align(2);
            int vtable = buf.position();
            ensure(4 + 2 * t.slots);
            buf.putShort((short) (4 + 2 * t.slots));
            buf.putShort((short) size);
            for (int f : fieldAt) {
                buf.putShort((short) f);
            }
            align(8);
            int start = buf.position();
            ensure(size);
            buf.putInt(start - vtable);
            for (int i = 4; i < size; i++) {
                buf.put((byte) 0);
            }
            List<int[]> pending = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                Object[] f = order.get(i);
                int at = start + offsetOf[i];
                Object v = f[2];
                if (v instanceof Long l) {
                    switch ((int) f[1]) {
                        case 1 -> buf.put(at, (byte) (long) l);
                        case 2 -> buf.putShort(at, (short) (long) l);
                        case 4 -> buf.putInt(at, (int) (long) l);
                        default -> buf.putLong(at, l);
                    }
                } else {
                    pending.add(new int[] {at, i});
                }
            }
            for (int[] p : pending) {
                int target = object(order.get(p[1])[2]);
                buf.putInt(p[0], target - p[0]);
            }
            return start;
        }

        int object(Object v) {
            if (v instanceof Table t) {
                return table(t);
            }
            if (v instanceof byte[] s) {
                align(4);
                int at = buf.position();
                ensure(s.length + 5);
                buf.putInt(s.length);
                buf.put(s);
                buf.put((byte) 0);
                return at;
            }
            if (v instanceof TableVector tv) {
                align(4);
                int at = buf.position();
                ensure(4 + 4 * tv.tables().size());
                buf.putInt(tv.tables().size());
                int first = buf.position();
                for (int i = 0; i < tv.tables().size(); i++) {
                    buf.putInt(0);
                }
                for (int i = 0; i < tv.tables().size(); i++) {
                    int slot = first + 4 * i;
                    int target = table(tv.tables().get(i));
                    buf.putInt(slot, target - slot);
                }
                return at;
            }
            StructVector sv = (StructVector) v;
            // the length sits just before 8-aligned struct data
            align(8);
            ensure(12 + 8 * sv.longs().length);
            buf.putInt(0);
            int at = buf.position();
            buf.putInt(sv.longs().length / sv.longsPerStruct());
            for (long l : sv.longs()) {
                buf.putLong(l);
            }
            return at;
        }
    }
}
