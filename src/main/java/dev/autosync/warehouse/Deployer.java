package dev.autosync.warehouse;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.ObjectKind;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plans and applies a rendered bundle on a warehouse. Each object's statements run, then its
 * history row is written; so a deploy killed at any point leaves a history that claims only what
 * was applied, and the next run plans from what exists and finishes the job.
 */
public final class Deployer {
    private static final List<String> TRUST_PROPERTIES = List.of("STORAGE_AWS_IAM_USER_ARN", "STORAGE_AWS_EXTERNAL_ID",
            "AZURE_CONSENT_URL", "AZURE_MULTI_TENANT_APP_NAME", "STORAGE_GCP_SERVICE_ACCOUNT", "GCP_PUBSUB_SERVICE_ACCOUNT");

    private final RenderedBundle bundle;
    private final Warehouse w;
    private final DeployOptions options;
    private int statementsRun;

    public Deployer(RenderedBundle bundle, Warehouse w, DeployOptions options) {
        this.bundle = bundle;
        this.w = w;
        this.options = options;
    }

    /** The plan, read with SHOW/DESC/SELECT only: nothing changes. */
    public DeployPlan plan() throws WarehouseException {
        return new DeployPlanner(bundle, w, options).plan();
    }

    /** Applies a plan; refuses it whole when it contains a refused destructive change. */
    public DeployResult apply(DeployPlan plan) throws WarehouseException, DeployException {
        if (!plan.refusals().isEmpty()) {
            throw new DeployException("Deploy refused; nothing was changed:\n  - " + String.join("\n  - ", plan.refusals()));
        }
        if (plan.hasChanges()) {
            PrivilegePreflight.Result pre = PrivilegePreflight.check(bundle, plan, w);
            if (pre.unreadable() != null) {
                options.progress().accept("         note: privileges not checked before deploying (" + pre.unreadable() + ")");
            } else if (!pre.ok()) {
                throw new DeployException("Deploy stopped before changing anything: role " + pre.role() + " lacks "
                        + pre.missing().size() + " privilege(s) this deploy needs:\n  - " + String.join("\n  - ",
                        pre.missing().stream().map(PrivilegePreflight.Missing::toString).toList())
                        + "\nGrant them (the GRANT statements above, run by a role that may), then deploy again.");
            }
        }
        long start = System.nanoTime();
        DeployHistory history = new DeployHistory(bundle);
        boolean historyReady = historyExists();
        List<PlannedStep> unrecorded = new ArrayList<>();
        int applied = 0;
        List<String> trust = new ArrayList<>();
        Applier applier = new Applier();
        for (PlannedStep s : plan.steps()) {
            if (!s.changes() && !s.recordOnly()) {
                continue;
            }
            long t = System.nanoTime();
            try {
                for (DeployOperation op : s.operations()) {
                    op.apply(applier);
                }
            } catch (WarehouseException e) {
                if (!CloudWiring.needsWiring(bundle, s.statement())) {
                    throw e;
                }
                // Azure and GCS: Snowflake binds the pipe to the queue at CREATE PIPE, which fails until the cloud side
                // consented and granted. Everything before is applied and recorded, so the next run starts at this pipe.
                throw new DeployException("Cannot create " + s.name() + ": " + e.getMessage() + "\nThe cloud side is not wired "
                        + "up yet. Do these steps, then run deploy again: it continues with " + s.name() + " (the " + applied
                        + " object(s) before it are applied and recorded).\n  " + String.join("\n  ",
                        CloudWiring.steps(bundle, w)));
            }
            if (!historyReady && schemaReady(s)) {
                run(history.createSql());
                historyReady = true;
                for (PlannedStep earlier : unrecorded) {
                    w.execute(history.recordSql(earlier, options.appliedBy(), options.pluginVersion()));
                }
            }
            if (historyReady) {
                w.execute(history.recordSql(s, options.appliedBy(), options.pluginVersion()));
            } else {
                unrecorded.add(s);
            }
            if (s.changes()) {
                options.progress().accept(String.format("%-8s %-24s %s (%.1f s)", s.action(), s.statement().kind().ddlName(),
                        s.name(), (System.nanoTime() - t) / 1e9));
                s.notes().forEach(n -> options.progress().accept("         note: " + n));
                if ((s.statement().kind() == ObjectKind.STORAGE_INTEGRATION
                        || s.statement().kind() == ObjectKind.NOTIFICATION_INTEGRATION)) {
                    trust.addAll(trustValues(s.name()));
                }
            }
            applied++;
            if (options.interruptAfter() > 0 && applied >= options.interruptAfter()) {
                throw new DeployException("Deploy interrupted after " + applied + " object(s) (" + PropertyNames.INTERRUPT_AFTER + "); "
                        + "run it again to finish.");
            }
        }
        if (!historyReady && plan.steps().stream().anyMatch(PlannedStep::changes)) {
            run(history.createSql());
        }
        for (DeployOperation.ResumeTask resume : plan.resumes()) {
            resume.apply(applier);
            options.progress().accept(String.format("%-8s %-24s %s", "ALTER", "TASK", resume.task().sql() + " resumed"));
        }
        Map<DeployAction, Integer> counts = new EnumMap<>(plan.counts());
        return new DeployResult(counts, statementsRun, (System.nanoTime() - start) / 1_000_000, trust);
    }

    private boolean historyExists() {
        try {
            return !w.query("SHOW TABLES LIKE '" + DeployHistory.TABLE + "' IN SCHEMA " + bundle.database() + "."
                    + bundle.schema()).isEmpty();
        } catch (WarehouseException e) {
            return false; // no schema yet
        }
    }

    /** The history table lives in the pipeline's schema: usable once the schema step has run. */
    private boolean schemaReady(PlannedStep s) {
        return s.statement().kind() != ObjectKind.DATABASE && s.statement().kind() != ObjectKind.STORAGE_INTEGRATION
                && s.statement().kind() != ObjectKind.NOTIFICATION_INTEGRATION;
    }

    private void run(String sql) throws WarehouseException {
        w.execute(sql);
        statementsRun++;
    }

    /** Applies operations on this deploy's session: counts statements; pipe replacements go to {@link PipeReplacement}. */
    private final class Applier implements DeployOperation.Applier {
        private final PipeReplacement pipes = new PipeReplacement(w, options);

        @Override
        public void run(String sql) throws WarehouseException {
            Deployer.this.run(sql);
        }

        @Override
        public Instant serverNow() throws WarehouseException {
            return pipes.serverNow();
        }

        @Override
        public void paused(QualifiedName pipe, Instant at) {
            pipes.paused(pipe, at);
        }

        @Override
        public void awaitPaused(QualifiedName pipe) throws WarehouseException, DeployException {
            pipes.awaitPaused(pipe);
        }

        @Override
        public void catchUp(DeployOperation.CatchUpPipe op) throws WarehouseException {
            pipes.catchUp(op);
        }

        @Override
        public void awaitRunning(QualifiedName pipe) throws WarehouseException, DeployException {
            pipes.awaitRunning(pipe);
        }
    }

    private List<String> trustValues(String integration) throws WarehouseException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : w.query("DESC INTEGRATION " + integration)) {
            String p = r.get("PROPERTY");
            if (p != null && TRUST_PROPERTIES.contains(p.toUpperCase(java.util.Locale.ROOT))) {
                out.add(integration + "." + p + " = " + r.get("PROPERTY_VALUE"));
            }
        }
        return out;
    }
}
