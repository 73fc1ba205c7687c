package dev.autosync.emulator.wire;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A counted result's chunks are cut from DuckDB's result when the driver fetches them, on the chunk's HTTP thread,
 * while the session that ran it may already run its next statement on the same DuckDB connection: cutting and
 * closing wait for the session's connection lock (held while a statement runs) and touch DuckDB only holding it.
 */
class LazyChunkLockTest {
    /** A cutter of fixed chunks that notes whether the connection lock was held at each call. */
    private static final class Recording implements ChunkCutter {
        private final ReentrantLock connection;
        private final List<String> calls = new ArrayList<>();
        private int cut;

        Recording(ReentrantLock connection) {
            this.connection = connection;
        }

        @Override
        public synchronized ArrowColumns.Chunk next(int max) {
            calls.add("next locked=" + connection.isHeldByCurrentThread());
            return cut++ < 2 ? new ArrowColumns.Chunk(new byte[] {(byte) cut}, max) : null;
        }

        @Override
        public synchronized boolean more() {
            return false;
        }

        @Override
        public synchronized void close() {
            calls.add("close locked=" + connection.isHeldByCurrentThread());
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }
    }

    @Test
    @DisplayName("a chunk is cut only once the session's running statement lets go of the connection")
    void cuttingWaitsForTheSessionsStatement() throws Exception {
        ReentrantLock connection = new ReentrantLock();
        Recording cutter = new Recording(connection);
        ChunkSource.Lazy lazy = new ChunkSource.Lazy(cutter, new int[] {3, 4}, connection);
        connection.lock();
        CompletableFuture<byte[]> fetch;
        try {
            // the session's statement runs: the chunk's HTTP thread waits
            fetch = CompletableFuture.supplyAsync(() -> take(lazy, 1));
            assertThrows(TimeoutException.class, () -> fetch.get(300, TimeUnit.MILLISECONDS));
            assertEquals(List.of(), cutter.calls(), "nothing cut while the statement runs");
        } finally {
            connection.unlock();
        }
        assertArrayEquals(new byte[] {2}, fetch.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("next locked=true", "next locked=true", "close locked=true"), cutter.calls(),
                "both chunks cut, then DuckDB's result freed, each holding the connection");
        assertArrayEquals(new byte[] {1}, lazy.take(0));
        assertTrue(lazy.done());
        assertFalse(connection.isLocked());
    }

    @Test
    @DisplayName("dropping a result part-read frees DuckDB's result holding the connection")
    void closingHoldsTheConnection() throws Exception {
        ReentrantLock connection = new ReentrantLock();
        Recording cutter = new Recording(connection);
        ChunkSource.Lazy lazy = new ChunkSource.Lazy(cutter, new int[] {3, 4}, connection);
        assertArrayEquals(new byte[] {1}, lazy.take(0));
        connection.lock();
        CompletableFuture<Void> drop;
        try {
            drop = CompletableFuture.runAsync(lazy::close);
            assertThrows(TimeoutException.class, () -> drop.get(300, TimeUnit.MILLISECONDS));
        } finally {
            connection.unlock();
        }
        drop.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("next locked=true", "close locked=true"), cutter.calls());
        assertEquals(null, lazy.take(1), "a dropped result has no more chunks");
    }

    private static byte[] take(ChunkSource source, int index) {
        try {
            return source.take(index);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
