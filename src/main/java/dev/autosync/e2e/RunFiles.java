package dev.autosync.e2e;

import dev.autosync.pipeline.EntitySpec;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.QualifiedName;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.Await;
import dev.autosync.warehouse.CopyHistory;
import dev.autosync.warehouse.PipeStatus;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Sends a run's files: PUT on the e2e stage, REFRESH of each entity's e2e pipe, and the wait for their loads. */
final class RunFiles {
    private final RunScope scope;
    private final Warehouse w;
    private final Path workDir;
    private final Duration timeout;
    private final Consumer<String> progress;

    RunFiles(RunScope scope, Warehouse w, Path workDir, Duration timeout, Consumer<String> progress) {
        this.scope = scope;
        this.w = w;
        this.workDir = workDir;
        this.timeout = timeout;
        this.progress = progress;
    }

    Duration timeout() {
        return timeout;
    }

    /** Stages the files under {@code prefix} and has the e2e pipes queue them. */
    void send(List<EventFile> files, String prefix) throws E2eException, WarehouseException {
        put(files, prefix);
        for (EntityObjects e : scope.entitiesOf(files)) {
            w.execute("ALTER PIPE " + e.e2ePipe() + " REFRESH PREFIX = " + SqlLiterals.quote(prefix));
        }
    }

    private String stagePath(EntitySpec e, String prefix) {
        return "@" + scope.bundle().e2eStage() + "/" + e.folder() + "/" + prefix;
    }

    private void put(List<EventFile> files, String prefix) throws E2eException, WarehouseException {
        for (EventFile f : files) {
            Path dir = workDir.resolve(prefix).resolve(f.entity().folder());
            Path local;
            try {
                Files.createDirectories(dir);
                local = Files.write(dir.resolve(f.name()), f.content());
            } catch (IOException e) {
                throw new E2eException("Cannot write " + f.name() + " under " + dir + ": " + e.getMessage());
            }
            String path = local.toAbsolutePath().toString().replace('\\', '/');
            if (path.contains("'")) {
                throw new E2eException("The e2e work folder " + workDir + " contains a quote; PUT cannot name it.");
            }
            w.execute("PUT 'file://" + path + "' " + stagePath(f.entity(), prefix) + " AUTO_COMPRESS = FALSE OVERWRITE = TRUE");
        }
    }

    /** Waits until every file has a final status in COPY_HISTORY (or the time is up), printing the pending ones every 5 s. */
    Map<String, CopyHistory.Load> awaitLoads(List<EventFile> files, String prefix) throws WarehouseException {
        return Await.until("the e2e files to load", () -> history(files, prefix),
                h -> files.stream().noneMatch(f -> pending(h, f, prefix)), timeout, Await.Pacing.backoff(Duration.ofSeconds(5)),
                (h, seconds) -> {
                    for (EventFile f : files) {
                        if (pending(h, f, prefix)) {
                            progress.accept("waiting for " + RunScope.key(f, prefix) + ": not loaded yet (" + seconds + " s of "
                                    + timeout.toSeconds() + " s; " + pipeState(scope.objects(f.entity()).e2ePipe()) + ")");
                        }
                    }
                }).last();
    }

    static boolean pending(Map<String, CopyHistory.Load> history, EventFile f, String prefix) {
        CopyHistory.Load h = history.get(RunScope.key(f, prefix));
        return h == null || h.inProgress();
    }

    /** The e2e pipe's execution state and queue, from SYSTEM$PIPE_STATUS, for progress lines. */
    private String pipeState(QualifiedName pipe) throws WarehouseException {
        PipeStatus status = PipeStatus.read(w, pipe);
        return pipe.last().name() + " " + status.executionState() + ", " + status.pendingFileCount() + " file(s) pending";
    }

    private Map<String, CopyHistory.Load> history(List<EventFile> files, String prefix) throws WarehouseException {
        Map<String, CopyHistory.Load> out = new LinkedHashMap<>();
        for (EntityObjects e : scope.entitiesOf(files)) {
            for (CopyHistory.Load r : CopyHistory.read(w, e.landingTable(), Duration.ofHours(2), "%" + prefix + "%")) {
                String name = r.fileName();
                out.put(name.substring(Math.max(0, name.indexOf(e.folder() + "/" + prefix))), r);
            }
        }
        return out;
    }
}
