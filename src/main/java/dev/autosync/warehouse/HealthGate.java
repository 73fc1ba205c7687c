package dev.autosync.warehouse;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After a deploy, the pipeline must be able to work: every pipe RUNNING, every task started, no
 * stream stale, the integrations describable. Each problem comes with the statement that fixes it.
 */
public final class HealthGate {
    private HealthGate() {
    }

    public static List<String> problems(RenderedBundle b, Warehouse w) throws WarehouseException {
        List<String> out = new ArrayList<>();
        String scope = b.database() + "." + b.schema();
        for (EntityObjects e : b.entities()) {
            for (String pipe : List.of(e.pipe(), e.e2ePipe())) {
                PipeStatus status = PipeStatus.read(w, pipe);
                String state = status.executionState();
                String error = status.error();
                if (!status.running()) {
                    out.add("pipe " + pipe + " is " + state + (error == null ? "" : " (" + error + ")")
                            + ". Fix: ALTER PIPE " + pipe + " SET PIPE_EXECUTION_PAUSED = FALSE"
                            + (state.startsWith("STOPPED") || state.startsWith("STALLED") ? ", after fixing the cause" : ""));
                }
            }
        }
        for (Map<String, String> t : w.query("SHOW TASKS IN SCHEMA " + scope)) {
            String name = scope + "." + t.get("NAME");
            if (b.entities().stream().anyMatch(e -> e.task().equals(name)) && !"started".equalsIgnoreCase(t.get("STATE"))) {
                out.add("task " + name + " is " + t.get("STATE") + ". Fix: ALTER TASK " + name + " RESUME");
            }
        }
        for (Map<String, String> s : w.query("SHOW STREAMS IN SCHEMA " + scope)) {
            String name = scope + "." + s.get("NAME");
            if (b.entities().stream().anyMatch(e -> e.stream().equals(name)) && "true".equalsIgnoreCase(s.get("STALE"))) {
                out.add("stream " + name + " is stale (its table's changes are no longer retained). Fix: let deploy re-create "
                        + "it (CREATE OR REPLACE STREAM), then re-load the files that arrived since it went stale");
            }
        }
        for (String integration : new String[] {b.storageIntegration(), b.notificationIntegration()}) {
            if (integration == null) {
                continue;
            }
            try {
                w.query("DESC INTEGRATION " + integration);
            } catch (WarehouseException e) {
                out.add("integration " + integration + " cannot be described (" + e.getMessage() + "). Fix: grant USAGE on it "
                        + "to the deploying role, or create it (ACCOUNTADMIN) with cloud-setup.sql");
            }
        }
        return out;
    }
}
