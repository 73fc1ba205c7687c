package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.e2e.CheckResult;
import dev.autosync.e2e.E2eReport;
import dev.autosync.e2e.EndToEndCheck;
import dev.autosync.e2e.EventFile;
import dev.autosync.e2e.JUnitXmlReport;
import dev.autosync.e2e.SampleFiles;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderedBundle;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the deployed pipeline ingests: sends the sample events (and {@code autosync.e2e.files})
 * with this run's id through each entity's e2e pipe and task, checks five things by name, writes
 * a JUnit-XML report to {@code target/autosync/e2e/}, and removes what the run created.
 */
@Mojo(name = E2eMojo.GOAL_NAME, defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class E2eMojo extends AbstractWarehouseMojo {
    public static final String GOAL_NAME = "e2e";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.E2E_SKIP, defaultValue = "false")
    private boolean e2eSkip;

    /** Seconds to wait for each stage: files to load, a task to run. */
    @Parameter(property = PropertyNames.E2E_TIMEOUT, defaultValue = "120")
    private int timeout;

    /** More event files to send, each named after its entity's folder (grades_*.json); malformed_* files must be rejected. */
    @Parameter(property = PropertyNames.E2E_FILES)
    private List<File> files;

    /** Keeps the run's staged files and rows (for inspection) instead of removing them. */
    @Parameter(property = PropertyNames.E2E_KEEP, defaultValue = "false")
    private boolean keep;

    /** The pipeline spec render used (default: the school pipeline). */
    @Parameter(property = PropertyNames.PIPELINE)
    private File pipeline;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return e2eSkip;
    }

    @Override
    protected void doExecute() throws Exception {
        if (timeout < 1) {
            throw new UserFacingException(PropertyNames.E2E_TIMEOUT + " is " + timeout + "; give a number of seconds of 1 or more.");
        }
        RenderedBundle bundle = Manifest.readFrom(outputDirectory.toPath(), GOAL_NAME);
        PipelineSpecReader reader = new PipelineSpecReader();
        PipelineSpec spec = pipeline == null ? reader.readDefault() : reader.read(pipeline.toPath(), display(pipeline));
        List<EventFile> events = new ArrayList<>(SampleFiles.shipped(spec));
        if (files != null) {
            for (File f : files) {
                events.add(SampleFiles.user(spec, f.toPath()));
            }
        }
        Path reportDir = outputDirectory.toPath().resolve("e2e");
        try (Warehouse w = connect()) {
            EndToEndCheck check = new EndToEndCheck(bundle, spec, w, new EndToEndCheck.Settings(Duration.ofSeconds(timeout), keep,
                    reportDir.resolve("work"), getLog()::info));
            getLog().info("End-to-end run " + check.runId() + ": " + events.size() + " file(s) through the e2e pipes of "
                    + bundle.database() + "." + bundle.schema());
            E2eReport report = check.run(events);
            for (CheckResult c : report.checks()) {
                String mark = switch (c.outcome()) {
                    case PASSED -> "PASS";
                    case FAILED -> "FAIL";
                    case SKIPPED -> "SKIP";
                };
                String line = String.format("%s %-24s %s", mark, c.name(), c.summary());
                if (c.failed()) {
                    getLog().error(line);
                    c.problems().forEach(p -> getLog().error("     " + p));
                } else {
                    getLog().info(line);
                }
            }
            Path xml = JUnitXmlReport.write(report, reportDir);
            long passed = report.checks().stream().filter(c -> c.outcome() == CheckResult.Outcome.PASSED).count();
            getLog().info(String.format("e2e %s: %d passed, %d failed, %d skipped in %.1f s; report %s", report.runId(), passed,
                    report.failures().size(), report.checks().size() - passed - report.failures().size(), report.millis() / 1000.0,
                    display(xml.toFile())));
            if (!report.passed()) {
                StringBuilder sb = new StringBuilder("The end-to-end check failed (run " + report.runId() + "):");
                for (CheckResult c : report.failures()) {
                    sb.append("\n  ").append(c.name()).append(':');
                    c.problems().forEach(p -> sb.append("\n    - ").append(p));
                }
                throw new UserFacingException(sb.toString());
            }
        }
    }
}
