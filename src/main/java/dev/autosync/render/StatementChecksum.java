package dev.autosync.render;

import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a statement's meaning: comments dropped, runs of whitespace made one space. */
public final class StatementChecksum {
    private StatementChecksum() {
    }

    public static String of(String sql) {
        StringBuilder canonical = new StringBuilder();
        for (Token t : SqlLexer.tokenize(sql)) {
            if (t.type() == TokenType.COMMENT) {
                continue;
            }
            if (t.type() == TokenType.WHITESPACE) {
                if (canonical.length() > 0 && canonical.charAt(canonical.length() - 1) != ' ') {
                    canonical.append(' ');
                }
                continue;
            }
            canonical.append(t.text());
        }
        return "sha256:" + sha256(canonical.toString().trim());
    }

    public static String sha256(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
