package dev.autosync.emulator.wire;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Where a result's further chunks come from ({@link ResultChunks}): bytes kept until fetched ({@link Spooled}),
 * DuckDB's result cut as the chunks are asked for ({@link Lazy}), JSON chunks written to files ({@link Spilled}),
 * or the head's chunks followed by another source ({@link Prefixed}).
 */
interface ChunkSource extends AutoCloseable {
    /** Chunk {@code index}'s bytes, once; null when there is none (or it was served). */
    byte[] take(int index) throws SQLException;

    /** Whether every chunk has been taken. */
    boolean done();

    /** Bytes held for chunks not taken yet. */
    long held();

    @Override
    void close();

    /** The bytes of the chunks in {@code chunks}. */
    static long bytes(Collection<byte[]> chunks) {
        long n = 0;
        for (byte[] b : chunks) {
            n += b.length;
        }
        return n;
    }

    /** A result read to its end: every chunk's bytes, kept until fetched. */
    final class Spooled implements ChunkSource {
        private final Map<Integer, byte[]> chunks;

        Spooled(Map<Integer, byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public synchronized byte[] take(int index) {
            return chunks.remove(index);
        }

        @Override
        public synchronized boolean done() {
            return chunks.isEmpty();
        }

        @Override
        public synchronized long held() {
            return bytes(chunks.values());
        }

        @Override
        public synchronized void close() {
            chunks.clear();
        }
    }

    /**
     * A counted result: chunks cut from DuckDB's result in order as they are asked for, on the thread that fetches
     * a chunk, while holding the lock of the session's DuckDB connection (the session may be running its next
     * statement: {@code RowSource.connectionLock}); that lock is always taken before this source's own.
     */
    final class Lazy implements ChunkSource {
        private final ChunkCutter cutter;
        private final int[] rows;
        private final Lock connection;
        private final Map<Integer, byte[]> cut = new HashMap<>();
        private int next;
        private int taken;
        private boolean closed;

        Lazy(ChunkCutter cutter, int[] rows, Lock connection) {
            this.cutter = cutter;
            this.rows = rows;
            this.connection = connection;
        }

        @Override
        public byte[] take(int index) throws SQLException {
            if (index < 0 || index >= rows.length) {
                return null;
            }
            connection.lock();
            try {
                return cutUpTo(index);
            } finally {
                connection.unlock();
            }
        }

        private synchronized byte[] cutUpTo(int index) throws SQLException {
            while (next <= index && !closed) {
                ArrowColumns.Chunk c = cutter.next(rows[next]);
                if (c == null || c.rows() != rows[next] || next == rows.length - 1 && cutter.more()) {
                    close();
                    throw new SQLException("the result changed after it was counted (chunk " + next + ": "
                            + (c == null ? 0 : c.rows()) + " rows, " + rows[next] + " announced)");
                }
                cut.put(next++, c.bytes());
                if (next == rows.length) {
                    // every row cut: DuckDB's result can go
                    cutter.close();
                }
            }
            byte[] b = cut.remove(index);
            if (b != null) {
                taken++;
            }
            return b;
        }

        @Override
        public synchronized boolean done() {
            return taken == rows.length;
        }

        @Override
        public synchronized long held() {
            return bytes(cut.values());
        }

        @Override
        public void close() {
            connection.lock();
            try {
                synchronized (this) {
                    cut.clear();
                    closed = true;
                    cutter.close();
                }
            } finally {
                connection.unlock();
            }
        }
    }

    /**
     * JSON chunks of rows still in DuckDB: JSON chunks name their exact size in the first answer, so they are
     * written before it goes out, to files (the server's memory holds one chunk at a time), each read once.
     */
    final class Spilled implements ChunkSource {
        private final Map<Integer, Path> files = new HashMap<>();

        synchronized void add(int index, byte[] bytes) throws IOException {
            Path f = Files.createTempFile("autosync-chunk-", ".json");
            files.put(index, f);
            Files.write(f, bytes);
        }

        @Override
        public byte[] take(int index) throws SQLException {
            Path f;
            synchronized (this) {
                f = files.remove(index);
            }
            if (f == null) {
                return null;
            }
            try {
                return Files.readAllBytes(f);
            } catch (IOException e) {
                throw new SQLException("reading result chunk " + index + " failed: " + e.getMessage(), e);
            } finally {
                deleteQuietly(f);
            }
        }

        @Override
        public synchronized boolean done() {
            return files.isEmpty();
        }

        @Override
        public long held() {
            return 0;
        }

        @Override
        public synchronized void close() {
            files.values().forEach(ChunkSource::deleteQuietly);
            files.clear();
        }
    }

    /** Chunks cut from the rows read with the head (indexes 0..k-1), then those of {@code rest}, if any. */
    final class Prefixed implements ChunkSource {
        private final Spooled head;
        private final int count;
        private final ChunkSource rest;

        Prefixed(Map<Integer, byte[]> head, ChunkSource rest) {
            this.count = head.size();
            this.head = new Spooled(head);
            this.rest = rest;
        }

        @Override
        public byte[] take(int index) throws SQLException {
            if (index < count) {
                return head.take(index);
            }
            return rest == null ? null : rest.take(index - count);
        }

        @Override
        public boolean done() {
            return head.done() && (rest == null || rest.done());
        }

        @Override
        public long held() {
            return head.held() + (rest == null ? 0 : rest.held());
        }

        @Override
        public void close() {
            head.close();
            if (rest != null) {
                rest.close();
            }
        }
    }

    static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temporary file: the operating system's cleanup takes it
        }
    }
}
