package dev.autosync.warehouse;

import java.util.List;
import java.util.Map;

/** What a deploy did: counts per action, the statements run, the elapsed time, and trust values to set up in the cloud. */
public record DeployResult(Map<DeployAction, Integer> counts, int statementsRun, long millis, List<String> trustValues) {
    public DeployResult {
        counts = Map.copyOf(counts);
        trustValues = List.copyOf(trustValues);
    }

    public String summary() {
        return counts.get(DeployAction.CREATE) + " created, " + counts.get(DeployAction.REPLACE) + " replaced, "
                + counts.get(DeployAction.ALTER) + " altered, " + counts.get(DeployAction.UNCHANGED) + " unchanged; "
                + statementsRun + " statement(s) in " + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
