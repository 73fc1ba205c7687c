package dev.autosync.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Which rejects to replay: those of {@code entity}, optionally only with a reason starting with
 * {@code reason} and only rejected at or after {@code since}.
 */
public record ReplaySettings(String entity, String reason, Instant since, Duration taskTimeout, Consumer<String> progress) {
}
