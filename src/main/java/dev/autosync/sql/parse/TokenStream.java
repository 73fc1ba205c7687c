package dev.autosync.sql.parse;

import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.Span;

import java.util.List;
import java.util.Locale;

/**
 * A position in a statement's significant tokens, with the helpers parsers share. Subclasses
 * decide what a syntax error is ({@link #unexpected()}); the parser only says where.
 */
public class TokenStream {
    private final String sql;
    private final List<Token> tokens;
    private int pos;

    public TokenStream(String sql) {
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

    /** The syntax error for the current token. */
    public RuntimeException unexpected() {
        return new SqlParseException(peek());
    }

    /** The syntax error for the token just consumed. */
    public RuntimeException unexpectedPrevious() {
        pos = Math.max(0, pos - 1);
        return unexpected();
    }

    /** The source text from token index {@code from} up to (not including) the current token. */
    public String textFrom(int from) {
        return text(new Span(Math.min(from, pos), pos));
    }

    /** The source text a span covers, comments and spacing included. */
    public String text(Span span) {
        if (span.end() <= span.start()) {
            return "";
        }
        Token first = tokens.get(span.start());
        Token last = tokens.get(span.end() - 1);
        return sql.substring(first.offset(), last.offset() + last.text().length());
    }

    /**
     * Snowflake's default label for an expression written over {@code span}: its tokens upper-cased
     * (quoted identifiers kept exact), one space wherever the source had space or a comment, the source's
     * own spacing where it broke the line.
     */
    public String label(Span span) {
        StringBuilder sb = new StringBuilder();
        for (int i = span.start(); i < span.end(); i++) {
            Token t = tokens.get(i);
            if (i > span.start()) {
                Token before = tokens.get(i - 1);
                int gapStart = before.offset() + before.text().length();
                if (gapStart < t.offset()) {
                    // a line break keeps the source's spacing (a CASE written over lines keeps its lines, case page);
                    // other space or a comment is one space (UNVERIFIED for runs of blanks within a line)
                    String gap = sql.substring(gapStart, t.offset());
                    sb.append(gap.isBlank() && gap.indexOf('\n') >= 0 ? gap : " ");
                }
            }
            sb.append(t.is(TokenType.QUOTED_IDENTIFIER) ? t.text() : t.text().toUpperCase(Locale.ROOT));
        }
        return sb.toString();
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
