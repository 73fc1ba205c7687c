package dev.autosync.backfill;

import java.util.ArrayList;
import java.util.List;

/**
 * One entity's backfill: files in the window, those loaded before (by the pipe or a backfill), those
 * staged around the pipe's creation and handed to the pipe, and what this run did.
 */
public final class EntityBackfill {
    private final String entity;
    private final List<StagedFile> toLoad;
    private final List<StagedFile> toPipe;
    private final int inWindow;
    private final int loadedBefore;
    private final List<FileLoad> loads = new ArrayList<>();

    EntityBackfill(String entity, int inWindow, int loadedBefore, List<StagedFile> toLoad, List<StagedFile> toPipe) {
        this.entity = entity;
        this.inWindow = inWindow;
        this.loadedBefore = loadedBefore;
        this.toLoad = List.copyOf(toLoad);
        this.toPipe = List.copyOf(toPipe);
    }

    public String entity() {
        return entity;
    }

    public int inWindow() {
        return inWindow;
    }

    public int loadedBefore() {
        return loadedBefore;
    }

    public List<StagedFile> toLoad() {
        return toLoad;
    }

    /**
     * Files not landed yet whose time is too close to the pipe's creation to tell whether the pipe was
     * notified of them: queued on the pipe (ALTER PIPE ... REFRESH, which skips a file the pipe or a COPY
     * loaded), rather than copied, which could land a notified file twice.
     */
    public List<StagedFile> toPipe() {
        return toPipe;
    }

    public long bytesToLoad() {
        return toLoad.stream().mapToLong(StagedFile::size).sum();
    }

    public List<FileLoad> loads() {
        return List.copyOf(loads);
    }

    void add(FileLoad load) {
        loads.add(load);
    }

    public long rowsLoaded() {
        return loads.stream().mapToLong(FileLoad::rows).sum();
    }

    public long filesLoaded() {
        return loads.stream().filter(l -> !l.failed()).count();
    }

    public List<FileLoad> failures() {
        return loads.stream().filter(FileLoad::failed).toList();
    }
}
