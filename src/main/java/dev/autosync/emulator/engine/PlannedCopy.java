package dev.autosync.emulator.engine;

/** A stored COPY (a pipe's definition) opened and planned; closing it drops the statement's temporary tables. */
record PlannedCopy(RunningStatement statement, CopyPlan plan) implements AutoCloseable {
    @Override
    public void close() {
        statement.close();
    }
}
