package dev.autosync.sql.parse;

import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CopySource;
import dev.autosync.sql.tree.CreatePipe;
import dev.autosync.sql.tree.Property;
import dev.autosync.sql.tree.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * COPY INTO a table and CREATE PIPE, with the {@code NAME = value} property lists they share
 * (en/sql-reference/sql/copy-into-table.md, en/sql-reference/sql/create-pipe.md). Unloading
 * ({@code COPY INTO @stage}) is not this grammar: it is a syntax error here.
 */
final class CopyParser {
    private final SqlParser p;
    private final TokenStream t;

    CopyParser(SqlParser p) {
        this.p = p;
        this.t = p.tokens();
    }

    CopyInto copyInto() {
        int start = t.position();
        t.expect("COPY");
        t.expect("INTO");
        if (t.peek().is(TokenType.STAGE_REFERENCE) || t.peek().is(TokenType.STRING)) {
            throw t.unexpected();
        }
        List<String> table = p.nameParts();
        List<String> columns = List.of();
        if (t.peek().is(TokenType.LEFT_PAREN)) {
            columns = p.parenthesizedIdentifiers();
        }
        CopySource source = null;
        if (t.accept("FROM")) {
            source = source();
        }
        List<Property> options = properties(Set.of());
        return new CopyInto(p.span(start), table, columns, source, options);
    }

    private CopySource source() {
        int start = t.position();
        Token tok = t.peek();
        if (tok.is(TokenType.STAGE_REFERENCE)) {
            t.next();
            return new CopySource.Stage(p.span(start), tok.value());
        }
        if (tok.is(TokenType.STRING)) {
            t.next();
            return new CopySource.Location(p.span(start), tok.value());
        }
        t.expect(TokenType.LEFT_PAREN);
        Query q = p.query();
        t.expect(TokenType.RIGHT_PAREN);
        return new CopySource.Transform(p.span(start), q);
    }

    CreatePipe createPipe() {
        int start = t.position();
        t.expect("CREATE");
        boolean orReplace = t.acceptAll("OR", "REPLACE");
        boolean orAlter = !orReplace && t.acceptAll("OR", "ALTER");
        t.expect("PIPE");
        boolean ifNotExists = t.acceptAll("IF", "NOT", "EXISTS");
        List<String> name = p.nameParts();
        List<Property> properties = properties(Set.of("AS"));
        t.expect("AS");
        CopyInto copy;
        if (t.accept(TokenType.LEFT_PAREN)) {
            copy = copyInto();
            t.expect(TokenType.RIGHT_PAREN);
        } else {
            copy = copyInto();
        }
        return new CreatePipe(p.span(start), orReplace, orAlter, ifNotExists, name, properties, copy);
    }

    /** Properties until the end of the statement, a closing parenthesis or one of {@code stops}. */
    List<Property> properties(Set<String> stops) {
        List<Property> out = new ArrayList<>();
        while (!t.atEnd() && !t.peek().is(TokenType.RIGHT_PAREN)) {
            Token key = t.peek();
            if (!key.is(TokenType.WORD) || stops.contains(key.upper())) {
                if (key.is(TokenType.WORD)) {
                    break;
                }
                throw t.unexpected();
            }
            int start = t.position();
            t.next();
            t.expectOperator("=");
            Property.Value value = value();
            out.add(new Property(p.span(start), key.upper(), value));
            t.accept(TokenType.COMMA);
        }
        return out;
    }

    private Property.Value value() {
        Token tok = t.peek();
        if (tok.is(TokenType.LEFT_PAREN)) {
            t.next();
            Property.Value v;
            if (t.peek().is(TokenType.WORD) && t.peek(1).isOperator("=")) {
                v = new Property.Nested(properties(Set.of()));
            } else {
                List<String> items = new ArrayList<>();
                while (!t.peek().is(TokenType.RIGHT_PAREN)) {
                    Token item = t.next();
                    if (item.is(TokenType.END)) {
                        throw t.unexpected();
                    }
                    items.add(item.is(TokenType.STRING) ? item.value() : item.isIdentifier() ? item.identifierName() : item.text());
                    t.accept(TokenType.COMMA);
                }
                v = new Property.Items(items);
            }
            t.expect(TokenType.RIGHT_PAREN);
            return v;
        }
        if (tok.is(TokenType.STRING)) {
            t.next();
            return new Property.Text(tok.value());
        }
        if (tok.is(TokenType.NUMBER)) {
            t.next();
            return new Property.Word(tok.text());
        }
        if (tok.isOperator("-") && t.peek(1).is(TokenType.NUMBER)) {
            t.next();
            return new Property.Word("-" + t.next().text());
        }
        if (tok.isIdentifier()) {
            return new Property.Word(String.join(".", p.nameParts()));
        }
        throw t.unexpected();
    }
}
