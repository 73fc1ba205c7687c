package dev.autosync.warehouse;

import dev.autosync.render.EntityObjects;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After a deploy, the pipeline must be able to work: every pipe RUNNING, every task started, no
 * stream stale, the integrations describable. Judged by {@link HealthRules}, so each problem reads
 * as status reports it, with the statement that fixes it.
 */
public final class HealthGate {
    private HealthGate() {
    }

    public static List<String> problems(RenderedBundle b, Warehouse w) throws WarehouseException {
        List<String> out = new ArrayList<>();
        for (EntityObjects e : b.entities()) {
            for (QualifiedName pipe : List.of(e.pipe(), e.e2ePipe())) {
                add(out, HealthRules.pipe(pipe.sql(), PipeStatus.read(w, pipe)));
            }
        }
        String scope = b.database() + "." + b.schema();
        for (Map<String, String> t : w.query("SHOW TASKS IN SCHEMA " + scope)) {
            for (EntityObjects e : b.entities()) {
                if (e.task().last().name().equals(t.get("NAME"))) {
                    add(out, HealthRules.task(e.task().sql(), t.get("STATE")));
                }
            }
        }
        for (Map<String, String> s : w.query("SHOW STREAMS IN SCHEMA " + scope)) {
            for (EntityObjects e : b.entities()) {
                if (e.stream().last().name().equals(s.get("NAME"))) {
                    add(out, HealthRules.stream(e.stream().sql(), "true".equalsIgnoreCase(s.get("STALE"))));
                }
            }
        }
        for (String integration : new String[] {b.storageIntegration(), b.notificationIntegration()}) {
            if (integration == null) {
                continue;
            }
            try {
                w.query("DESC INTEGRATION " + integration);
            } catch (WarehouseException e) {
                add(out, HealthRules.integration(integration, e.getMessage()));
            }
        }
        return out;
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
