package dev.autosync.emulator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether every line of an NDJSON file is a record whose text, exactly as written, is what both readers would store:
 * {@link DuckJsonFiles}' minified text (DuckDB's {@code json()}) and {@link JsonFiles}' (Jackson's). Such a file needs
 * none of the per-record work of {@link DuckJsonFiles#records}' decision (minifying, reading the keys, the pattern
 * checks: about a third of a pipe's reading cost), which is done here once per file in one pass over its bytes.
 * <p>
 * A line qualifies when it is one JSON object, already minified (no space outside strings), valid UTF-8, with no
 * escape, no nested object, no number with a fraction, exponent or over 18 digits and no {@code -0}, no duplicate key,
 * and none of the byte patterns the per-record decision refuses even inside strings (a digit before {@code .eE}, a
 * {@code {} after the first byte, NaN or Infinity after {@code :,[}, a comma before {@code ]} or {@code }}): so the
 * records read this way are exactly those the per-record decision would have read, with the same text. Anything
 * else (a blank line, CR LF, a byte order mark, gzip) leaves the file to that decision, as before.
 */
final class VerbatimJsonLines {
    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_KEYS = 64;
    /** Byte classes inside a string: what ends it, what the decision refuses there, what starts one of its patterns. */
    private static final byte PLAIN = 0;
    private static final byte QUOTE = 1;
    private static final byte REFUSED = 2;
    private static final byte DIGIT = 3;
    private static final byte COMMA = 4;
    private static final byte COLON_OR_BRACKET = 5;
    private static final byte MULTIBYTE = 6;
    private static final byte[] CLASS = new byte[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            CLASS[c] = REFUSED;
        }
        CLASS['\\'] = REFUSED;
        CLASS['{'] = REFUSED;
        CLASS['"'] = QUOTE;
        for (int c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        CLASS[','] = COMMA;
        CLASS[':'] = COLON_OR_BRACKET;
        CLASS['['] = COLON_OR_BRACKET;
        for (int c = 0x80; c < 0x100; c++) {
            CLASS[c] = MULTIBYTE;
        }
    }

    private byte[] b;
    private int end;
    private int p;
    private final int[] keyStart = new int[MAX_KEYS];
    private final int[] keyEnd = new int[MAX_KEYS];

    private VerbatimJsonLines() {
    }

    /** Whether every line of the (uncompressed) file qualifies; false for an empty file or one that cannot be read. */
    static boolean verbatim(Path file) {
        VerbatimJsonLines r = new VerbatimJsonLines();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int len = 0;
            boolean any = false;
            while (true) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    // the last line may end without a newline
                    return len == 0 ? any : r.lines(buf, len);
                }
                len += n;
                int last = len - 1;
                while (last >= 0 && buf[last] != '\n') {
                    last--;
                }
                if (last >= 0) {
                    if (!r.lines(buf, last + 1)) {
                        return false;
                    }
                    any = true;
                    len -= last + 1;
                    System.arraycopy(buf, last + 1, buf, 0, len);
                } else if (len == buf.length) {
                    if (buf.length >= MAX_LINE) {
                        return false;
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the bytes before {@code limit} are qualifying records, each but the last followed by a newline. */
    private boolean lines(byte[] buf, int limit) {
        b = buf;
        end = limit;
        p = 0;
        while (p < limit) {
            if (!record()) {
                return false;
            }
            if (p < limit) {
                if (b[p] != '\n') {
                    return false;
                }
                p++;
            }
        }
        return true;
    }

    /** Whether the bytes [start, end) are one qualifying record. */
    static boolean line(byte[] b, int start, int end) {
        VerbatimJsonLines r = new VerbatimJsonLines();
        r.b = b;
        r.p = start;
        r.end = end;
        return r.record() && r.p == end;
    }

    /** One object at p, its end found by parsing (a newline inside it is refused as a control character). */
    private boolean record() {
        if (p >= end || b[p] != '{') {
            return false;
        }
        p++;
        return objectMembers();
    }

    /** {@code \\s*[}\\]]} from {@code i}: a trailing comma, in the decision's pattern. */
    private static boolean closesAfterSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f' || b[i] == 0x0b)) {
            i++;
        }
        return i < end && (b[i] == '}' || b[i] == ']');
    }

    /** {@code -?(?i:nan|inf)} at {@code i}. */
    private static boolean nanOrInf(byte[] b, int i, int end) {
        if (i < end && b[i] == '-') {
            i++;
        }
        return i + 3 <= end && (lower(b[i]) == 'n' && lower(b[i + 1]) == 'a' && lower(b[i + 2]) == 'n'
                || lower(b[i]) == 'i' && lower(b[i + 1]) == 'n' && lower(b[i + 2]) == 'f');
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** After the opening brace: members up to and including the closing one, keys distinct. */
    private boolean objectMembers() {
        if (peek() == '}') {
            p++;
            return true;
        }
        int keys = 0;
        while (true) {
            if (peek() != '"' || keys == MAX_KEYS) {
                return false;
            }
            int ks = p + 1;
            if (!string()) {
                return false;
            }
            int ke = p - 1;
            for (int k = 0; k < keys; k++) {
                if (Arrays.equals(b, keyStart[k], keyEnd[k], b, ks, ke)) {
                    return false;
                }
            }
            keyStart[keys] = ks;
            keyEnd[keys] = ke;
            keys++;
            if (peek() != ':') {
                return false;
            }
            p++;
            if (!value(0)) {
                return false;
            }
            byte c = peek();
            p++;
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean value(int depth) {
        byte c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        if (c == '[') {
            return depth < 64 && array(depth + 1);
        }
        return literal("true") || literal("false") || literal("null");
    }

    private boolean array(int depth) {
        p++;
        if (peek() == ']') {
            p++;
            return true;
        }
        while (true) {
            if (!value(depth)) {
                return false;
            }
            byte c = peek();
            p++;
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    /**
     * A string without escapes or control characters, its UTF-8 valid and free of the decision's patterns (they can
     * only lie within one string: a quote is neither a digit's fraction, space, nor a letter of NaN); p moves past
     * its closing quote.
     */
    private boolean string() {
        p++;
        while (p < end) {
            int c = b[p] & 0xff;
            switch (CLASS[c]) {
                case PLAIN -> p++;
                case QUOTE -> {
                    p++;
                    return true;
                }
                case DIGIT -> {
                    p++;
                    if (p < end && (b[p] == '.' || b[p] == 'e' || b[p] == 'E')) {
                        return false;
                    }
                }
                case COMMA -> {
                    p++;
                    if (closesAfterSpace(b, p, end) || nanOrInf(b, p, end)) {
                        return false;
                    }
                }
                case COLON_OR_BRACKET -> {
                    p++;
                    if (nanOrInf(b, p, end)) {
                        return false;
                    }
                }
                case MULTIBYTE -> {
                    if (!utf8Sequence(c)) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    /** One well-formed UTF-8 sequence led by {@code c} (no overlong form, surrogate or value past U+10FFFF). */
    private boolean utf8Sequence(int c) {
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            lo = c == 0xe0 ? 0xa0 : 0x80;
            hi = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            lo = c == 0xf0 ? 0x90 : 0x80;
            hi = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return false;
        }
        if (p + n >= end) {
            return false;
        }
        for (int k = 1; k <= n; k++) {
            int d = b[p + k] & 0xff;
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xbf)) {
                return false;
            }
        }
        p += n + 1;
        return true;
    }

    /** An integer of at most 18 digits, no leading zero, not -0 (Jackson writes it as 0). */
    private boolean number() {
        int start = p;
        if (b[p] == '-') {
            p++;
        }
        int digits = p;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        int count = p - digits;
        if (count == 0 || count > 18 || count > 1 && b[digits] == '0') {
            return false;
        }
        return !(b[start] == '-' && b[digits] == '0');
    }

    private boolean literal(String word) {
        if (p + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (b[p + i] != word.charAt(i)) {
                return false;
            }
        }
        p += word.length();
        return true;
    }

    private byte peek() {
        return p < end ? b[p] : 0;
    }
}
