package dev.autosync.backfill;

/** What a COPY did with one file: its status (LOADED, LOAD_FAILED, PARTIALLY_LOADED), rows and first error. */
public record FileLoad(StagedFile file, String status, long rows, String firstError) {
    public boolean failed() {
        return "LOAD_FAILED".equalsIgnoreCase(status);
    }
}
