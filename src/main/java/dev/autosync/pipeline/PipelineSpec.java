package dev.autosync.pipeline;

import java.util.List;
import java.util.Optional;

/** The whole pipeline: where the spec came from and its entities, in declaration order. */
public record PipelineSpec(String source, List<EntitySpec> entities) {

    public PipelineSpec {
        entities = List.copyOf(entities);
    }

    public Optional<EntitySpec> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
