package dev.autosync.sql;

import java.util.Locale;

/**
 * One lexical token: its class, the exact source text, the decoded value (for strings and quoted
 * identifiers) and where it starts.
 */
public record Token(TokenType type, String text, String value, int offset, int line, int column) {

    public boolean isWord(String word) {
        return type == TokenType.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isWordIn(String... words) {
        if (type != TokenType.WORD) {
            return false;
        }
        for (String w : words) {
            if (text.equalsIgnoreCase(w)) {
                return true;
            }
        }
        return false;
    }

    public boolean is(TokenType t) {
        return type == t;
    }

    public boolean isOperator(String op) {
        return type == TokenType.OPERATOR && text.equals(op);
    }

    /** Whitespace and comments carry no meaning. */
    public boolean isTrivia() {
        return type == TokenType.WHITESPACE || type == TokenType.COMMENT;
    }

    public boolean isIdentifier() {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    /** The name Snowflake resolves: unquoted upper-cased, quoted exact. */
    public String identifierName() {
        return switch (type) {
            case WORD -> text.toUpperCase(Locale.ROOT);
            case QUOTED_IDENTIFIER -> value;
            default -> throw new IllegalStateException("not an identifier: " + text);
        };
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return type + "(" + text + ")@" + line + ":" + column;
    }
}
