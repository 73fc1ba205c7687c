package dev.autosync.render;

import java.util.List;

/** The objects of one entity, fully qualified, as later goals find them in the manifest. */
public record EntityObjects(String name, String folder, QualifiedName landingTable, QualifiedName stream, QualifiedName pipe,
                            QualifiedName e2ePipe, QualifiedName task, QualifiedName normalisedTable,
                            QualifiedName rejectsTable, List<String> keys, String eventId, String orderBy) {
    public EntityObjects {
        keys = List.copyOf(keys);
    }
}
