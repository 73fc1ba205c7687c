package dev.autosync.pipeline;

/** A column of the normalised table computed from the event's fields by the task. */
public sealed interface DerivedColumn permits MappedColumn, PercentageColumn {
    String column();

    FieldType type();
}
