package dev.autosync.emulator.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.util.Locale;

import static dev.autosync.emulator.engine.VariantFunctions.json;

/**
 * JSON text read as Snowflake reads it: PARSE_JSON (lenient keys, empty elements as undefined, duplicate keys,
 * exponent numbers as DOUBLE), CHECK_JSON's messages, and the text of DOUBLE and timestamp values inside a VARIANT.
 */
public final class JsonParsing {
    private JsonParsing() {
    }

    private static final JsonFactory FACTORY = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * PARSE_JSON reads a number written with an exponent as a DOUBLE (parse_json page: 1.912e2 is
     * 1.912000000000000e+02, TYPEOF DOUBLE): such numbers rewritten as Snowflake prints a DOUBLE.
     */
    static String doubles(String json) {
        StringBuilder out = null;
        int copied = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if ((ch == '-' || Character.isDigit(ch))
                    && (i == 0 || !(Character.isLetterOrDigit(json.charAt(i - 1)) || json.charAt(i - 1) == '_'))) {
                int end = i + 1;
                while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                String number = json.substring(i, end);
                if (number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
                    try {
                        String d = doubleJson(Double.parseDouble(number));
                        out = out == null ? new StringBuilder(json.length() + 16) : out;
                        out.append(json, copied, i).append(d);
                        copied = end;
                    } catch (NumberFormatException e) {
                        // not a number: left as written
                    }
                }
                i = end - 1;
            }
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    /** A DOUBLE inside a VARIANT, as Snowflake writes it: 1.230000000000000e+00. */
    public static String doubleJson(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "\"" + (Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "\"";
        }
        return String.format(Locale.ROOT, "%.15e", d);
    }

    /**
     * PARSE_JSON: the text checked; a duplicate key is an error unless the parameters hold 'd' (then the
     * last value wins). Returns the JSON text to store.
     */
    /** Snowflake's PARSE_JSON also reads object keys without quotes ({ name: "x" }, flatten page); other text stays as written. */
    private static final com.fasterxml.jackson.databind.ObjectMapper LENIENT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static String lenient(String text) {
        String filled = withUndefinedElements(text);
        try {
            if (!filled.equals(text)) {
                // keeps the marker strings and every number as written
                return json(VariantText.parse(filled));
            }
            return LENIENT.writeValueAsString(LENIENT.readTree(text));
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    /**
     * Snowflake's PARSE_JSON reads an empty array element ({@code [1, ,77]}, {@code [, 1]}, a trailing {@code [1,]}) as
     * undefined (flatten, is_array, try_parse_json pages), and TRUE / FALSE / NULL in any case: the text with the
     * undefined marker in those places and the literals in lower case.
     */
    static String withUndefinedElements(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        boolean inString = false;
        boolean expectElement = false;
        String marker = "\"" + VariantText.UNDEFINED + "\"";
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                out.append(ch);
                if (ch == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (Character.isWhitespace(ch)) {
                out.append(ch);
                continue;
            }
            if (Character.isLetter(ch)) {
                // TRUE, FALSE and NULL in any case are JSON's literals (try_parse_json page: FALSE reads false)
                int end = i;
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false") || word.equalsIgnoreCase("null")) {
                    expectElement = false;
                    out.append(word.toLowerCase(Locale.ROOT));
                    i = end - 1;
                    continue;
                }
            }
            boolean inArray = !open.isEmpty() && open.peek() == '[';
            if (inArray && expectElement && (ch == ',' || (ch == ']' && out.length() > 0 && lastSignificant(out) == ','))) {
                out.append(marker);
            }
            expectElement = false;
            if (ch == '"') {
                inString = true;
            } else if (ch == '[' || ch == '{') {
                open.push(ch);
                expectElement = ch == '[';
            } else if (ch == ']' || ch == '}') {
                open.poll();
            } else if (ch == ',') {
                expectElement = true;
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static char lastSignificant(StringBuilder sb) {
        for (int i = sb.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(sb.charAt(i))) {
                return sb.charAt(i);
            }
        }
        return 0;
    }

    public static String parseJson(String text, String parameters) {
        boolean duplicates = parameters.indexOf('d') >= 0;
        if (text.strip().equalsIgnoreCase("null")) {
            return "null";
        }
        if (!duplicates) {
            try (JsonParser p = FACTORY.createParser(text)) {
                while (p.nextToken() != null) {
                    // reading the whole text detects duplicate keys
                }
            } catch (IOException e) {
                String m = e.getMessage() == null ? "" : e.getMessage();
                if (m.startsWith("Duplicate field")) {
                    String key = m.replaceFirst("(?s)Duplicate field '([^']*)'.*", "$1");
                    throw new IllegalArgumentException("duplicate object attribute \"" + key + "\"" + position(e));
                }
                String invalid = syntaxError(text);
                if (invalid != null) {
                    throw new IllegalArgumentException(invalid);
                }
                return doubles(lenient(text));
            }
            return doubles(text);
        }
        try {
            return json(VariantText.parse(text));
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /**
     * CHECK_JSON (check_json page): NULL when the text is a JSON document Snowflake's parser reads (unquoted keys,
     * empty array elements and literals in any case included, as PARSE_JSON reads them), else the parser's message
     * with the 0-based position of the offending character ("misplaced }, pos 32"). Messages other than
     * "misplaced" are UNVERIFIED.
     */
    public static String syntaxError(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String filled = withUndefinedElements(text);
        try (JsonParser p = LENIENT.getFactory().createParser(filled)) {
            while (p.nextToken() != null) {
                // reads the whole document
            }
            return null;
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    && filled.equals(text)) {
                int at = (int) j.getLocation().getCharOffset();
                if (at < 0 || at > text.length()) {
                    return "invalid JSON";
                }
                int bad = Math.max(0, Math.min(at, text.length()) - 1);
                while (bad < text.length() && Character.isWhitespace(text.charAt(bad))) {
                    bad++;
                }
                if (bad >= text.length()) {
                    return "incomplete JSON value, pos " + text.length();
                }
                char c = text.charAt(bad);
                if (c == '}' || c == ']' || c == ',' || c == ':') {
                    return "misplaced " + c + ", pos " + (bad + 1);
                }
                if (Character.isLetter(c)) {
                    int end = bad;
                    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                        end++;
                    }
                    return "unknown keyword \"" + text.substring(bad, end) + "\", pos " + end;
                }
                return "unexpected character '" + c + "', pos " + bad;
            }
            return "invalid JSON";
        }
    }

    private static final java.util.regex.Pattern DUCK_TIMESTAMP = java.util.regex.Pattern.compile(
            "(-?\\d{4,}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?(?:([+-])(\\d{2})(?::?(\\d{2}))?)?");

    /**
     * A timestamp's text inside a VARIANT, from DuckDB's text of it: milliseconds always, an offset as +HHMM
     * ("2022-03-07 14:00:00.000 -0800", get page). UNVERIFIED: the session's output formats are not applied.
     */
    public static String timestampText(String duck) {
        java.util.regex.Matcher m = DUCK_TIMESTAMP.matcher(duck.strip());
        if (!m.matches()) {
            return duck;
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        String millis = (fraction + "000").substring(0, 3);
        String offset = m.group(3) == null ? ""
                : " " + m.group(3) + m.group(4) + (m.group(5) == null ? "00" : m.group(5));
        return m.group(1) + "." + millis + offset;
    }

    /** CHECK_JSON of a value of DuckDB type {@code duckType}: a VARIANT is checked when it holds a string (check_json page). */
    public static String checkJson(String text, String duckType) {
        if ("JSON".equals(duckType)) {
            Object v;
            try {
                v = VariantText.parse(text);
            } catch (RuntimeException e) {
                return syntaxError(text);
            }
            return v instanceof String str && !VariantText.UNDEFINED.equals(str) ? syntaxError(str) : null;
        }
        return syntaxError(text);
    }

    /** ", pos N": the 0-based offset Jackson reports for a parse problem (after the duplicate key, parse_json page). */
    private static String position(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                && j.getLocation().getCharOffset() >= 0) {
            return ", pos " + j.getLocation().getCharOffset();
        }
        return "";
    }
}
