package dev.autosync.render;

import java.util.List;

/** The objects of one entity, fully qualified, as later goals find them in the manifest. */
public record EntityObjects(String name, String folder, String landingTable, String stream, String pipe, String e2ePipe,
                            String task, String normalisedTable, String rejectsTable, List<String> keys,
                            String eventId, String orderBy) {
    public EntityObjects {
        keys = List.copyOf(keys);
    }
}
