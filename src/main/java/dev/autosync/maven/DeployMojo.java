package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.Manifest;
import dev.autosync.render.RenderedBundle;
import dev.autosync.warehouse.CloudWiring;
import dev.autosync.streamlit.StreamlitPublisher;
import dev.autosync.warehouse.DeployAction;
import dev.autosync.warehouse.DeployOptions;
import dev.autosync.warehouse.DeployPlan;
import dev.autosync.warehouse.DeployResult;
import dev.autosync.warehouse.Deployer;
import dev.autosync.warehouse.HealthGate;
import dev.autosync.warehouse.ReaderGrants;
import dev.autosync.warehouse.Warehouse;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plans the rendered pipeline against the target (CREATE / REPLACE / ALTER / UNCHANGED per object,
 * from the deploy history and what exists), applies only what changed, safely (tables never
 * dropped, pipes drained before they are replaced, tasks suspended and resumed), then checks that
 * the pipeline is healthy. The plan is always written to {@code plan.json} and {@code plan.sql}.
 */
@Mojo(name = DeployMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class DeployMojo extends AbstractWarehouseMojo {
    public static final String GOAL_NAME = "deploy";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.DEPLOY_SKIP, defaultValue = "false")
    private boolean deploySkip;

    /** Prints and writes the plan without changing anything. */
    @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** Allows changes that lose data: dropping or retyping a table column, replacing an internal stage or a stream with unprocessed rows. */
    @Parameter(property = PropertyNames.ALLOW_DESTRUCTIVE, defaultValue = "false")
    private boolean allowDestructiveChanges;

    /** How long, in seconds, a pipe being replaced may take to pause (loading what was queued before the pause) and to run again. */
    @Parameter(property = PropertyNames.DRAIN_TIMEOUT, defaultValue = "300")
    private int drainTimeout;

    /**
     * A role to give exactly what status, the monitoring views and the status page read (USAGE, SELECT, MONITOR on
     * pipes and tasks): deploy grants it after applying and writes the statements to reader-grants.sql.
     */
    @Parameter(property = PropertyNames.READER_ROLE)
    private String readerRole;

    /** Testing aid: stop after this many applied objects, as a crash would, to prove that a re-run converges. */
    @Parameter(property = PropertyNames.INTERRUPT_AFTER, defaultValue = "0")
    private int interruptAfter;

    /** Also publishes the Auto-Sync Status Streamlit app that render wrote (PUT to a stage, CREATE STREAMLIT). */
    @Parameter(property = PropertyNames.STREAMLIT, defaultValue = "false")
    private boolean streamlit;

    /** The query warehouse of the Streamlit app (required with {@code streamlit}). */
    @Parameter(property = PropertyNames.STREAMLIT_WAREHOUSE)
    private String streamlitWarehouse;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return deploySkip;
    }

    @Override
    protected void doExecute() throws Exception {
        RenderedBundle bundle = Manifest.readFrom(outputDirectory.toPath(), GOAL_NAME);
        if (drainTimeout < 1) {
            throw new UserFacingException(PropertyNames.DRAIN_TIMEOUT + " is " + drainTimeout + "; give a number of seconds of 1 or more.");
        }
        try (Warehouse w = connect()) {
            String user = w.target().settings().getOrDefault("user", System.getProperty("user.name"));
            DeployOptions options = new DeployOptions(allowDestructiveChanges, Duration.ofSeconds(drainTimeout), user,
                    pluginVersion == null ? "dev" : pluginVersion, interruptAfter, getLog()::info);
            Deployer deployer = new Deployer(bundle, w, options);
            DeployPlan plan = deployer.plan();
            Path out = outputDirectory.toPath();
            Files.createDirectories(out);
            Files.writeString(out.resolve("plan.json"), plan.toJson(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("plan.sql"), plan.toSql(), StandardCharsets.UTF_8);
            List<String> readerGrants = List.of();
            if (readerRole != null && !readerRole.isBlank()) {
                try {
                    readerGrants = ReaderGrants.statements(bundle, readerRole.strip(), streamlit);
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException(PropertyNames.READER_ROLE + ": " + e.getMessage() + ".");
                }
                Files.writeString(out.resolve("reader-grants.sql"), ReaderGrants.script(bundle, readerRole.strip(), streamlit),
                        StandardCharsets.UTF_8);
            }
            if (dryRun) {
                getLog().info("Dry run: nothing is changed. Plan (" + plan.summary() + "):");
                plan.table().forEach(getLog()::info);
                plan.steps().stream().flatMap(s -> s.notes().stream()).forEach(n -> getLog().warn(n));
                plan.refusals().forEach(r -> getLog().warn("refused: " + r));
                getLog().info("Wrote " + display(out.resolve("plan.json").toFile()) + " and " + display(out.resolve("plan.sql").toFile()));
                return;
            }
            getLog().info("Plan: " + plan.summary());
            DeployResult result = deployer.apply(plan);
            getLog().info("Deployed to " + w.target().describe() + ": " + result.summary());
            if (!result.trustValues().isEmpty()) {
                getLog().info("Set these on the cloud side (trust policy / consent), see cloud-setup.sql:");
                result.trustValues().forEach(v -> getLog().info("  " + v));
            }
            List<String> wiring = CloudWiring.steps(bundle, w);
            if (!wiring.isEmpty()) {
                getLog().info("Cloud side (printed on every deploy; autosync cannot see whether it is done), for "
                        + bundle.provider().id() + ":");
                wiring.forEach(l -> getLog().info("  " + l));
            }
            publish(bundle, w, result);
            if (streamlit) {
                publishApp(bundle, w);
            }
            // after the app exists: the reader's USAGE on it needs the object
            for (String g : readerGrants) {
                w.execute(g);
            }
            if (!readerGrants.isEmpty()) {
                getLog().info("Granted role " + readerRole.strip() + " what status, the views and the status page read ("
                        + readerGrants.size() + " grants; " + display(out.resolve("reader-grants.sql").toFile()) + ")");
            }
            List<String> problems = HealthGate.problems(bundle, w);
            if (!problems.isEmpty()) {
                throw new UserFacingException("The pipeline is deployed but not healthy:\n  - " + String.join("\n  - ", problems));
            }
            getLog().info("Health check passed: every pipe RUNNING, every task started, no stream stale.");
        }
    }

    private void publishApp(RenderedBundle b, Warehouse w) throws Exception {
        if (streamlitWarehouse == null || streamlitWarehouse.isBlank()) {
            throw new UserFacingException(PropertyNames.STREAMLIT + " is true but no query warehouse is set: add <streamlitWarehouse>"
                    + " to the plugin's configuration or -D" + PropertyNames.STREAMLIT_WAREHOUSE + "=NAME (the app runs on it).");
        }
        String warehouse;
        try {
            warehouse = new dev.autosync.render.Identifier(streamlitWarehouse.trim()).sql();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(PropertyNames.STREAMLIT_WAREHOUSE + ": " + e.getMessage());
        }
        StreamlitPublisher.Outcome app = new StreamlitPublisher(b, w, getLog()::info).publish(outputDirectory.toPath(), warehouse);
        getLog().info((app.changed() ? "Streamlit app " : "Streamlit app unchanged: ") + app.app() + "; " + app.howToOpen());
    }

    private void publish(RenderedBundle b, Warehouse w, DeployResult r) {
        if (project == null) {
            return;
        }
        var p = project.getProperties();
        p.setProperty("autosync.deployed.target", w.target().local() ? "local" : "snowflake");
        p.setProperty("autosync.deployed.database", b.database());
        p.setProperty("autosync.deployed.schema", b.schema());
        for (Map.Entry<DeployAction, Integer> e : r.counts().entrySet()) {
            p.setProperty("autosync.deployed." + e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue().toString());
        }
        p.setProperty("autosync.deployed.statements", Integer.toString(r.statementsRun()));
    }
}
