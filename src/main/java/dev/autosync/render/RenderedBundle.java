package dev.autosync.render;

import java.util.List;

/**
 * Everything {@code render} produces: the statements in dependency order, the statements to run
 * after them (resuming tasks), the diagnostics and cloud set-up scripts, and the object names
 * ({@code freshnessView} is null in manifests written before it existed).
 */
public record RenderedBundle(Provider provider, String database, String schema, String pipelineSource,
                             List<RenderedStatement> statements, List<String> postDeploy, String diagnosticsSql,
                             String cloudSetupSql, List<EntityObjects> entities, String stage, String e2eStage,
                             String storageIntegration, String notificationIntegration,
                             String pipeStatusView, String ingestionMetricsView, String errorLogView,
                             String freshnessView) {
    public RenderedBundle {
        statements = List.copyOf(statements);
        postDeploy = List.copyOf(postDeploy);
        entities = List.copyOf(entities);
    }

    /** The objects of the entity called {@code name}. */
    public EntityObjects entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the pipeline has no entity " + name));
    }
}
