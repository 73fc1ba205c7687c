package dev.autosync.backfill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What to backfill: files last modified in [{@code since}, {@code until}) (until defaults to now;
 * it never reaches past the pipe's creation, after which the files are the pipe's), of the named
 * entities (empty: all), at most {@code batchSize} files per COPY. {@code interruptAfterBatches}
 * stops the run after that many COPY statements, before their commit, as a kill would (tests).
 */
public record BackfillSettings(Instant since, Instant until, Set<String> entities, boolean dryRun, int batchSize,
                               int interruptAfterBatches, Duration taskTimeout, Clock clock, Consumer<String> progress) {
    public BackfillSettings {
        entities = Set.copyOf(entities);
        if (batchSize < 1 || batchSize > PipeCopy.MAX_FILES) {
            throw new IllegalArgumentException("batch size " + batchSize + " is not between 1 and " + PipeCopy.MAX_FILES);
        }
    }
}
