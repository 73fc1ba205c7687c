package dev.autosync.emulator.sql;

import dev.autosync.sql.tree.Expr;
import dev.autosync.sql.tree.Expr.Collate;
import dev.autosync.sql.tree.Expr.FunctionCall;
import dev.autosync.sql.tree.Expr.StringLiteral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Snowflake collation specifications (collation page: {@code 'en-ci'}, {@code 'es-ai'}, {@code 'upper'},
 * {@code 'en_US-trim'}, ...) as comparison keys in DuckDB SQL. A locale or a ci / ai / pi specifier compares as ICU does,
 * through DuckDB's {@code icu_sort_key} with the matching ICU strength (ci: secondary, ai: primary with the case level);
 * {@code upper} / {@code lower} compare the converted text by code point; {@code trim}, {@code ltrim}, {@code rtrim} drop
 * blanks first; {@code utf8}, {@code bin} and {@code ''} compare code points. Keys apply to collations written in the
 * query (COLLATE infix or function); a column's COLLATE clause maps to a DuckDB collation ({@link #duckColumnCollation}).
 */
final class Collations {
    private Collations() {
    }

    /** The specification {@code e} carries explicitly ({@code x COLLATE 'spec'} or {@code COLLATE(x, 'spec')}), else null. */
    static String of(Expr e) {
        if (e instanceof Collate c) {
            return c.collation();
        }
        if (e instanceof FunctionCall f && f.name().size() == 1 && f.name().get(0).equalsIgnoreCase("COLLATE")
                && f.arguments().size() == 2 && f.arguments().get(1).value() instanceof StringLiteral s) {
            return s.value();
        }
        return null;
    }

    /** The collated operand of {@code e} when it carries a collation, else {@code e}. */
    static Expr operand(Expr e) {
        if (e instanceof Collate c) {
            return c.operand();
        }
        if (of(e) != null && e instanceof FunctionCall f) {
            return f.arguments().get(0).value();
        }
        return e;
    }

    private record Spec(String locale, boolean ci, boolean ai, boolean pi, String caseFirst, String convert, String trim) {
        boolean icu() {
            return locale != null || ci || ai || pi || caseFirst != null;
        }

        boolean plain() {
            return !icu() && convert == null && trim == null;
        }
    }

