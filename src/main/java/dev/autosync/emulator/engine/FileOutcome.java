package dev.autosync.emulator.engine;

/**
 * The outcome of loading one file, in the terms of COPY's result and COPY_HISTORY; its converted
 * rows wait in {@code resultTable} (null when nothing loads).
 */
record FileOutcome(StagedFile file, String status, long parsed, long loaded, long errors, long errorLimit,
                   String firstError, Long firstErrorLine, Long firstErrorCharacter, String firstErrorColumn,
                   String resultTable) {

    String historyStatus() {
        return switch (status) {
            case "LOADED" -> "Loaded";
            case "PARTIALLY_LOADED" -> "Partially loaded";
            default -> "Load failed";
        };
    }
}
