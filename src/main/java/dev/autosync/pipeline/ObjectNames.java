package dev.autosync.pipeline;

/**
 * The public names of an entity's objects. Users' dashboards depend on them, so they are fixed by
 * the design: {@code E_EVENTS}, {@code E_EVENTS_STREAM}, {@code E_PIPE}, {@code PROCESS_E_TASK},
 * {@code E}, {@code E_REJECTS}; the e2e pipe on the internal stage is {@code E_E2E_PIPE}.
 */
public record ObjectNames(String entity) {
    public String landingTable() {
        return entity + "_EVENTS";
    }

    public String stream() {
        return entity + "_EVENTS_STREAM";
    }

    public String pipe() {
        return entity + "_PIPE";
    }

    public String e2ePipe() {
        return entity + "_E2E_PIPE";
    }

    public String task() {
        return "PROCESS_" + entity + "_TASK";
    }

    public String normalisedTable() {
        return entity;
    }

    public String rejectsTable() {
        return entity + "_REJECTS";
    }

    /** The longest name derived from the entity, for the length limit. */
    public int longestLength() {
        return Math.max(stream().length(), Math.max(task().length(), e2ePipe().length()));
    }
}
