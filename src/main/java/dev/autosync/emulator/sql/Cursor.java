package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.List;

/** A position in a statement's significant tokens, with the helpers the parsers share. */
public final class Cursor {
    private final String sql;
    private final List<Token> tokens;
    private int pos;

    public Cursor(String sql) {
        this.sql = sql;
        this.tokens = SqlLexer.significant(sql);
    }

    public String sql() {
        return sql;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    public Token peek(int ahead) {
        int p = Math.min(pos + ahead, tokens.size() - 1);
        return tokens.get(p);
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (!t.is(TokenType.END)) {
            pos++;
        }
        return t;
    }

    public int position() {
        return pos;
    }

    public void reset(int position) {
        pos = position;
    }

    public boolean atEnd() {
        Token t = peek();
        return t.is(TokenType.END) || t.is(TokenType.SEMICOLON);
    }

    public boolean isWord(String w) {
        return peek().isWord(w);
    }

    public boolean isWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    public boolean accept(String word) {
        if (peek().isWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean acceptAll(String... words) {
        if (isWords(words)) {
            pos += words.length;
            return true;
        }
        return false;
    }

    public boolean accept(TokenType type) {
        if (peek().is(type)) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean acceptOperator(String op) {
        if (peek().isOperator(op)) {
            pos++;
            return true;
        }
        return false;
    }

    public void expect(String word) {
        if (!accept(word)) {
            throw unexpected();
        }
    }

    public Token expect(TokenType type) {
        if (!peek().is(type)) {
            throw unexpected();
        }
        return next();
    }

    public void expectOperator(String op) {
        if (!acceptOperator(op)) {
            throw unexpected();
        }
    }

    /** Snowflake's syntax error for the current token. */
    public SnowflakeError unexpected() {
        Token t = peek();
        String text = t.is(TokenType.END) ? "<EOF>" : t.text();
        return SnowflakeError.syntax(t.line(), t.column() - 1, text);
    }

    /** The source text from token index {@code from} up to (not including) the current token. */
    public String textFrom(int from) {
        if (from >= pos) {
            return "";
        }
        Token first = tokens.get(from);
        Token last = tokens.get(pos - 1);
        return sql.substring(first.offset(), last.offset() + last.text().length());
    }

    /** The rest of the statement's text from the current token. */
    public String rest() {
        Token t = peek();
        return t.is(TokenType.END) ? "" : sql.substring(t.offset()).trim();
    }

    public Token token(int index) {
        return tokens.get(index);
    }
}
