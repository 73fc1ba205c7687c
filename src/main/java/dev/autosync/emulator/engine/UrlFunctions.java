package dev.autosync.emulator.engine;

import java.util.Map;
import java.util.TreeMap;

import static dev.autosync.emulator.engine.VariantFunctions.json;

/** PARSE_URL (parse_url page): a URL's parts as an OBJECT. */
public final class UrlFunctions {
    private UrlFunctions() {
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
}
