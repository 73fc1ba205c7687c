package dev.autosync.emulator.engine;

/**
 * A result column: its name as the client sees it, its Snowflake type, and the table it was read from
 * (null for a computed column, or when unknown), which the result metadata reports.
 */
public record ResultColumn(String name, SfType type, ObjectRef origin) {
    public ResultColumn(String name, SfType type) {
        this(name, type, null);
    }

    public static ResultColumn text(String name) {
        return new ResultColumn(name, SfType.TEXT);
    }

    public static ResultColumn number(String name) {
        return new ResultColumn(name, SfType.INTEGER);
    }
}
