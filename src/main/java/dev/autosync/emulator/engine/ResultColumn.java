package dev.autosync.emulator.engine;

/** A result column: its name as the client sees it and its Snowflake type. */
public record ResultColumn(String name, SfType type) {
    public static ResultColumn text(String name) {
        return new ResultColumn(name, SfType.TEXT);
    }

    public static ResultColumn number(String name) {
        return new ResultColumn(name, SfType.INTEGER);
    }
}
