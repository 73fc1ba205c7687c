package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.parse.SqlParseException;
import dev.autosync.sql.parse.TokenStream;

/**
 * A position in a statement's significant tokens for the emulator's statement parsers and the
 * translator; its syntax errors are Snowflake's (001003, with a 0-based position).
 */
public final class Cursor extends TokenStream {

    public Cursor(String sql) {
        super(sql);
    }

    @Override
    public SnowflakeError unexpected() {
        return SnowflakeError.syntax(peek().line(), peek().column() - 1, SqlParseException.shown(peek()));
    }
}
