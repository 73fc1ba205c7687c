package dev.autosync.emulator.engine;

/** A table or view column as declared in Snowflake terms. */
public record ColumnDef(String name, String sfType, boolean nullable, String defaultExpr, String comment) {
}
