package dev.autosync.emulator.engine;

/** The object kinds the emulator keeps in its catalog. */
public enum CatalogKind {
    DATABASE("Database"), SCHEMA("Schema"), TABLE("Table"), VIEW("View"), STAGE("Stage"), FILE_FORMAT("File format"),
    STORAGE_INTEGRATION("Integration"), NOTIFICATION_INTEGRATION("Integration"), PIPE("Pipe"), STREAM("Stream"),
    TASK("Task"), WAREHOUSE("Warehouse"), STREAMLIT("Streamlit"), PROCEDURE("Procedure");

    private final String label;

    CatalogKind(String label) {
        this.label = label;
    }

    /** The word Snowflake's messages use for the kind ("Table 'X' does not exist"). */
    public String label() {
        return label;
    }

    public boolean isAccountLevel() {
        return this == DATABASE || this == STORAGE_INTEGRATION || this == NOTIFICATION_INTEGRATION || this == WAREHOUSE;
    }

    public boolean isSchemaLevel() {
        return !isAccountLevel() && this != SCHEMA;
    }
}
