package dev.autosync.e2e;

import dev.autosync.config.PropertyNames;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.render.RenderedBundle;
import dev.autosync.warehouse.CopyHistory;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Proves that a deployed pipeline ingests: the run's copy of the sample events is PUT on the e2e
 * stage under a folder named after the run, loaded through each entity's e2e pipe, normalised by
 * the entity's task, and compared with {@link ContractModel}; then everything the run created is
 * removed. This class runs it; {@link LoadChecks} and {@link NormalisedChecks} are the five named
 * checks, each reporting what was expected and what was found.
 */
public final class EndToEndCheck {
    public static final String FILES_LOADED = "files-loaded";
    public static final String LANDING_ROWS = "landing-rows";
    public static final String NORMALISED_ROWS = "normalised-rows";
    public static final String MALFORMED_REJECTED = "malformed-file-rejected";
    public static final String REPLAY_IDEMPOTENT = "replay-changes-nothing";

    /** How the run behaves: how long to wait for each stage, whether to keep its rows, where to write files, progress. */
    public record Settings(Duration timeout, boolean keep, Path workDir, Consumer<String> progress) {
    }

    private final RenderedBundle bundle;
    private final Warehouse w;
    private final Settings settings;
    private final RunScope scope;
    private final Leftovers leftovers;

    public EndToEndCheck(RenderedBundle bundle, PipelineSpec spec, Warehouse w, Settings settings) {
        this(bundle, spec, w, settings, newRunId());
    }

    EndToEndCheck(RenderedBundle bundle, PipelineSpec spec, Warehouse w, Settings settings, String runId) {
        this.bundle = bundle;
        this.w = w;
        this.settings = settings;
        this.scope = new RunScope(bundle, runId);
        this.leftovers = new Leftovers(bundle, spec, w, settings.progress());
    }

    static String newRunId() {
        String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("E2E-").append(LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).append('-');
        for (int i = 0; i < 4; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    public String runId() {
        return scope.runId();
    }

    /**
     * Sends the files and runs the checks. A statement that fails on the warehouse (typically the
     * connection lost) ends the run with a WarehouseException that names the run's leftovers.
     */
    public E2eReport run(List<EventFile> input) throws WarehouseException, E2eException {
        try {
            return checks(input);
        } catch (WarehouseException e) {
            String id = runId();
            throw e.retold("autosync:e2e lost its connection to " + w.target().describe() + " during run " + id
                    + ": " + e.getMessage() + "\nNothing of the pipeline is lost; the run's test files and rows are removed by the "
                    + "next e2e run (after an hour), or by hand: REMOVE @" + bundle.e2eStage() + "/<folder>/" + id + "/ and DELETE "
                    + "the rows whose FILE_NAME contains " + id + ".");
        }
    }

    private E2eReport checks(List<EventFile> input) throws WarehouseException, E2eException {
        long start = System.nanoTime();
        List<EventFile> files = input.stream().map(scope.rewriter()::rewrite).toList();
        RunFiles sender = new RunFiles(scope, w, settings.workDir(), settings.timeout(), settings.progress());
        TaskRuns tasks = new TaskRuns(scope, w, settings.timeout());
        LoadChecks loads = new LoadChecks(scope, w, settings.timeout());
        NormalisedChecks normalised = new NormalisedChecks(scope, w, sender, tasks);
        List<CheckResult> checks = new ArrayList<>();
        List<String> stale = leftovers.removeStaleRuns(runId());
        try {
            sender.send(files, scope.prefix());
            long t = System.nanoTime();
            Map<String, CopyHistory.Load> history = sender.awaitLoads(files, scope.prefix());
            checks.add(loads.filesLoaded(files, history, t));
            boolean loaded = !checks.get(0).failed();
            checks.add(loaded ? loads.landingRows(files) : notLoaded(LANDING_ROWS));
            Map<String, List<String>> before = null;
            if (loaded) {
                t = System.nanoTime();
                tasks.runFor(files);
                before = normalised.snapshot(files);
                checks.add(normalised.normalisedRows(files, t));
            } else {
                checks.add(notLoaded(NORMALISED_ROWS));
            }
            checks.add(loads.malformedRejected(files, history));
            checks.add(loaded ? normalised.replay(files, before) : notLoaded(REPLAY_IDEMPOTENT));
        } finally {
            // once more for stale runs: their rows may still sit in an append-only stream, normalised by this run's tasks
            stale.forEach(leftovers::remove);
            if (!settings.keep()) {
                leftovers.removeRun(runId(), settings.workDir());
            } else {
                settings.progress().accept("Keeping the run's files and rows (" + PropertyNames.E2E_KEEP + "): run id " + runId());
            }
        }
        return new E2eReport(runId(), checks, (System.nanoTime() - start) / 1_000_000);
    }

    private static CheckResult notLoaded(String name) {
        return CheckResult.skipped(name, "not run: the files did not load");
    }
}
