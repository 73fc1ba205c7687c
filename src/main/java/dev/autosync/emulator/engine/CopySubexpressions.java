package dev.autosync.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes the JSON paths a COPY's translated transformation reads once per row instead of once per
 * use. The translation of {@code $1:field} (and of each function around it) repeats
 * {@code json_extract("$1", '/field')} and the text of the field up to 50 times per column, and
 * DuckDB parses the record again for each: for the rendered attendance pipe that was most of a
 * file's load time. The rewrite keeps every expression as translated: all paths come from one
 * {@code json_extract("$1", [paths])} (the list form of the same function: one parse per row),
 * and each field's repeated text expression is computed once in a subquery, under a name the
 * transformation then uses. Text inside string literals is never touched; a transformation that
 * selects {@code *} (whose columns the extra ones would change) is left as it is.
 */
final class CopySubexpressions {
    private static final Pattern PATH = Pattern.compile("json_extract\\(\"\\$1\", '([^']*)'\\)");
    private static final Pattern STAR = Pattern.compile("(?i)(select|,|\\.|\\()\\s*\\*");
    private static final String PATHS = "\"autosync$paths\"";

    private CopySubexpressions() {
    }

    /** {@code transform} with its JSON paths hoisted into {@code source}, which it must contain once. */
    static String hoist(String transform, String source) {
        int at = transform.indexOf(source);
        if (at < 0 || transform.indexOf(source, at + 1) >= 0) {
            return transform;
        }
        String before = transform.substring(0, at);
        String after = transform.substring(at + source.length());
        if (!findOutsideLiterals(before, STAR).isEmpty() || !findOutsideLiterals(after, STAR).isEmpty()) {
            return transform;
        }
        Map<String, Integer> paths = new LinkedHashMap<>();
        for (MatchResult m : findOutsideLiterals(before + after, PATH)) {
            paths.putIfAbsent(m.group(1), paths.size() + 1);
        }
        if (paths.isEmpty()) {
            return transform;
        }
        before = replacePaths(before, paths);
        after = replacePaths(after, paths);
        List<String> fieldTexts = new ArrayList<>();
        List<String> fieldValues = new ArrayList<>();
        List<Integer> textKeys = new ArrayList<>();
        List<Integer> valueKeys = new ArrayList<>();
        for (int k : paths.values()) {
            String element = PATHS + "[" + k + "]";
            String text = "(CASE WHEN typeof(" + element + ") = 'JSON' THEN CAST(json_extract_string(CAST(" + element
                    + " AS VARCHAR), '$') AS VARCHAR) ELSE CAST(" + element + " AS VARCHAR) END)";
            String name = "\"autosync$text" + k + "\"";
            String b = replaceOutsideLiterals(before, text, name);
            String a = replaceOutsideLiterals(after, text, name);
            if (b.equals(before) && a.equals(after)) {
                continue;
            }
            fieldTexts.add(text + " AS " + name);
            textKeys.add(k);
            // A VARIANT's text for a conversion (TO_DATE, ::TIMESTAMP...) wraps the field's text once more, and the
            // conversion repeats that wrapper ~30 times: computed once here, DuckDB parses and evaluates it once.
            String value = "(CASE WHEN typeof(" + element + ") = 'BLOB' THEN hex(CAST(CAST(" + element
                    + " AS VARCHAR) AS BLOB)) ELSE " + name + " END)";
            String valueName = "\"autosync$value" + k + "\"";
            before = replaceOutsideLiterals(b, value, valueName);
            after = replaceOutsideLiterals(a, value, valueName);
            if (!before.equals(b) || !after.equals(a)) {
                fieldValues.add(value + " AS " + valueName);
                valueKeys.add(k);
            }
        }
        StringBuilder list = new StringBuilder();
        for (String p : paths.keySet()) {
            list.append(list.isEmpty() ? "" : ", ").append("'").append(p).append("'");
        }
        if (findOutsideLiterals(before + after, Pattern.compile(Pattern.quote(PATHS))).isEmpty() && !fieldTexts.isEmpty()) {
            return before + textsOnly(list.toString(), textKeys, valueKeys, source) + after;
        }
        String withPaths = "(SELECT *, json_extract(\"$1\", [" + list + "]) AS " + PATHS + " FROM " + source + ")";
        String hoisted = fieldTexts.isEmpty() ? withPaths
                : "(SELECT *, " + String.join(", ", fieldTexts) + " FROM " + withPaths + ")";
        if (!fieldValues.isEmpty()) {
            hoisted = "(SELECT *, " + String.join(", ", fieldValues) + " FROM " + hoisted + ")";
        }
        return before + hoisted + after;
    }

    /**
     * When the transformation reads the fields only as text: each field's text is element k of one
     * {@code json_extract_string("$1", [paths])} (the same text as json_extract_string of the field's JSON value, without
     * writing each value as JSON and parsing it again), and its value for a conversion is that text (a JSON value is
     * never a BLOB, so the wrapper's hex branch cannot apply).
     */
    private static String textsOnly(String list, List<Integer> textKeys, List<Integer> valueKeys, String source) {
        String strings = "\"autosync$strings\"";
        List<String> items = new ArrayList<>();
        for (int k : textKeys) {
            items.add(strings + "[" + k + "] AS \"autosync$text" + k + "\"");
        }
        for (int k : valueKeys) {
            items.add(strings + "[" + k + "] AS \"autosync$value" + k + "\"");
        }
        return "(SELECT *, " + String.join(", ", items) + " FROM (SELECT *, json_extract_string(\"$1\", [" + list + "]) AS "
                + strings + " FROM " + source + "))";
    }

    private static String replacePaths(String sql, Map<String, Integer> paths) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MatchResult m : findOutsideLiterals(sql, PATH)) {
            out.append(sql, last, m.start()).append(PATHS).append('[').append(paths.get(m.group(1))).append(']');
            last = m.end();
        }
        return out.append(sql.substring(last)).toString();
    }

    private static String replaceOutsideLiterals(String sql, String text, String by) {
        return replaceAll(sql, Pattern.compile(Pattern.quote(text)), by);
    }

    private static String replaceAll(String sql, Pattern p, String by) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (MatchResult m : findOutsideLiterals(sql, p)) {
            out.append(sql, last, m.start()).append(by);
            last = m.end();
        }
        return out.append(sql.substring(last)).toString();
    }

    /** Matches of {@code p} that start outside string literals and quoted identifiers, left to right, not overlapping. */
    private static List<MatchResult> findOutsideLiterals(String sql, Pattern p) {
        List<MatchResult> out = new ArrayList<>();
        Matcher m = p.matcher(sql);
        char quote = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    quote = 0;
                }
                i++;
                continue;
            }
            m.region(i, sql.length());
            if (m.lookingAt()) {
                out.add(m.toMatchResult());
                i = m.end();
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            }
            i++;
        }
        return out;
    }
}
