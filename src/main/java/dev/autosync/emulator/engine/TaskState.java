package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A task's state as its properties keep it: its predecessors, and suspending it (by a user or after failures). */
final class TaskState {
    private TaskState() {
    }

    /** The qualified names of the tasks it runs AFTER; empty for a root or standalone task. */
    static List<String> predecessors(CatalogObject task) {
        List<String> out = new ArrayList<>();
        JsonNode n = task.props().get("PREDECESSORS");
        if (n != null) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    static void suspend(CatalogObject task, String reason) {
        task.props().put("STATE", "suspended");
        task.props().put("LAST_SUSPENDED_ON", OffsetDateTime.now(ZoneOffset.UTC).toString());
        task.props().put("LAST_SUSPENDED_REASON", reason);
        task.props().remove("NEXT_RUN");
    }

    static boolean started(CatalogObject task) {
        return "started".equals(task.prop("STATE"));
    }
}
