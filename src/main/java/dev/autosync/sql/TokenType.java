package dev.autosync.sql;

/** Lexical classes of Snowflake SQL. */
public enum TokenType {
    /** Unquoted identifier or keyword; may contain {@code $}. */
    WORD,
    /** Double-quoted identifier; {@link Token#value()} holds the name with {@code ""} undoubled. */
    QUOTED_IDENTIFIER,
    /** Single-quoted or dollar-quoted string; {@link Token#value()} holds the decoded text. */
    STRING,
    NUMBER,
    /** {@code $1}, {@code $2}: positional columns of a staged file. */
    POSITIONAL,
    /** {@code ?} bind parameter. */
    PARAMETER,
    /** {@code @stage/path}: {@link Token#value()} holds the reference without the {@code @}. */
    STAGE_REFERENCE,
    OPERATOR,
    LEFT_PAREN,
    RIGHT_PAREN,
    COMMA,
    SEMICOLON,
    DOT,
    WHITESPACE,
    COMMENT,
    END
}