    private static Spec parse(String specification) {
        String locale = null;
        boolean ci = false;
        boolean ai = false;
        boolean pi = false;
        String caseFirst = null;
        String convert = null;
        String trim = null;
        String[] parts = specification.strip().toLowerCase(Locale.ROOT).split("-");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            switch (p) {
                case "", "cs", "as", "ps", "utf8", "bin" -> {
                }
                case "ci" -> ci = true;
                case "ai" -> ai = true;
                case "pi" -> pi = true;
                case "fl" -> caseFirst = "lower";
                case "fu" -> caseFirst = "upper";
                case "upper", "lower" -> convert = p;
                case "trim", "ltrim", "rtrim" -> trim = p;
                default -> {
                    if (i == 0 && p.matches("[a-z]{2,3}(_[a-z]{2})?")) {
                        locale = p;
                    } else {
                        throw dev.autosync.emulator.base.SnowflakeError.compilation("Invalid collation specification '"
                                + specification + "'");
                    }
                }
            }
        }
        return new Spec(locale, ci, ai, pi, caseFirst, convert, trim);
    }

    /**
     * The key of text {@code sql} under {@code specification}: equal keys compare equal, and keys order as the collation
     * orders. Null when the collation compares code points (the text itself is the key).
     */
    static String key(String sql, String specification) {
        Spec s = parse(specification);
        if (s.plain()) {
            return null;
        }
        String x = sql;
        if (s.trim() != null) {
            x = s.trim() + "(" + x + ", ' ')";
        }
        if (s.convert() != null) {
            // full Unicode case mapping (Java's): upper of U+0390 is U+0399 U+0308 U+0301, as the collation page compares it
            x = "sf_case(" + x + ", '" + s.convert() + "', 'und')";
        }
        if (!s.icu()) {
            return x;
        }
        return "icu_sort_key(" + x + ", '" + icuLocale(s) + "')";
    }

    /** The ICU locale with collation keywords for a specification ({@code en@colStrength=secondary}). */
    private static String icuLocale(Spec s) {
        List<String> keywords = new ArrayList<>();
        if (s.ai()) {
            keywords.add("colStrength=primary");
            if (!s.ci()) {
                keywords.add("colCaseLevel=yes");
            }
        } else if (s.ci()) {
            keywords.add("colStrength=secondary");
        }
        if (s.pi()) {
            keywords.add("colAlternate=shifted");
        }
        if (s.caseFirst() != null) {
            keywords.add("colCaseFirst=" + s.caseFirst());
        }
        String locale = s.locale() == null ? "root" : s.locale();
        return keywords.isEmpty() ? locale : locale + "@" + String.join(";", keywords);
    }

    /** ICU collations DuckDB has (pragma_collations), by language. */
    private static final java.util.Set<String> DUCK_LOCALES = java.util.Set.of(("af am ar as az be bg bn bo br bs ca ceb chr cs "
            + "cy da de dsb dz ee el en eo es et fa ff fi fil fo fr ga gl gu ha haw he hi hr hsb hu hy id ig is it ja ka kk kl km kn "
            + "ko kok ku ky lb lkt ln lo lt lv mk ml mn mr ms mt my nb ne nl nn om or pa pl ps pt ro ru sa se si sk sl smn sq sr sv "
            + "sw ta te th tk to tr ug uk ur uz vi wae wo xh yi yo yue zh zu").split(" "));

    /**
     * The DuckDB collation of a column declared {@code COLLATE 'spec'} (collation page: a column's collation applies to
     * its comparisons and sorting), or null for code-point order: ci, upper and lower as NOCASE, ai as NOACCENT, then the
     * locale's ICU collation. UNVERIFIED approximations: NOCASE lower-cases rather than comparing at ICU's secondary
     * strength, NOACCENT also folds letters a locale treats as its own (Spanish ñ), trim is not applied to columns.
     */
    static String duckColumnCollation(String specification) {
        Spec s = parse(specification);
        List<String> chain = new ArrayList<>();
        if (s.ci() || s.convert() != null) {
            chain.add("nocase");
        }
        if (s.ai()) {
            chain.add("noaccent");
        }
        if (s.locale() != null) {
            String language = s.locale().replaceFirst("_.*", "");
            if (DUCK_LOCALES.contains(language)) {
                chain.add(language);
            }
        }
        return chain.isEmpty() ? null : String.join(".", chain);
    }

    /** The Java locale of a specification for case conversion (LOWER('I' COLLATE 'tr') is dotless), or null. */
    static Locale caseLocale(String specification) {
        String locale = parse(specification).locale();
        return locale == null ? null : Locale.forLanguageTag(locale.replace('_', '-'));
    }

    /**
     * CONTAINS / STARTSWITH / ENDSWITH ({@code kind}) of {@code text} and {@code part} under a collation: some substring
     * (prefix, suffix) of the text compares equal to the part (contains page: 'ñ' contains 'n' under en-ci-ai, not under
     * es-ci-ai). Null when the collation compares code points.
     */
    static String match(String kind, String text, String part, String specification) {
        String kp = key(part, specification);
        if (kp == null) {
            return null;
        }
        String len = "length(" + text + ")";
        // an ICU collation matches whole characters: a candidate neither starts nor ends inside a combining sequence
        // (collation page: under en-ci, U+03B9 U+0308 contains neither U+03B9 nor U+0308; under upper it contains both)
        boolean whole = parse(specification).icu();
        String candidates = switch (kind) {
            case "STARTSWITH" -> "SELECT substring(" + text + ", 1, j) AS s FROM range(0, " + len + " + 1) r(j)"
                    + (whole ? " WHERE NOT regexp_matches(substring(" + text + ", j + 1, 1), '\\p{M}')" : "");
            case "ENDSWITH" -> "SELECT substring(" + text + ", j + 1) AS s FROM range(0, " + len + " + 1) r(j)"
                    + (whole ? " WHERE NOT regexp_matches(substring(" + text + ", j + 1, 1), '\\p{M}')" : "");
            default -> "SELECT substring(" + text + ", i + 1, j) AS s FROM range(0, " + len + " + 1) r1(i), range(0, " + len
                    + " + 1) r2(j) WHERE i + j <= " + len + (whole ? " AND NOT regexp_matches(substring(" + text
                    + ", i + 1, 1), '\\p{M}') AND NOT regexp_matches(substring(" + text + ", i + j + 1, 1), '\\p{M}')" : "");
        };
        return "(CASE WHEN " + text + " IS NULL OR " + part + " IS NULL THEN NULL ELSE (SELECT coalesce(bool_or("
                + key("s", specification) + " = " + kp + "), false) FROM (" + candidates + ")) END)";
    }
}
