package dev.autosync.emulator.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Snowflake's ARRAY and OBJECT functions over JSON text (trees of {@link VariantText#parse}), as their
 * pages in the SQL reference describe them. An argument that is an SQL NULL element arrives as the
 * undefined marker ({@link VariantText#UNDEFINED}, JSON-quoted). Values compare as Snowflake compares
 * VARIANTs: numbers by value, strings exactly, arrays and objects element by element.
 */
public final class VariantFunctions {
    private static final JsonFactory FACTORY = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private VariantFunctions() {
    }

    private static List<Object> array(String json, String function) {
        Object v = VariantText.parse(json);
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalArgumentException("Invalid argument types for function '" + function + "': expected an ARRAY");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json, String function) {
        Object v = VariantText.parse(json);
        if (v instanceof Map<?, ?> m) {
            return new TreeMap<>((Map<String, Object>) m);
        }
        throw new IllegalArgumentException("Invalid argument types for function '" + function + "': expected an OBJECT");
    }

    /** A result stored as a VARIANT again: compact, undefined elements kept as the marker. */
    private static String json(Object tree) {
        return VariantText.writeStored(tree);
    }

    public static String arrayAppend(String array, String element) {
        List<Object> a = array(array, "ARRAY_APPEND");
        a.add(VariantText.parse(element));
        return json(a);
    }

    public static String arrayPrepend(String array, String element) {
        List<Object> a = array(array, "ARRAY_PREPEND");
        a.add(0, VariantText.parse(element));
        return json(a);
    }

    /** ARRAY_INSERT: a position past the end pads with undefined; a negative one counts from the end. */
    public static String arrayInsert(String array, long position, String element) {
        List<Object> a = array(array, "ARRAY_INSERT");
        long at = position < 0 ? Math.max(0, a.size() + position) : position;
        while (a.size() < at) {
            a.add(VariantText.UNDEFINED);
        }
        a.add((int) at, VariantText.parse(element));
        return json(a);
    }

    public static String arrayCat(String first, String second) {
        List<Object> a = array(first, "ARRAY_CAT");
        a.addAll(array(second, "ARRAY_CAT"));
        return json(a);
    }

    /** ARRAY_COMPACT: without JSON nulls and undefined elements. */
    public static String arrayCompact(String array) {
        List<Object> a = array(array, "ARRAY_COMPACT");
        a.removeIf(x -> x == null || VariantText.UNDEFINED.equals(x));
        return json(a);
    }

    /** ARRAY_CONTAINS: an SQL NULL value is found only as an undefined element, else the answer is NULL. */
    public static Boolean arrayContains(String element, String array) {
        Object e = VariantText.parse(element);
        boolean found = array(array, "ARRAY_CONTAINS").stream().anyMatch(x -> same(x, e));
        return found || !VariantText.UNDEFINED.equals(e) ? found : null;
    }

    /** ARRAY_POSITION: the 0-based index of the first equal element, or null. */
    public static Long arrayPosition(String element, String array) {
        Object e = VariantText.parse(element);
        List<Object> a = array(array, "ARRAY_POSITION");
        for (int i = 0; i < a.size(); i++) {
            if (same(a.get(i), e)) {
                return (long) i;
            }
        }
        return null;
    }

    /** ARRAY_SLICE(array, from, to): to is exclusive; negative indexes count from the end; out of range is clamped. */
    public static String arraySlice(String array, long from, long to) {
        List<Object> a = array(array, "ARRAY_SLICE");
        int n = a.size();
        long f = from < 0 ? Math.max(0, n + from) : Math.min(from, n);
        long t = to < 0 ? Math.max(0, n + to) : Math.min(to, n);
        return json(f >= t ? List.of() : a.subList((int) f, (int) t));
    }

    /** ARRAY_TO_STRING: strings without quotes, JSON null and undefined as empty strings, others as compact JSON. */
    public static String arrayToString(String array, String separator) {
        List<String> parts = new ArrayList<>();
        for (Object x : array(array, "ARRAY_TO_STRING")) {
            parts.add(text(x));
        }
        return String.join(separator, parts);
    }

    /** A value as text, as {@code ::VARCHAR} gives it (strings without quotes; JSON null and undefined empty). */
    static String text(Object x) {
        if (x == null || VariantText.UNDEFINED.equals(x)) {
            return "";
        }
        if (x instanceof String s) {
            return s;
        }
        return VariantText.write(x, false);
    }

    public static String arrayDistinct(String array) {
        List<Object> out = new ArrayList<>();
        for (Object x : array(array, "ARRAY_DISTINCT")) {
            if (out.stream().noneMatch(y -> same(x, y))) {
                out.add(x);
            }
        }
        return json(out);
    }

    public static String arrayRemove(String array, String element) {
        Object e = VariantText.parse(element);
        List<Object> a = array(array, "ARRAY_REMOVE");
        a.removeIf(x -> same(x, e));
        return json(a);
    }

    public static String arrayRemoveAt(String array, long position) {
        List<Object> a = array(array, "ARRAY_REMOVE_AT");
        long at = position < 0 ? a.size() + position : position;
        if (at >= 0 && at < a.size()) {
            a.remove((int) at);
        }
        return json(a);
    }

    public static String arrayReverse(String array) {
        List<Object> a = array(array, "ARRAY_REVERSE");
        java.util.Collections.reverse(a);
        return json(a);
    }

    /** ARRAY_FLATTEN: one level of nested arrays; an element that is not an array is an error. */
    public static String arrayFlatten(String array) {
        List<Object> out = new ArrayList<>();
        for (Object x : array(array, "ARRAY_FLATTEN")) {
            // a NULL element (SQL NULL, or JSON null: UNVERIFIED) makes the result NULL (array_flatten page)
            if (x == null || VariantText.UNDEFINED.equals(x)) {
                return null;
            }
            if (!(x instanceof List<?> l)) {
                throw JavaFunctions.error("100107", "22000",
                        "Not an array: 'Input argument to ARRAY_FLATTEN is not an array of arrays'");
            }
            out.addAll(l);
        }
        return json(out);
    }

    /** ARRAY_EXCEPT: multiset difference (each element of the second removes one equal element of the first). */
    public static String arrayExcept(String first, String second) {
        List<Object> a = array(first, "ARRAY_EXCEPT");
        for (Object y : array(second, "ARRAY_EXCEPT")) {
            for (int i = 0; i < a.size(); i++) {
                if (same(a.get(i), y)) {
                    a.remove(i);
                    break;
                }
            }
        }
        return json(a);
    }

    /** ARRAY_INTERSECTION: multiset intersection, in the first array's order. */
    public static String arrayIntersection(String first, String second) {
        List<Object> b = array(second, "ARRAY_INTERSECTION");
        List<Object> out = new ArrayList<>();
        for (Object x : array(first, "ARRAY_INTERSECTION")) {
            for (int i = 0; i < b.size(); i++) {
                if (same(x, b.get(i))) {
                    out.add(x);
                    b.remove(i);
                    break;
                }
            }
        }
        return json(out);
    }

    public static boolean arraysOverlap(String first, String second) {
        List<Object> b = array(second, "ARRAYS_OVERLAP");
        return array(first, "ARRAYS_OVERLAP").stream().anyMatch(x -> b.stream().anyMatch(y -> same(x, y)));
    }

    public static String objectDelete(String object, String key) {
        Map<String, Object> o = object(object, "OBJECT_DELETE");
        o.remove(key);
        return json(o);
    }

    /** OBJECT_INSERT: an SQL NULL value inserts nothing; an existing key is an error unless updating. */
    public static String objectInsert(String object, String key, String value, boolean update) {
        Map<String, Object> o = object(object, "OBJECT_INSERT");
        Object v = VariantText.parse(value);
        if (o.containsKey(key) && !update) {
            throw new IllegalArgumentException("Duplicate field key '" + key + "'");
        }
        if (VariantText.UNDEFINED.equals(v)) {
            if (update) {
                o.remove(key);
            }
        } else {
            o.put(key, v);
        }
        return json(o);
    }

    /** OBJECT_PICK: the pairs whose keys are listed (an ARRAY of keys). */
    public static String objectPick(String object, String keys) {
        Map<String, Object> o = object(object, "OBJECT_PICK");
        Map<String, Object> out = new TreeMap<>();
        for (Object k : array(keys, "OBJECT_PICK")) {
            if (k instanceof String s && o.containsKey(s)) {
                out.put(s, o.get(s));
            }
        }
        return json(out);
    }

    /** ARRAYS_TO_OBJECT(keys, values): pairs by position; a NULL key (JSON null or undefined) leaves its pair out. */
    public static String arraysToObject(String keys, String values) {
        List<Object> k = array(keys, "ARRAYS_TO_OBJECT");
        List<Object> v = array(values, "ARRAYS_TO_OBJECT");
        if (k.size() != v.size()) {
            throw new IllegalArgumentException("ARRAYS_TO_OBJECT: the key and value arrays have different sizes");
        }
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < k.size(); i++) {
            Object key = k.get(i);
            if (key != null && !VariantText.UNDEFINED.equals(key)) {
                out.put(text(key), VariantText.UNDEFINED.equals(v.get(i)) ? null : v.get(i));
            }
        }
        return json(out);
    }

    /** GET_IGNORE_CASE(object, key): an exact match first, else the first key equal ignoring case; null when none. */
    public static String getIgnoreCase(String object, String key) {
        Map<String, Object> o = object(object, "GET_IGNORE_CASE");
        if (o.containsKey(key)) {
            return json(o.get(key));
        }
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return json(e.getValue());
            }
        }
        return null;
    }

    /** OBJECT_CONSTRUCT(*): the row's columns as keys (DuckDB names decoded); SQL NULL columns dropped unless kept. */
    @SuppressWarnings("unchecked")
    public static String objectOfRow(String row, boolean keepNull) {
        Map<String, Object> o = (Map<String, Object>) VariantText.parse(row);
        Map<String, Object> out = new TreeMap<>();
        o.forEach((k, v) -> {
            if (v != null || keepNull) {
                out.put(dev.autosync.emulator.base.Names.decode(k), v);
            }
        });
        return json(out);
    }

    /** TYPEOF of a VARIANT: numbers by how they are written (integer, decimal, or double in exponent form). */
    public static String typeOf(String json) {
        Object v = VariantText.parse(json);
        if (v == null) {
            return "NULL_VALUE";
        } else if (v instanceof Map) {
            return "OBJECT";
        } else if (v instanceof List) {
            return "ARRAY";
        } else if (v instanceof Boolean) {
            return "BOOLEAN";
        } else if (v instanceof VariantText.Raw r) {
            String t = r.text().toLowerCase(Locale.ROOT);
            return t.contains("e") || t.contains("n") || t.contains("i") ? "DOUBLE" : t.contains(".") ? "DECIMAL" : "INTEGER";
        }
        return "VARCHAR";
    }

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

    private static final java.util.regex.Pattern URL_SCHEME = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)",
            java.util.regex.Pattern.DOTALL);

    /**
     * PARSE_URL (parse_url page): an OBJECT of fragment, host (with any user information), parameters (the query's
     * name=value pairs), path (without its leading slash), port, query and scheme, JSON null where absent. A URL
     * without a scheme is error 100139, or {"error": "..."} when permissive is 1.
     */
    public static String parseUrl(String url, long permissive) {
        java.util.regex.Matcher m = URL_SCHEME.matcher(url);
        if (!m.matches()) {
            if (permissive == 1) {
                Map<String, Object> error = new java.util.TreeMap<>();
                error.put("error", "scheme not specified");
                return json(error);
            }
            throw JavaFunctions.error("100139", "22000", "Error parsing URL: scheme not specified");
        }
        String rest = m.group(2);
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String host = null;
        String port = null;
        String path = rest;
        if (rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            path = slash >= 0 ? authority.substring(slash + 1) : ""; // UNVERIFIED: no path at all reads ""
            authority = slash >= 0 ? authority.substring(0, slash) : authority;
            int colon = authority.lastIndexOf(':');
            if (colon > authority.lastIndexOf('@') && colon + 1 < authority.length()
                    && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                port = authority.substring(colon + 1);
                authority = authority.substring(0, colon);
            }
            host = authority;
        }
        Map<String, Object> parameters = null;
        if (query != null && !query.isEmpty()) {
            parameters = new java.util.TreeMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                // UNVERIFIED: a name without '=' maps to JSON null
                parameters.put(eq >= 0 ? pair.substring(0, eq) : pair, eq >= 0 ? pair.substring(eq + 1) : null);
            }
        }
        Map<String, Object> out = new java.util.TreeMap<>();
        out.put("fragment", fragment);
        out.put("host", host);
        out.put("parameters", parameters);
        out.put("path", path);
        out.put("port", port);
        out.put("query", query);
        out.put("scheme", m.group(1));
        return json(out);
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

    /**
     * ARRAY_SORT (array_sort page): ascending or descending by VARIANT order, a JSON null after every value
     * (before them when descending); SQL NULL (undefined) elements at the end, or first when nullsFirst.
     */
    public static String arraySort(String array, boolean ascending, boolean nullsFirst) {
        List<Object> values = new ArrayList<>();
        int undefined = 0;
        for (Object x : array(array, "ARRAY_SORT")) {
            if (VariantText.UNDEFINED.equals(x)) {
                undefined++;
            } else {
                values.add(x);
            }
        }
        values.sort(ascending ? VariantFunctions::compare : (a, b) -> compare(b, a));
        List<Object> out = new ArrayList<>();
        for (int i = 0; nullsFirst && i < undefined; i++) {
            out.add(VariantText.UNDEFINED);
        }
        out.addAll(values);
        for (int i = 0; !nullsFirst && i < undefined; i++) {
            out.add(VariantText.UNDEFINED);
        }
        return VariantText.writeStored(out);
    }

    /** ARRAY_MAX / ARRAY_MIN (array_max, array_min pages): SQL NULL elements left out; NULL when none is left. */
    public static String arrayExtreme(String array, boolean max) {
        Object best = null;
        boolean found = false;
        for (Object x : array(array, max ? "ARRAY_MAX" : "ARRAY_MIN")) {
            if (VariantText.UNDEFINED.equals(x)) {
                continue;
            }
            if (!found || (max ? compare(x, best) > 0 : compare(x, best) < 0)) {
                best = x;
                found = true;
            }
        }
        return found ? json(best) : null;
    }

    /**
     * ARRAYS_ZIP (arrays_zip page): one object a position, key {@code $n} for the n-th array; a missing or SQL NULL
     * element is a JSON null; as long as the longest array, and one empty object when all are empty.
     */
    public static String arraysZip(String arrays) {
        List<List<Object>> inputs = new ArrayList<>();
        int longest = 0;
        for (Object a : array(arrays, "ARRAYS_ZIP")) {
            if (!(a instanceof List<?> l)) {
                throw new IllegalArgumentException("Invalid argument types for function 'ARRAYS_ZIP': expected an ARRAY");
            }
            inputs.add(new ArrayList<>(l));
            longest = Math.max(longest, l.size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, longest); i++) {
            Map<String, Object> o = new TreeMap<>();
            for (int k = 0; k < inputs.size() && longest > 0; k++) {
                Object x = i < inputs.get(k).size() ? inputs.get(k).get(i) : null;
                o.put("$" + (k + 1), VariantText.UNDEFINED.equals(x) ? null : x);
            }
            out.add(o);
        }
        return json(out);
    }

    /**
     * VARIANT order: numbers by value, strings by code point, booleans FALSE before TRUE, arrays and objects by
     * their text; across types (UNVERIFIED) numbers, strings, booleans, arrays, objects; JSON null last.
     */
    static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (a instanceof VariantText.Raw x && b instanceof VariantText.Raw y) {
            try {
                return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text()));
            } catch (NumberFormatException e) {
                return Double.compare(Double.parseDouble(x.text()), Double.parseDouble(y.text()));
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a == null ? 0 : json(a).compareTo(json(b));
    }

    private static int rank(Object x) {
        if (x instanceof VariantText.Raw) {
            return 0;
        } else if (x instanceof String) {
            return 1;
        } else if (x instanceof Boolean) {
            return 2;
        } else if (x instanceof List) {
            return 3;
        } else if (x instanceof Map) {
            return 4;
        }
        return 5;
    }

    /** Snowflake's VARIANT equality. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof VariantText.Raw x && b instanceof VariantText.Raw y) {
            try {
                return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text())) == 0;
            } catch (NumberFormatException e) {
                return x.text().equals(y.text());
            }
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            Set<Object> keys = new HashSet<>(x.keySet());
            if (!keys.equals(new HashSet<>(y.keySet()))) {
                return false;
            }
            return keys.stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        return a.equals(b);
    }
}
