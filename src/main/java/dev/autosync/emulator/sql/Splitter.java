package dev.autosync.emulator.sql;

import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a request into statements at top-level semicolons. Snowflake Scripting blocks
 * ({@code BEGIN ... END}, {@code DECLARE ... BEGIN ... END}), including the body of a
 * {@code CREATE TASK ... AS BEGIN ... END}, stay whole; {@code BEGIN;} and
 * {@code BEGIN TRANSACTION} start a transaction instead.
 */
public final class Splitter {
    private static final Set<String> BLOCK_OPENERS_IN_SCRIPT = Set.of("CASE", "LOOP", "WHILE", "REPEAT", "FOR");
    private static final Set<String> END_SUFFIX = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR", "CASE");

    private Splitter() {
    }

    public static List<String> split(String sql) {
        List<Token> all = SqlLexer.tokenize(sql);
        List<String> out = new ArrayList<>();
        int depth = 0;
        int statementStart = -1;
        boolean afterDeclare = false;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.isTrivia() || t.is(TokenType.END)) {
                continue;
            }
            boolean first = statementStart < 0;
            if (first) {
                if (t.is(TokenType.SEMICOLON)) {
                    continue;
                }
                statementStart = t.offset();
            }
            if (t.is(TokenType.SEMICOLON)) {
                if (depth == 0) {
                    add(out, sql.substring(statementStart, t.offset()));
                    statementStart = -1;
                    afterDeclare = false;
                }
                continue;
            }
            if (!t.is(TokenType.WORD)) {
                continue;
            }
            String u = t.upper();
            if (u.equals("DECLARE") && (first || depth > 0)) {
                depth++;
                afterDeclare = true;
            } else if (u.equals("BEGIN")) {
                Token n = nextSignificant(all, i);
                boolean transaction = n.is(TokenType.SEMICOLON) || n.is(TokenType.END) || n.isWord("TRANSACTION")
                        || n.isWord("WORK") || n.isWord("NAME");
                if (!transaction) {
                    if (afterDeclare) {
                        afterDeclare = false;
                    } else {
                        depth++;
                    }
                }
            } else if (depth > 0 && u.equals("IF") && nextSignificant(all, i).is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (u.equals("CASE") || (depth > 0 && BLOCK_OPENERS_IN_SCRIPT.contains(u))) {
                depth++;
            } else if (u.equals("END") && depth > 0) {
                depth--;
                Token n = nextSignificant(all, i);
                if (n.is(TokenType.WORD) && END_SUFFIX.contains(n.upper())) {
                    i = indexOf(all, n);
                }
            }
        }
        if (statementStart >= 0) {
            add(out, sql.substring(statementStart));
        }
        return out;
    }

    private static void add(List<String> out, String statement) {
        String s = statement.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static Token nextSignificant(List<Token> all, int i) {
        for (int j = i + 1; j < all.size(); j++) {
            if (!all.get(j).isTrivia()) {
                return all.get(j);
            }
        }
        return all.get(all.size() - 1);
    }

    private static int indexOf(List<Token> all, Token t) {
        for (int j = 0; j < all.size(); j++) {
            if (all.get(j) == t) {
                return j;
            }
        }
        return all.size() - 1;
    }
}
