package dev.autosync.backfill;

import java.util.ArrayList;
import java.util.List;

/** One entity's backfill: files in the window, those loaded before (by the pipe or a backfill), and what this run did. */
public final class EntityBackfill {
    private final String entity;
    private final List<StagedFile> toLoad;
    private final int inWindow;
    private final int loadedBefore;
    private final List<FileLoad> loads = new ArrayList<>();

    EntityBackfill(String entity, int inWindow, int loadedBefore, List<StagedFile> toLoad) {
        this.entity = entity;
        this.inWindow = inWindow;
        this.loadedBefore = loadedBefore;
        this.toLoad = List.copyOf(toLoad);
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
