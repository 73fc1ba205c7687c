package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snowflake's {@code KEY = value} property lists, as in CREATE STAGE, FILE FORMAT, PIPE and TASK:
 * values are strings, numbers, booleans, words, parenthesised lists {@code ('a', 'b')} or nested
 * property lists {@code (TYPE = JSON STRIP_OUTER_ARRAY = TRUE)}. Parsed into a JSON object whose
 * keys are upper case; string values keep their text, words are upper-cased.
 */
public final class Options {
    private Options() {
    }

    /** Reads properties until the end of the statement or one of {@code stops}. */
    public static ObjectNode parse(Cursor c, Set<String> stops) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        while (!c.atEnd() && !c.peek().is(TokenType.RIGHT_PAREN)) {
            Token key = c.peek();
            if (key.is(TokenType.WORD) && stops.contains(key.upper())) {
                break;
            }
            if (!key.is(TokenType.WORD)) {
                throw c.unexpected();
            }
            c.next();
            String name = key.upper();
            if (c.peek().isWord("BY") || c.peek().isWord("TO")) {
                name = name + "_" + c.next().upper();
            }
            if (!c.acceptOperator("=")) {
                // flag-style words (for example COPY GRANTS) carry no value
                out.put(name, true);
                continue;
            }
            out.set(name, value(c));
            c.accept(TokenType.COMMA);
        }
        return out;
    }

    private static JsonNode value(Cursor c) {
        Token t = c.peek();
        if (t.is(TokenType.LEFT_PAREN)) {
            c.next();
            JsonNode v;
            if (c.peek().is(TokenType.WORD) && c.peek(1).isOperator("=")) {
                v = parse(c, Set.of());
            } else {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                while (!c.peek().is(TokenType.RIGHT_PAREN)) {
                    Token item = c.next();
                    list.add(item.is(TokenType.STRING) ? item.value() : item.isIdentifier() ? item.identifierName() : item.text());
                    c.accept(TokenType.COMMA);
                }
                v = list;
            }
            c.expect(TokenType.RIGHT_PAREN);
            return v;
        }
        c.next();
        if (t.is(TokenType.STRING)) {
            return JsonNodeFactory.instance.textNode(t.value());
        }
        if (t.is(TokenType.NUMBER)) {
            return JsonNodeFactory.instance.textNode(t.text());
        }
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return JsonNodeFactory.instance.textNode(t.value());
        }
        if (t.isOperator("-") && c.peek().is(TokenType.NUMBER)) {
            return JsonNodeFactory.instance.textNode("-" + c.next().text());
        }
        if (t.is(TokenType.WORD)) {
            StringBuilder name = new StringBuilder(t.identifierName());
            while (c.peek().is(TokenType.DOT) && c.peek(1).isIdentifier()) {
                c.next();
                name.append('.').append(c.next().identifierName());
            }
            return JsonNodeFactory.instance.textNode(name.toString());
        }
        throw c.unexpected();
    }

    public static String text(ObjectNode o, String key) {
        JsonNode v = o.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static boolean bool(ObjectNode o, String key, boolean dflt) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        String s = v.asText().toUpperCase(Locale.ROOT);
        return s.equals("TRUE") || s.equals("1") || s.equals("YES") || s.equals("ON");
    }

    /** A list-valued option (one value or a parenthesised list) as strings; empty when absent. */
    static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }
}
