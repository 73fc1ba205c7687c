package dev.autosync.emulator.wire;

import dev.autosync.emulator.engine.ResultColumn;
import dev.autosync.emulator.engine.SfType;
import dev.autosync.emulator.wire.ArrowIpc.Vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Arrow schema message of a chunk, kept per column list and vector layout: a small result's chunk is
 * mostly its schema (about 500 of 650 bytes for {@code SELECT 1}, with each field's metadata), and
 * building it through {@link FlatBuffer} cost more than the rest of the answer. The key holds everything
 * {@link Vector#field} writes: the column's name and type (its metadata), the vector's Arrow type with
 * its parameters, its physical type, and its children's, so a cached message is byte for byte the one
 * that would be built.
 */
final class SchemaMessages {
    /** Distinct layouts kept; beyond it the cache starts over (a workload has far fewer result shapes). */
    static final int MAX_KEPT = 512;
    private static final Map<List<FieldKey>, byte[]> KEPT = new ConcurrentHashMap<>();

    private SchemaMessages() {
    }

    /** One field as written: the column's name and type (null for a struct's child), the vector's layout. */
    private record FieldKey(String name, SfType type, int typeId, List<Long> typeScalars, String physicalType,
                            List<FieldKey> children) {
    }

    /** The schema message for {@code columns} laid out as {@code vectors}: the kept one, else {@code build}'s. */
    static byte[] of(List<ResultColumn> columns, List<Vector> vectors, Supplier<byte[]> build) {
        List<FieldKey> key = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            key.add(key(columns.get(c).name(), columns.get(c).type(), vectors.get(c)));
        }
        byte[] kept = KEPT.get(key);
        if (kept != null) {
            return kept;
        }
        byte[] built = build.get();
        if (KEPT.size() >= MAX_KEPT) {
            KEPT.clear();
        }
        KEPT.put(key, built);
        return built;
    }

    /** How many layouts are kept (tests). */
    static int size() {
        return KEPT.size();
    }

    private static FieldKey key(String name, SfType type, Vector v) {
        List<FieldKey> children = List.of();
        if (!v.children.isEmpty()) {
            children = new ArrayList<>(v.children.size());
            for (Vector child : v.children) {
                children.add(key(child.name, null, child));
            }
        }
        return new FieldKey(name, type, v.typeId, v.type.scalars(), v.physicalType, children);
    }
}
