package dev.autosync.emulator.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VARIANT, OBJECT and ARRAY values as Snowflake prints them. A client reading a semi-structured
 * column gets pretty-printed JSON (2-space indent, {@code "key": value}, one element a line); TO_JSON
 * gives compact JSON. Either way an object's keys come out sorted (Snowflake stores them sorted; a
 * duplicate key keeps its last value), and numbers keep the text they were written with.
 *
 * <p>Snowflake's {@code undefined} array element (an SQL NULL given to ARRAY_CONSTRUCT) is carried
 * in DuckDB's JSON as the string {@link #UNDEFINED} and printed as {@code undefined}.
 */
public final class VariantText {
    /** The marker for an undefined array element; an unlikely string a user would store. */
    public static final String UNDEFINED = "\uE000undefined";
    private static final JsonFactory FACTORY = new JsonFactory();

    private VariantText() {
    }

    /** The text a client reads for a semi-structured value; text that is not JSON is returned as it is. */
    public static String pretty(String json) {
        return render(json, true);
    }

    /** TO_JSON: compact, keys sorted. */
    public static String compact(String json) {
        return render(json, false);
    }

    private static String render(String json, boolean pretty) {
        if (json == null) {
            return null;
        }
        Object tree;
        try {
            tree = parse(json);
        } catch (IllegalArgumentException e) {
            return json;
        }
        return write(tree, pretty);
    }

    /**
     * A JSON text as a tree: objects as sorted maps (a duplicate key keeps its last value), arrays as lists,
     * strings, numbers as {@link Raw} text, booleans, and Java null for JSON null.
     */
    static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON text");
            }
            Object tree = read(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON value");
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalArgumentException(e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage(), e);
        }
    }

    /** A tree of {@link #parse} as JSON text, pretty-printed or compact. */
    /** Compact JSON that keeps undefined elements as the marker (for a result that is stored as a VARIANT again). */
    static String writeStored(Object tree) {
        StringBuilder sb = new StringBuilder();
        write(sb, tree, false, 0, true);
        return sb.toString();
    }

    static String write(Object tree, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        write(sb, tree, pretty, 0, false);
        return sb.toString();
    }

    /** A number's text as written. */
    record Raw(String text) {
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new TreeMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    m.put(key, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Raw(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + t);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v, boolean pretty, int depth, boolean keepUndefined) {
        if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (UNDEFINED.equals(e.getValue())) {
                    continue;
                }
                sb.append(first ? "" : ",");
                first = false;
                newline(sb, pretty, depth + 1);
                string(sb, e.getKey());
                sb.append(pretty ? ": " : ":");
                write(sb, e.getValue(), pretty, depth + 1, keepUndefined);
            }
            newline(sb, pretty, depth);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                newline(sb, pretty, depth + 1);
                write(sb, list.get(i), pretty, depth + 1, keepUndefined);
            }
            newline(sb, pretty, depth);
            sb.append(']');
        } else if (v instanceof String s) {
            if (UNDEFINED.equals(s) && !keepUndefined) {
                sb.append(pretty ? "undefined" : "null");
            } else {
                string(sb, s);
            }
        } else if (v instanceof Raw r) {
            sb.append(r.text());
        } else {
            sb.append(v == null ? "null" : v.toString());
        }
    }

    private static void newline(StringBuilder sb, boolean pretty, int depth) {
        if (pretty) {
            sb.append('\n').append("  ".repeat(depth));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
