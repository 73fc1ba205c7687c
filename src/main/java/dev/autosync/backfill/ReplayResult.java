package dev.autosync.backfill;

import java.util.Map;

/**
 * What a replay did: how many rejects it sent back, per reason before, and how many of them still
 * fail afterwards, per (updated) reason.
 */
public record ReplayResult(String entity, long replayed, Map<String, Long> before, Map<String, Long> after) {
    public ReplayResult {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    public long passed() {
        return replayed - after.values().stream().mapToLong(Long::longValue).sum();
    }
}
