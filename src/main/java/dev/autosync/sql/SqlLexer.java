package dev.autosync.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes Snowflake SQL: single-quoted strings with Snowflake's backslash escapes, dollar-quoted
 * strings, double-quoted identifiers, {@code --}, {@code //} and block comments, {@code $1}
 * positional columns and {@code @stage/path} references. Every character of the input belongs to
 * exactly one token, so joining the texts gives the input back.
 */
public final class SqlLexer {
    private final String sql;
    private int pos;
    private int line = 1;
    private int lineStart;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** All tokens including whitespace and comments, ending with an {@link TokenType#END} token. */
    public static List<Token> tokenize(String sql) {
        return new SqlLexer(sql).run();
    }

    /** Tokens without whitespace and comments, ending with {@link TokenType#END}. */
    public static List<Token> significant(String sql) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokenize(sql)) {
            if (!t.isTrivia()) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < sql.length()) {
            tokens.add(next());
        }
        tokens.add(new Token(TokenType.END, "", "", pos, line, pos - lineStart + 1));
        return tokens;
    }

    private Token next() {
        int start = pos;
        int startLine = line;
        int startCol = pos - lineStart + 1;
        char c = sql.charAt(pos);
        TokenType type;
        String value = null;
        if (Character.isWhitespace(c)) {
            while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                advance();
            }
            type = TokenType.WHITESPACE;
        } else if (startsWith("--") || startsWith("//")) {
            while (pos < sql.length() && sql.charAt(pos) != '\n') {
                pos++;
            }
            type = TokenType.COMMENT;
        } else if (startsWith("/*")) {
            int end = sql.indexOf("*/", pos + 2);
            if (end < 0) {
                throw new SqlSyntaxException("unterminated comment", startLine, startCol);
            }
            while (pos < end + 2) {
                advance();
            }
            type = TokenType.COMMENT;
        } else if (c == '\'') {
            value = readQuotedString(startLine, startCol);
            type = TokenType.STRING;
        } else if (startsWith("$$")) {
            int end = sql.indexOf("$$", pos + 2);
            if (end < 0) {
                throw new SqlSyntaxException("unterminated $$ string", startLine, startCol);
            }
            value = sql.substring(pos + 2, end);
            while (pos < end + 2) {
                advance();
            }
            type = TokenType.STRING;
        } else if (c == '"') {
            value = readQuotedIdentifier(startLine, startCol, '"');
            type = TokenType.QUOTED_IDENTIFIER;
        } else if (c == '`') {
            // backtick-quoted identifiers: not on the identifiers page, but Snowflake accepts them (snowflake-jdbc's
            // MultiStatementIT testMultiStmtQuotes creates and reads `test_multi`); read as a double-quoted one (UNVERIFIED)
            value = readQuotedIdentifier(startLine, startCol, '`');
            type = TokenType.QUOTED_IDENTIFIER;
        } else if (c == '$' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1))) {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            type = TokenType.POSITIONAL;
        } else if (isWordStart(c)) {
            while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
                pos++;
            }
            type = TokenType.WORD;
        } else if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            readNumber();
            type = TokenType.NUMBER;
        } else if (c == '@') {
            value = readStageReference(startLine, startCol);
            type = TokenType.STAGE_REFERENCE;
        } else if (c == '?') {
            pos++;
            type = TokenType.PARAMETER;
        } else if (c == '(') {
            pos++;
            type = TokenType.LEFT_PAREN;
        } else if (c == ')') {
            pos++;
            type = TokenType.RIGHT_PAREN;
        } else if (c == ',') {
            pos++;
            type = TokenType.COMMA;
        } else if (c == ';') {
            pos++;
            type = TokenType.SEMICOLON;
        } else if (c == '.') {
            pos++;
            type = TokenType.DOT;
        } else {
            readOperator();
            type = TokenType.OPERATOR;
        }
        String text = sql.substring(start, pos);
        return new Token(type, text, value == null ? text : value, start, startLine, startCol);
    }

    private static boolean isWordStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private boolean startsWith(String s) {
        return sql.startsWith(s, pos);
    }

    private void advance() {
        if (sql.charAt(pos) == '\n') {
            line++;
            lineStart = pos + 1;
        }
        pos++;
    }

    private void readNumber() {
        while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
            pos++;
        }
        if (pos < sql.length() && sql.charAt(pos) == '.') {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
    }

    private static final String[] OPERATORS = {"->>", "::", "||", "<=", ">=", "<>", "!=", "=>", "->"};

    private void readOperator() {
        for (String op : OPERATORS) {
            if (startsWith(op)) {
                pos += op.length();
                return;
            }
        }
        pos++;
    }

    private String readQuotedString(int startLine, int startCol) {
        StringBuilder value = new StringBuilder();
        advance(); // opening quote
        while (true) {
            if (pos >= sql.length()) {
                throw new SqlSyntaxException("unterminated string literal", startLine, startCol);
            }
            char c = sql.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
                    value.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            if (c == '\\' && pos + 1 < sql.length()) {
                pos++;
                readEscape(value);
                continue;
            }
            value.append(c);
            advance();
        }
    }

    /** Snowflake's escapes; an unknown escape drops the backslash. */
    private void readEscape(StringBuilder value) {
        char e = sql.charAt(pos);
        switch (e) {
            case 'n' -> { value.append('\n'); pos++; }
            case 'r' -> { value.append('\r'); pos++; }
            case 't' -> { value.append('\t'); pos++; }
            case 'b' -> { value.append('\b'); pos++; }
            case 'f' -> { value.append('\f'); pos++; }
            case 'x' -> {
                if (hexDigits(pos + 1, 2)) {
                    value.append((char) Integer.parseInt(sql.substring(pos + 1, pos + 3), 16));
                    pos += 3;
                } else {
                    value.append('x');
                    pos++;
                }
            }
            case 'u' -> {
                if (hexDigits(pos + 1, 4)) {
                    value.append((char) Integer.parseInt(sql.substring(pos + 1, pos + 5), 16));
                    pos += 5;
                } else {
                    value.append('u');
                    pos++;
                }
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int end = pos;
                    while (end < sql.length() && end < pos + 3 && sql.charAt(end) >= '0' && sql.charAt(end) <= '7') {
                        end++;
                    }
                    value.append((char) Integer.parseInt(sql.substring(pos, end), 8));
                    pos = end;
                } else {
                    value.append(e);
                    advance();
                }
            }
        }
    }

    private boolean hexDigits(int from, int count) {
        if (from + count > sql.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(sql.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private String readQuotedIdentifier(int startLine, int startCol, char quote) {
        StringBuilder value = new StringBuilder();
        advance();
        while (true) {
            if (pos >= sql.length()) {
                throw new SqlSyntaxException("unterminated quoted identifier", startLine, startCol);
            }
            char c = sql.charAt(pos);
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            value.append(c);
            advance();
        }
    }

    /** {@code @name}, {@code @db.s.name/path/}, {@code @~}, {@code @%table}, {@code @"quoted"/p}. */
    private String readStageReference(int startLine, int startCol) {
        pos++; // @
        int start = pos;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '"') {
                int end = sql.indexOf('"', pos + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '"') {
                    end = sql.indexOf('"', end + 2);
                }
                if (end < 0) {
                    throw new SqlSyntaxException("unterminated quoted stage name", startLine, startCol);
                }
                pos = end + 1;
                continue;
            }
            if (Character.isWhitespace(c) || c == ')' || c == '(' || c == ',' || c == ';') {
                break;
            }
            pos++;
        }
        return sql.substring(start, pos);
    }
}
