package dev.autosync.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Snowflake's regular-expression functions in plain Java (registered as DuckDB functions by {@link JavaFunctions}):
 * REGEXP_SUBSTR / REGEXP_SUBSTR_ALL / REGEXP_INSTR / REGEXP_COUNT / REGEXP_REPLACE / REGEXP_LIKE, POSIX extended regular
 * expressions with the parameters c, i, m, e, s, as each function's page in Snowflake's SQL reference describes them.
 * Positions are 1-based and count characters.
 */
public final class RegexpFunctions {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern POSIX_CLASS = Pattern.compile("\\[:([a-z]+):\\]");

    private RegexpFunctions() {
    }

    /** A Snowflake regular expression with its parameters ('c', 'i', 'm', 's'; 'e' is read by the caller). */
    static Pattern pattern(String regex, String parameters) {
        int flags = 0;
        for (char p : parameters.toCharArray()) {
            switch (p) {
                case 'c' -> flags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'e' -> { }
                default -> throw new IllegalArgumentException("Invalid regular expression option: " + p);
            }
        }
        int f = flags;
        String key = f + "/" + regex;
        Pattern cached = PATTERNS.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern compiled = Pattern.compile(posixClasses(regex), f);
            if (PATTERNS.size() < 1000) {
                PATTERNS.put(key, compiled);
            }
            return compiled;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regular expression: '" + regex + "', " + e.getDescription());
        }
    }

    /** POSIX bracket classes ({@code [[:alpha:]]}) in Java's spelling ({@code [\p{Alpha}]}). */
    private static String posixClasses(String regex) {
        if (!regex.contains("[:")) {
            return regex;
        }
        Matcher m = POSIX_CLASS.matcher(regex);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = switch (m.group(1)) {
                case "alpha" -> "Alpha";
                case "digit" -> "Digit";
                case "alnum" -> "Alnum";
                case "upper" -> "Upper";
                case "lower" -> "Lower";
                case "space" -> "Space";
                case "punct" -> "Punct";
                case "xdigit" -> "XDigit";
                case "blank" -> "Blank";
                case "cntrl" -> "Cntrl";
                case "print" -> "Print";
                case "graph" -> "Graph";
                default -> null;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(name == null ? m.group() : "\\p{" + name + "}"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void checkPosition(long position) {
        if (position < 1) {
            throw new IllegalArgumentException("Invalid value [" + position + "] for function 'REGEXP', parameter 3: must be a"
                    + " positive integer");
        }
    }

    /** The {@code occurrence}-th match at or after {@code position}, or null. */
    private static Matcher find(String subject, Pattern p, long position, long occurrence) {
        checkPosition(position);
        int start = offset(subject, position);
        if (start > subject.length()) {
            return null;
        }
        Matcher m = p.matcher(subject);
        m.region(start, subject.length());
        // the search sees the subject from the position on: \b and ^ match there
        long n = Math.max(occurrence, 1);
        while (m.find()) {
            if (--n == 0) {
                return m;
            }
        }
        return null;
    }

    /** The char index of the 1-based code point position (past the end when beyond it). */
    private static int offset(String s, long position) {
        long cps = s.codePointCount(0, s.length());
        if (position - 1 > cps) {
            return s.length() + 1;
        }
        return s.offsetByCodePoints(0, (int) (position - 1));
    }

    private static long codePoints(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    /** The group to extract: 'e' alone means group 1, a group number implies 'e', else the whole match. */
    private static int group(String parameters, Long group) {
        if (group != null) {
            return group.intValue();
        }
        return parameters.indexOf('e') >= 0 ? 1 : 0;
    }

    public static String regexpSubstr(String subject, String regex, long position, long occurrence, String parameters,
            Long group) {
        Pattern p = pattern(regex, parameters);
        Matcher m = find(subject, p, position, occurrence);
        if (m == null) {
            return null;
        }
        int g = Math.min(group(parameters, group), m.groupCount());
        if (group != null && group > m.groupCount()) {
            throw new IllegalArgumentException("Invalid value [" + group + "] for function 'REGEXP_SUBSTR', parameter 6: must be"
                    + " at most the number of groups in the pattern (" + m.groupCount() + ")");
        }
        return m.group(g);
    }

    /** REGEXP_SUBSTR_ALL: every match (or the group) from the position on, starting at the occurrence-th. */
    public static List<String> regexpSubstrAll(String subject, String regex, long position, long occurrence, String parameters,
            Long group) {
        Pattern p = pattern(regex, parameters);
        List<String> out = new ArrayList<>();
        checkPosition(position);
        int start = offset(subject, position);
        if (start > subject.length()) {
            return out;
        }
        Matcher m = p.matcher(subject);
        m.region(start, subject.length());
        long n = 0;
        while (m.find()) {
            if (++n >= Math.max(occurrence, 1)) {
                int g = Math.min(group(parameters, group), m.groupCount());
                out.add(m.group(g) == null ? "" : m.group(g));
            }
        }
        return out;
    }


    public static long regexpInstr(String subject, String regex, long position, long occurrence, long option, String parameters,
            Long group) {
        Pattern p = pattern(regex, parameters);
        Matcher m = find(subject, p, position, occurrence);
        if (m == null) {
            return 0;
        }
        int g = Math.min(group(parameters, group), m.groupCount());
        if (m.start(g) < 0) {
            return 0;
        }
        int at = option == 0 ? m.start(g) : m.end(g);
        return codePoints(subject, at) + 1;
    }

    public static long regexpCount(String subject, String regex, long position, String parameters) {
        checkPosition(position);
        Pattern p = pattern(regex, parameters);
        int start = offset(subject, position);
        if (start > subject.length()) {
            return 0;
        }
        Matcher m = p.matcher(subject);
        m.region(start, subject.length());
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** REGEXP_REPLACE: occurrence 0 replaces every match; {@code \1}..{@code \9} in the replacement are groups. */
    public static String regexpReplace(String subject, String regex, String replacement, long position, long occurrence,
            String parameters) {
        checkPosition(position);
        Pattern p = pattern(regex, parameters);
        int start = offset(subject, position);
        if (start > subject.length()) {
            return subject;
        }
        Matcher m = p.matcher(subject);
        m.region(start, subject.length());
        StringBuilder sb = new StringBuilder(subject.substring(0, start));
        int last = start;
        long n = 0;
        while (m.find()) {
            n++;
            if (occurrence == 0 || n == occurrence) {
                sb.append(subject, last, m.start());
                appendReplacement(sb, replacement, m);
                last = m.end();
                if (occurrence != 0) {
                    break;
                }
            }
        }
        return sb.append(subject.substring(last)).toString();
    }

    private static void appendReplacement(StringBuilder sb, String replacement, Matcher m) {
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(i + 1);
                if (next >= '0' && next <= '9') {
                    int g = next - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        sb.append(m.group(g));
                    }
                    i++;
                    continue;
                }
                if (next == '\\') {
                    sb.append('\\');
                    i++;
                    continue;
                }
            }
            sb.append(ch);
        }
    }

    /** REGEXP_LIKE / RLIKE: the pattern matches the whole subject. */
    public static boolean regexpLike(String subject, String regex, String parameters) {
        return pattern(regex, parameters).matcher(subject).matches();
    }
}
