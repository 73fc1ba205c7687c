package dev.autosync.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.EntitySpec;

import java.util.List;

/**
 * A file of events for the end-to-end check: the entity whose pipe loads it, its records, and
 * whether it is malformed on purpose (then its bytes are sent as they are and it must be rejected).
 */
public record EventFile(String name, EntitySpec entity, List<ObjectNode> records, byte[] content, boolean malformed) {
    public EventFile {
        records = List.copyOf(records);
    }
}
