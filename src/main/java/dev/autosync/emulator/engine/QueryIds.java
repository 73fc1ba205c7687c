package dev.autosync.emulator.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Query ids in Snowflake's shape, unique within this emulator's run. */
final class QueryIds {
    private final AtomicLong counter = new AtomicLong();
    private final String prefix = String.format("01b%05x", (int) (Math.random() * 0xfffff));

    String next() {
        long n = counter.incrementAndGet();
        // as String.format("-0000-%04x-0000-%012x"), without parsing a format on every query
        StringBuilder b = new StringBuilder(prefix.length() + 29).append(prefix).append("-0000-");
        hex(b, (n >>> 48) & 0xffff, 4).append("-0000-");
        return hex(b, n & 0xffffffffffffL, 12).toString();
    }

    private static StringBuilder hex(StringBuilder b, long v, int digits) {
        String h = Long.toHexString(v);
        for (int i = h.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(h);
    }
}
