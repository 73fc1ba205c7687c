package dev.autosync.warehouse;

/** What deploy does to one object. */
public enum DeployAction {
    /** The object does not exist: its statement runs as rendered. */
    CREATE,
    /** The object changed and Snowflake cannot alter it in place: CREATE OR REPLACE (pipes paused and drained first). */
    REPLACE,
    /** The object changed in a way ALTER can apply (a table's new column, a suspended task resumed). */
    ALTER,
    /** Nothing to do. */
    UNCHANGED
}
