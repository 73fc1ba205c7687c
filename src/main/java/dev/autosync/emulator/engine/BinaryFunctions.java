package dev.autosync.emulator.engine;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Locale;

/**
 * BINARY operations DuckDB has no function for, on bytes given and answered as upper-case hex text (DuckDB's Java
 * UDFs take no BLOB): the bitwise functions on BINARY operands (bitand / bitor / bitxor / bitnot / bitshiftleft /
 * bitshiftright pages) and SNAPPY compression (compress / decompress_binary / decompress_string pages).
 */
final class BinaryFunctions {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private BinaryFunctions() {
    }

    /**
     * BITAND / BITOR / BITXOR ({@code op} '&', '|' or '^') of two BINARY values. Values of different lengths need a
     * pad side, LEFT or RIGHT, where the shorter one gets zero bytes; without it Snowflake's 100544.
     */
    static String bitwise(String op, String leftHex, String rightHex, String padSide) {
        byte[] a = HEX.parseHex(leftHex);
        byte[] b = HEX.parseHex(rightHex);
        if (a.length != b.length) {
            if (padSide == null || padSide.isEmpty()) {
                throw JavaFunctions.error("100544", "22026", "The lengths of two variable-sized fields do not match: first length "
                        + a.length + ", second length " + b.length);
            }
            boolean left = switch (padSide.toUpperCase(Locale.ROOT)) {
                case "LEFT" -> true;
                case "RIGHT" -> false;
                default -> throw JavaFunctions.error("100545", "22023", "Invalid padside value '" + padSide
                        + "'; expected LEFT or RIGHT");
            };
            int n = Math.max(a.length, b.length);
            a = pad(a, n, left);
            b = pad(b, n, left);
        }
        byte[] r = new byte[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) switch (op) {
                case "&" -> a[i] & b[i];
                case "|" -> a[i] | b[i];
                default -> a[i] ^ b[i];
            };
        }
        return HEX.formatHex(r);
    }

    private static byte[] pad(byte[] v, int n, boolean left) {
        byte[] r = new byte[n];
        System.arraycopy(v, 0, r, left ? n - v.length : 0, v.length);
        return r;
    }

    /** BITNOT of a BINARY value: every bit flipped, the same length. */
    static String bitnot(String hex) {
        byte[] a = HEX.parseHex(hex);
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) ~a[i];
        }
        return HEX.formatHex(a);
    }

    /**
     * BITSHIFTLEFT (positive {@code n}) / BITSHIFTRIGHT (negative) of a BINARY value: the same length, bits shifted past
     * either end dropped, zeros shifted in (bitshiftleft page: BITSHIFTLEFT(x'1010', 1) is 2020, BITSHIFTRIGHT(x'BCBC', 1)
     * is 5E5E).
     */
    static String shift(String hex, long n) {
        byte[] a = HEX.parseHex(hex);
        int bits = a.length * 8;
        byte[] r = new byte[a.length];
        for (int i = 0; i < bits; i++) {
            long from = i + n; // bit i of the result (0 = most significant) comes from bit i + n of the input
            if (from >= 0 && from < bits && (a[(int) (from / 8)] & (0x80 >> (from % 8))) != 0) {
                r[i / 8] |= (byte) (0x80 >> (i % 8));
            }
        }
        return HEX.formatHex(r);
    }

    /**
     * POSITION / CHARINDEX of a BINARY needle in a BINARY haystack from byte {@code start} (1-based): the byte position of
     * the first match, 0 when none (charindex page: CHARINDEX(X'EF', X'ABCDEF') is 3).
     */
    static long position(String needleHex, String haystackHex, long start) {
        byte[] needle = HEX.parseHex(needleHex);
        byte[] hay = HEX.parseHex(haystackHex);
        for (int i = (int) Math.max(0, start - 1); i + needle.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * COMPRESS(input, method) for the SNAPPY method: the uncompressed length as a varint, then the input as literal runs
     * (compress page: 'Snowflake' is 0920536E6F77666C616B65). A valid SNAPPY stream; UNVERIFIED: Snowflake's compressor
     * may find back-references in longer input, so compressed bytes of repetitive text can differ (decompression agrees).
     */
    static String compress(String hex, String method) {
        byte[] in = HEX.parseHex(hex);
        requireSnappy(method);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, in.length);
        for (int at = 0; at < in.length; at += 65536) {
            int len = Math.min(65536, in.length - at);
            if (len <= 60) {
                out.write((len - 1) << 2);
            } else if (len <= 256) {
                out.write(60 << 2);
                out.write(len - 1);
            } else {
                out.write(61 << 2);
                out.write((len - 1) & 0xFF);
                out.write((len - 1) >> 8);
            }
            out.write(in, at, len);
        }
        return HEX.formatHex(out.toByteArray());
    }

    /** DECOMPRESS_BINARY / DECOMPRESS_STRING for the SNAPPY method: literals and copies of the SNAPPY format. */
    static String decompress(String hex, String method) {
        byte[] in = HEX.parseHex(hex);
        requireSnappy(method);
        try {
            int[] pos = {0};
            long length = readVarint(in, pos);
            byte[] out = new byte[Math.toIntExact(length)];
            int o = 0;
            int p = pos[0];
            while (p < in.length) {
                int tag = in[p++] & 0xFF;
                int kind = tag & 3;
                if (kind == 0) {
                    int len = tag >> 2;
                    if (len >= 60) {
                        int bytes = len - 59;
                        len = 0;
                        for (int i = 0; i < bytes; i++) {
                            len |= (in[p++] & 0xFF) << (8 * i);
                        }
                    }
                    len++;
                    System.arraycopy(in, p, out, o, len);
                    p += len;
                    o += len;
                } else {
                    int len;
                    int offset;
                    if (kind == 1) {
                        len = ((tag >> 2) & 7) + 4;
                        offset = ((tag >> 5) << 8) | (in[p++] & 0xFF);
                    } else {
                        len = (tag >> 2) + 1;
                        int bytes = kind == 2 ? 2 : 4;
                        offset = 0;
                        for (int i = 0; i < bytes; i++) {
                            offset |= (in[p++] & 0xFF) << (8 * i);
                        }
                    }
                    if (offset <= 0 || offset > o) {
                        throw new IllegalArgumentException("bad offset");
                    }
                    for (int i = 0; i < len; i++) {
                        out[o] = out[o - offset];
                        o++;
                    }
                }
            }
            if (o != out.length) {
                throw new IllegalArgumentException("length mismatch");
            }
            return HEX.formatHex(out);
        } catch (RuntimeException e) {
            throw JavaFunctions.error("100201", "22000", "Decompression failed: the input is not valid SNAPPY data");
        }
    }

    private static void requireSnappy(String method) {
        String m = method.trim().toUpperCase(Locale.ROOT).replaceAll("\\(\\s*\\d*\\s*\\)$", "");
        if (!m.equals("SNAPPY")) {
            if (java.util.Set.of("ZLIB", "ZSTD", "BZ2").contains(m)) {
                throw JavaFunctions.error("002071", "0A000", "Compression method " + m
                        + " is not supported by the local emulator; only SNAPPY is");
            }
            throw JavaFunctions.error("100200", "22023", "Unknown compression method: " + method);
        }
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(byte[] in, int[] pos) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in[pos[0]++] & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return v;
            }
        }
    }
}
