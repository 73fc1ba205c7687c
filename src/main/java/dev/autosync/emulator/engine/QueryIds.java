package dev.autosync.emulator.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Query ids in Snowflake's shape, unique within this emulator's run. */
final class QueryIds {
    private final AtomicLong counter = new AtomicLong();
    private final String prefix = String.format("01b%05x", (int) (Math.random() * 0xfffff));

    String next() {
        long n = counter.incrementAndGet();
        return prefix + String.format("-0000-%04x-0000-%012x", (int) (n >>> 48) & 0xffff, n & 0xffffffffffffL);
    }
}
