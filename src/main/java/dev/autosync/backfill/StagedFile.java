package dev.autosync.backfill;

import java.time.Instant;

/**
 * One file LIST found: its path relative to the stage (what METADATA$FILENAME and the landing
 * table's FILE_NAME hold), its size, checksum and when it was last modified.
 */
public record StagedFile(String path, long size, String md5, Instant lastModified) {
}
