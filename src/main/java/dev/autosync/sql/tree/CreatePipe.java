package dev.autosync.sql.tree;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE [OR REPLACE | OR ALTER] PIPE [IF NOT EXISTS] name [properties] AS copy}: the pipe's
 * properties (AUTO_INGEST, INTEGRATION, AWS_SNS_TOPIC, ERROR_INTEGRATION, COMMENT...) and its COPY.
 */
public record CreatePipe(Span span, boolean orReplace, boolean orAlter, boolean ifNotExists, List<String> name,
                         List<Property> properties, CopyInto copy) implements Node {

    public Optional<Property> property(String name) {
        return Property.find(properties, name);
    }
}
