package dev.autosync.warehouse;

import dev.autosync.render.RenderedStatement;

import java.util.List;

/**
 * One object's part of a deploy: the action, why, the operations that will run (empty when
 * unchanged) and notes the user must see (a pipe's load history reset, a dropped column).
 */
public record PlannedStep(RenderedStatement statement, DeployAction action, String reason, List<DeployOperation> operations,
                          List<String> notes, boolean recordOnly) {
    public PlannedStep {
        operations = List.copyOf(operations);
        notes = List.copyOf(notes);
    }

    static PlannedStep unchanged(RenderedStatement st, String reason) {
        return new PlannedStep(st, DeployAction.UNCHANGED, reason, List.of(), List.of(), false);
    }

    /** Unchanged, but the history lacks the object (it existed already, or a deploy was interrupted): record it. */
    static PlannedStep adopt(RenderedStatement st, String reason) {
        return new PlannedStep(st, DeployAction.UNCHANGED, reason, List.of(), List.of(), true);
    }

    public String name() {
        return statement.name();
    }

    public boolean changes() {
        return action != DeployAction.UNCHANGED;
    }

    /** The operations as plan.sql and plan.json show them. */
    public List<String> sql() {
        return operations.stream().map(DeployOperation::planText).toList();
    }
}
