package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderedBundle;
import dev.autosync.status.HtmlFormat;
import dev.autosync.status.JsonFormat;
import dev.autosync.status.StatusCollector;
import dev.autosync.status.StatusReport;
import dev.autosync.status.TableFormat;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.execution.MavenSession;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The pipeline's health in one screen: pipes, ingestion over 24 h and 7 d, recent load errors,
 * streams, tasks, rejected records and one verdict (HEALTHY / DEGRADED / FAILING), as a terminal
 * table, a JSON document or a self-contained HTML page with charts.
 */
@Mojo(name = StatusMojo.GOAL_NAME, threadSafe = true)
public class StatusMojo extends AbstractWarehouseMojo {
    public static final String GOAL_NAME = "status";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.STATUS_SKIP, defaultValue = "false")
    private boolean statusSkip;

    /** {@code table} (the terminal), {@code json} or {@code html}. */
    @Parameter(property = PropertyNames.FORMAT, defaultValue = "table")
    private String format;

    /** Where json or html goes (default {@code target/autosync/status.json} / {@code status.html}); table also writes it when set. */
    @Parameter(property = PropertyNames.OUTPUT_FILE)
    private File outputFile;

    /** Fails the build when the verdict is not HEALTHY (cron or CI monitoring). */
    @Parameter(property = PropertyNames.FAIL_ON_UNHEALTHY, defaultValue = "false")
    private boolean failOnUnhealthy;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return statusSkip;
    }

    @Override
    protected void doExecute() throws Exception {
        String f = format == null ? "table" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("html")) {
            throw new UserFacingException(PropertyNames.FORMAT + " is '" + format + "'; use table, json or html.");
        }
        RenderedBundle bundle = Manifest.readFrom(outputDirectory.toPath(), GOAL_NAME);
        StatusReport report;
        try (Warehouse w = connect()) {
            report = new StatusCollector(bundle, w).collect();
        }
        switch (f) {
            case "json" -> write(JsonFormat.render(report), "status.json");
            case "html" -> write(HtmlFormat.render(report), "status.html");
            default -> {
                int width = terminalWidth();
                new TableFormat(width, colour()).render(report).forEach(getLog()::info);
                if (outputFile != null) {
                    Files.writeString(outputFile.toPath(), String.join("\n", new TableFormat(width, false).render(report)) + "\n",
                            StandardCharsets.UTF_8);
                }
            }
        }
        if (failOnUnhealthy && report.verdict().level() != StatusReport.Level.HEALTHY) {
            throw new UserFacingException("The pipeline is " + report.verdict().level() + " (autosync.status.failOnUnhealthy):\n  - "
                    + String.join("\n  - ", report.verdict().reasons()));
        }
    }

    private void write(String content, String defaultName) throws Exception {
        Path file = outputFile != null ? outputFile.toPath() : outputDirectory.toPath().resolve(defaultName);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        getLog().info("Wrote " + display(file.toFile()));
    }

    /** Colour only on an interactive terminal: not in batch mode (-B), not piped, not with NO_COLOR or TERM=dumb. */
    private boolean colour() {
        boolean interactive = session == null || session.getRequest().isInteractiveMode();
        return interactive && System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    private static int terminalWidth() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 120 : Integer.parseInt(c.trim()) - 7; // Maven's "[INFO] " prefix
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
