package dev.autosync.emulator.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Snowflake's string functions whose semantics DuckDB's built-ins do not have, in plain Java (the
 * engine registers them as DuckDB functions, {@link JavaFunctions}). Each method follows the
 * function's page in Snowflake's SQL reference: SHA2, STRTOK, SPLIT_PART, INITCAP, SOUNDEX, BASE64_ENCODE
 * and number format models (the regular-expression functions are {@link RegexpFunctions}). Positions are
 * 1-based and count characters.
 */
public final class TextFunctions {
    /** INITCAP's default word separators: white space and these characters. */
    private static final String INITCAP_DELIMITERS = "!?@\"^#$&~_,.:;+-*%/|\\[](){}<>";

    private TextFunctions() {
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
