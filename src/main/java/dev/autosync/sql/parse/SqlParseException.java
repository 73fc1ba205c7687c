package dev.autosync.sql.parse;

import dev.autosync.sql.SqlSyntaxException;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

/** A token the grammar does not allow where it stands, with Snowflake's wording and position (0-based). */
public class SqlParseException extends SqlSyntaxException {
    private final transient Token token;

    public SqlParseException(Token token) {
        super("syntax error: unexpected '" + shown(token) + "'", token.line(), token.column());
        this.token = token;
    }

    public Token token() {
        return token;
    }

    /** How Snowflake shows the offending token: its text, or {@code <EOF>} at the end. */
    public static String shown(Token token) {
        return token.is(TokenType.END) ? "<EOF>" : token.text();
    }
}
