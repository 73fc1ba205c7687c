package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.TypeName;

import java.util.ArrayList;
import java.util.List;

/** Data type names: {@code NUMBER(7,2)}, {@code DOUBLE PRECISION}, {@code TIMESTAMP WITH TIME ZONE}. */
final class TypeParser {
    private TypeParser() {
    }

    static TypeName typeName(SqlParser p) {
        TokenStream t = p.tokens();
        int start = t.position();
        Token word = t.next();
        if (!word.is(TokenType.WORD)) {
            throw t.unexpectedPrevious();
        }
        String name = word.upper();
        if (name.equals("DOUBLE") && t.isWord("PRECISION")) {
            t.next();
        }
        if ((name.equals("CHAR") || name.equals("CHARACTER")) && t.isWord("VARYING")) {
            t.next();
            name = "VARCHAR";
        }
        List<Integer> parameters = new ArrayList<>();
        if (t.accept(TokenType.LEFT_PAREN)) {
            do {
                parameters.add(integer(t));
            } while (t.accept(TokenType.COMMA));
            t.expect(TokenType.RIGHT_PAREN);
        }
        if (name.startsWith("TIMESTAMP") || name.equals("DATETIME")) {
            if (t.acceptAll("WITH", "TIME", "ZONE")) {
                name += " WITH TIME ZONE";
            } else if (t.acceptAll("WITH", "LOCAL", "TIME", "ZONE")) {
                name += " WITH LOCAL TIME ZONE";
            } else if (t.acceptAll("WITHOUT", "TIME", "ZONE")) {
                name += " WITHOUT TIME ZONE";
            }
        }
        return new TypeName(p.span(start), name, List.copyOf(parameters));
    }

    private static int integer(TokenStream t) {
        Token n = t.peek();
        if (!n.is(TokenType.NUMBER) || !n.text().chars().allMatch(Character::isDigit)) {
            throw t.unexpected();
        }
        t.next();
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            throw t.unexpectedPrevious();
        }
    }
}
