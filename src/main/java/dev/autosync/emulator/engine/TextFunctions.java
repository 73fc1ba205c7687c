package dev.autosync.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Snowflake's string functions whose semantics DuckDB's built-ins do not have, in plain Java (the
 * engine registers them as DuckDB functions, {@link JavaFunctions}). Each method follows the
 * function's page in Snowflake's SQL reference:
 * REGEXP_SUBSTR / REGEXP_INSTR / REGEXP_COUNT / REGEXP_REPLACE / REGEXP_LIKE (POSIX extended
 * regular expressions with the parameters c, i, m, e, s), STRTOK, SPLIT_PART, INITCAP, SOUNDEX and
 * BASE64_ENCODE. Positions are 1-based and count characters.
 */
public final class TextFunctions {
    /** INITCAP's default word separators: white space and these characters. */
    private static final String INITCAP_DELIMITERS = "!?@\"^#$&~_,.:;+-*%/|\\[](){}<>";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern POSIX_CLASS = Pattern.compile("\\[:([a-z]+):\\]");

    private TextFunctions() {
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

    /** SHA2 / SHA2_HEX: the hex digest of the UTF-8 text with 224, 256, 384 or 512 bits. */
    public static String sha2(String s, long bits) {
        if (bits != 224 && bits != 256 && bits != 384 && bits != 512) {
            throw new IllegalArgumentException("Invalid digest size " + bits + " for SHA2: expected 224, 256, 384 or 512");
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-" + bits).digest(utf8(s));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** STRTOK: the part-th token (1-based) between runs of any of the delimiter characters; null beyond the last. */
    public static String strtok(String s, String delimiters, long part) {
        List<String> tokens = tokens(s, delimiters);
        return part < 1 || part > tokens.size() ? null : tokens.get((int) part - 1);
    }

    /** STRTOK_TO_ARRAY's tokens (and STRTOK's): non-empty runs of characters that are not delimiters. */
    public static List<String> tokens(String s, String delimiters) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (delimiters.indexOf(cp) >= 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** SPLIT_PART: part 0 is 1, negative parts count from the end; '' beyond the parts; an empty delimiter splits nothing. */
    public static String splitPart(String s, String delimiter, long part) {
        List<String> parts = split(s, delimiter);
        long i = part == 0 ? 1 : part;
        long index = i > 0 ? i - 1 : parts.size() + i;
        return index < 0 || index >= parts.size() ? "" : parts.get((int) index);
    }

    /** SPLIT's parts: an empty delimiter gives the whole string as the one part. */
    public static List<String> split(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            parts.add(s);
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(delimiter, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** INITCAP: a word's first letter upper case, the rest lower case; words are separated by any delimiter character. */
    public static String initcap(String s, String delimiters) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean delimiter = delimiters == null ? Character.isWhitespace(cp) || INITCAP_DELIMITERS.indexOf(cp) >= 0
                    : delimiters.indexOf(cp) >= 0;
            if (delimiter) {
                sb.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
                startOfWord = true;
            } else {
                String ch = new String(Character.toChars(cp));
                sb.append(startOfWord ? titleCase(ch) : ch.toLowerCase(Locale.ROOT));
                startOfWord = false;
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static String titleCase(String ch) {
        int cp = ch.codePointAt(0);
        return ch.equals("ß") ? ch : new String(Character.toChars(Character.toTitleCase(cp)));
    }

    /** SOUNDEX: a letter and three digits (American Soundex; h and w do not separate equal codes). */
    public static String soundex(String s) {
        return soundex(s, false);
    }

    /**
     * SOUNDEX_P123: as SOUNDEX, except that a second letter with the first letter's code keeps its number
     * (soundex_p123 page: Pfister is P123 where SOUNDEX gives P236; Lloyd is L430).
     */
    public static String soundexP123(String s) {
        return soundex(s, true);
    }

    private static String soundex(String s, boolean p123) {
        StringBuilder sb = new StringBuilder();
        char lastCode = 0;
        for (int i = 0; i < s.length() && sb.length() < 4; i++) {
            char ch = Character.toUpperCase(s.charAt(i));
            if (ch < 'A' || ch > 'Z') {
                continue;
            }
            char code = "01230120022455012623010202".charAt(ch - 'A');
            if (sb.length() == 0) {
                sb.append(ch);
                lastCode = p123 ? 0 : code;
            } else if (code != '0' && code != lastCode) {
                sb.append(code);
                lastCode = code;
            } else if (ch != 'H' && ch != 'W') {
                lastCode = code;
            }
        }
        if (sb.length() == 0) {
            return "";
        }
        while (sb.length() < 4) {
            sb.append('0');
        }
        return sb.toString();
    }

    /** Bytes read as UTF-8 text; invalid UTF-8 is an error (BASE64_DECODE_STRING of bytes that are not text). */
    public static String utf8Text(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("The decoded value is not valid UTF-8 text");
        }
    }

    /** BASE64_ENCODE(input, max_line_length, alphabet): lines of at most max_line_length (0: one line), '\n' between. */
    public static String base64Encode(byte[] input, long maxLineLength, String alphabet) {
        String b64 = Base64.getEncoder().encodeToString(input);
        b64 = alphabet(b64, alphabet, true);
        if (maxLineLength <= 0 || b64.length() <= maxLineLength) {
            return b64;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b64.length(); i += (int) maxLineLength) {
            sb.append(i == 0 ? "" : "\n").append(b64, i, (int) Math.min(b64.length(), i + maxLineLength));
        }
        return sb.toString();
    }

    /** BASE64_DECODE_*: white space is ignored; a custom alphabet is read back to the standard one. */
    public static byte[] base64Decode(String input, String alphabet) {
        String standard = alphabet(input.replaceAll("\\s", ""), alphabet, false);
        try {
            return Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The following string is not a legal base64-encoded value: '" + input + "'");
        }
    }

    /** The standard alphabet's index 62, 63 and padding characters swapped for the given ones (or back). */
    private static String alphabet(String s, String alphabet, boolean encode) {
        if (alphabet == null || alphabet.isEmpty()) {
            return s;
        }
        String from = "+/=";
        String to = (alphabet + "+/=".substring(Math.min(alphabet.length(), 3))).substring(0, 3);
        if (!encode) {
            String t = from;
            from = to;
            to = t;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            int i = from.indexOf(ch);
            sb.append(i >= 0 ? to.charAt(i) : ch);
        }
        return sb.toString();
    }

    /**
     * TO_NUMBER / TO_DECIMAL text with a numeric format model ("SQL format models" page): the number's plain
     * decimal text, or null when it does not match. {@code X} digits read hexadecimal (as many as the format
     * has, at most); {@code TM}, {@code TM9}, {@code TME} read any number; otherwise the format's {@code $},
     * group separators ({@code ,} {@code G}), sign ({@code S}, {@code MI}, a leading minus) and decimal point
     * ({@code .} {@code D}) are read around at most as many integer digits as it has {@code 9}s and {@code 0}s.
     * UNVERIFIED: fraction digits beyond the format's are accepted (the scale argument rounds them).
     */
    public static String numberWithFormat(String text, String format) {
        String f = format.toUpperCase(Locale.ROOT).replace("FM", "").trim();
        String t = text.trim();
        if (f.matches("X+")) {
            if (t.isEmpty() || t.length() > f.length() || !t.matches("[0-9A-Fa-f]+")) {
                return null;
            }
            return new java.math.BigInteger(t, 16).toString();
        }
        if (f.startsWith("TM")) {
            String n = t.replaceFirst("^([+-])\\s+", "$1");
            return n.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") ? new java.math.BigDecimal(n).toPlainString() : null;
        }
        boolean negative = false;
        String n = t;
        if (n.startsWith("-") || n.startsWith("+")) {
            negative = n.startsWith("-");
            n = n.substring(1).trim();
        } else if (n.endsWith("-") || n.endsWith("+")) {
            if (!f.endsWith("MI") && !f.endsWith("S")) {
                return null;
            }
            negative = n.endsWith("-");
            n = n.substring(0, n.length() - 1).trim();
        }
        if (f.contains("$")) {
            if (!n.startsWith("$")) {
                return null;
            }
            n = n.substring(1);
        }
        if (f.contains(",") || f.contains("G")) {
            n = n.replace(",", "");
        }
        if (!n.matches("\\d*\\.?\\d*") || n.isEmpty() || n.equals(".")) {
            return null;
        }
        String body = f.replaceAll("[^90.D]", "");
        int point = Math.max(body.indexOf('.'), body.indexOf('D'));
        int intDigits = point < 0 ? body.length() : point;
        int dot = n.indexOf('.');
        String intPart = (dot < 0 ? n : n.substring(0, dot)).replaceFirst("^0+(?=\\d)", "");
        if (intPart.length() > intDigits && !(intPart.equals("0") && intDigits == 0)) {
            return null;
        }
        if (dot >= 0 && point < 0) {
            return null;
        }
        java.math.BigDecimal v = new java.math.BigDecimal(n.startsWith(".") ? "0" + n : n.endsWith(".") ? n + "0" : n);
        return (negative ? v.negate() : v).toPlainString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
