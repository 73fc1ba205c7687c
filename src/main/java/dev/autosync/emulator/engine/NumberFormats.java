package dev.autosync.emulator.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * TO_CHAR / TO_VARCHAR of numbers: Snowflake's numeric format models ("SQL format models" page) and the
 * text of a FLOAT. Supported elements: {@code 9 0 . D , G $ S MI B FM X TM TM9 TME} and double-quoted
 * literals; digit positions are fixed-width (leading 9s print blanks, the sign and {@code $} float next to
 * the first digit), a value too wide for the format prints {@code #} in every digit position.
 */
public final class NumberFormats {
    private NumberFormats() {
    }

    /** A number's text in a format model. */
    public static String format(BigDecimal v, String format) {
        StringBuilder prefix = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        String f = format;
        // quoted literals around the number part
        while (f.startsWith("\"")) {
            int end = f.indexOf('"', 1);
            if (end < 0) {
                break;
            }
            prefix.append(f, 1, end);
            f = f.substring(end + 1);
        }
        while (f.endsWith("\"") && f.length() > 1) {
            int start = f.lastIndexOf('"', f.length() - 2);
            if (start < 0) {
                break;
            }
            suffix.insert(0, f.substring(start + 1, f.length() - 1));
            f = f.substring(0, start);
        }
        return prefix + number(v, f) + suffix;
    }

    private static String number(BigDecimal v, String format) {
        String f = format.toUpperCase(Locale.ROOT);
        boolean fill = f.contains("FM");
        f = f.replace("FM", "");
        if (f.startsWith("TM")) {
            if (f.equals("TME")) {
                BigDecimal s = v.stripTrailingZeros();
                if (s.signum() == 0) {
                    return "0E0";
                }
                int exp = s.precision() - s.scale() - 1;
                BigDecimal mantissa = s.movePointLeft(exp).stripTrailingZeros();
                return mantissa.toPlainString() + "E" + exp;
            }
            return v.toPlainString();
        }
        boolean sign = f.startsWith("S") || f.endsWith("S");
        boolean signLast = f.endsWith("S") && !f.startsWith("S");
        boolean mi = f.endsWith("MI");
        boolean blankZero = f.contains("B");
        String body = f.replace("MI", "").replace("S", "").replace("B", "");
        if (body.contains("X")) {
            return hex(v, body, sign, format.contains("x"));
        }
        java.util.regex.Matcher exponent = java.util.regex.Pattern.compile("E{2,7}").matcher(body);
        if (exponent.find()) {
            // sql-format-models page: an exponent element normalises the number to one integer digit (1234 with
            // '9d999EE' is 1.234E3); EE writes the exponent as is, EEE.. a sign and that many digits less one
            String e = exponent.group();
            String mantissaFormat = body.substring(0, exponent.start()) + body.substring(exponent.end());
            BigDecimal stripped = v.stripTrailingZeros();
            int exp = stripped.signum() == 0 ? 0 : stripped.precision() - stripped.scale() - 1;
            String mantissa = number(v.movePointLeft(exp), (fill ? "FM" : "") + mantissaFormat + (sign ? "S" : ""));
            String expText;
            if (e.length() == 2) {
                expText = String.valueOf(exp);
            } else {
                String digits = String.valueOf(Math.abs(exp));
                int width = e.length() - 2;
                expText = (exp < 0 ? "-" : "+") + (digits.length() > width ? "#".repeat(width)
                        : "0".repeat(width - digits.length()) + digits);
            }
            String letter = format.contains("e" + "e") ? "e" : "E";
            // UNVERIFIED: no blank is kept for the sign of a positive mantissa (the page prints 1.234E3)
            return mantissa.stripLeading() + letter + expText;
        }
        boolean dollar = body.contains("$");
        body = body.replace("$", "").replace('D', '.').replace('G', ',');
        int point = body.indexOf('.');
        String intFmt = point < 0 ? body : body.substring(0, point);
        String fracFmt = point < 0 ? "" : body.substring(point + 1);
        int fracDigits = fracFmt.replaceAll("[^90]", "").length();
        BigDecimal r = v.setScale(fracDigits, RoundingMode.HALF_UP);
        boolean negative = r.signum() < 0;
        String digits = r.abs().toPlainString();
        String intDigits = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
        String frac = digits.contains(".") ? digits.substring(digits.indexOf('.') + 1) : "";
        if (intDigits.equals("0")) {
            intDigits = "";
        }
        int intPositions = intFmt.replaceAll("[^90]", "").length();
        StringBuilder out = new StringBuilder();
        if (intDigits.length() > intPositions) {
            out.append(intFmt.replaceAll("[90]", "#"));
            if (point >= 0) {
                out.append('.').append(fracFmt.replaceAll("[90]", "#"));
            }
            return signed(out.toString(), dollar, negative, sign, signLast, mi, fill, true);
        }
        // integer positions, right to left
        StringBuilder ip = new StringBuilder();
        int d = intDigits.length() - 1;
        boolean zeroPadded = false;
        for (int i = intFmt.length() - 1; i >= 0; i--) {
            char ch = intFmt.charAt(i);
            if (ch == '9' || ch == '0') {
                zeroPadded |= ch == '0' && d < 0;
                if (d >= 0) {
                    ip.insert(0, intDigits.charAt(d--));
                } else if (ch == '0' || (i == lastDigit(intFmt) && !blankZero && intDigits.isEmpty())) {
                    ip.insert(0, '0');
                } else {
                    ip.insert(0, ' ');
                }
            } else if (ch == ',') {
                ip.insert(0, ',');
            } else {
                ip.insert(0, ch);
            }
        }
        // a group separator prints where a digit stands on its left ('S000,000.000' of 123.456 is +000,123.456)
        for (int i = 0; i < ip.length(); i++) {
            if (ip.charAt(i) == ',' && (i == 0 || !Character.isDigit(ip.charAt(i - 1)))) {
                ip.setCharAt(i, ' ');
            }
        }
        out.append(ip);
        if (point >= 0) {
            out.append('.');
            int k = 0;
            int fracStart = out.length();
            for (char ch : fracFmt.toCharArray()) {
                out.append(ch == '9' || ch == '0' ? (k < frac.length() ? frac.charAt(k++) : '0') : ch);
            }
            // sql-format-models page: trailing zeros at 9 positions of the fraction print as blanks ('999,999.999' of 1.2
            // is '       1.2  '); 0 positions keep them
            for (int i = fracFmt.length() - 1; i >= 0 && fracFmt.charAt(i) == '9' && out.charAt(fracStart + i) == '0'; i--) {
                out.setCharAt(fracStart + i, ' ');
            }
        }
        return signed(out.toString(), dollar, negative, sign, signLast, mi, fill, false);
    }

    private static int lastDigit(String intFmt) {
        return Math.max(intFmt.lastIndexOf('9'), intFmt.lastIndexOf('0'));
    }

    /** The sign and dollar placed next to the first non-blank character; the width kept unless fill mode. */
    private static String signed(String s, boolean dollar, boolean negative, boolean explicitSign, boolean signLast,
            boolean mi, boolean fill, boolean overflow) {
        int first = 0;
        while (first < s.length() && s.charAt(first) == ' ') {
            first++;
        }
        String lead = s.substring(0, first);
        String rest = s.substring(first);
        String dollarText = dollar ? "$" : "";
        String signText;
        String trail = "";
        if (mi) {
            signText = "";
            trail = negative ? "-" : " ";
        } else if (explicitSign && signLast) {
            signText = "";
            trail = negative ? "-" : "+";
        } else if (explicitSign) {
            signText = negative ? "-" : "+";
        } else {
            signText = negative ? "-" : " ";
        }
        String text = lead + signText + dollarText + rest + trail;
        if (overflow && !explicitSign && !mi) {
            text = lead + (negative ? "-" : " ") + dollarText + rest;
        }
        return fill ? text.strip() : text;
    }

    /** X digits: a negative value in two's complement of the format's width; '#' when it does not fit. */
    private static String hex(BigDecimal v, String body, boolean sign, boolean lower) {
        int width = body.replaceAll("[^X0]", "").length();
        BigInteger n = v.setScale(0, RoundingMode.HALF_UP).toBigInteger();
        BigInteger limit = BigInteger.ONE.shiftLeft(4 * width);
        BigInteger shown = sign ? n.abs() : n.signum() < 0 ? limit.add(n) : n;
        String text = shown.toString(16);
        if (shown.signum() < 0 || text.length() > width) {
            return "#".repeat(width + (sign ? 1 : 0));
        }
        boolean zeros = body.startsWith("0");
        String padded = (zeros ? "0" : " ").repeat(width - text.length()) + text;
        padded = lower ? padded.toLowerCase(Locale.ROOT) : padded.toUpperCase(Locale.ROOT);
        return sign ? (n.signum() < 0 ? "-" : "+") + padded : padded;
    }

    /**
     * A FLOAT as text (TO_VARCHAR, ::VARCHAR): at most 9 digits after the point, trailing zeros dropped
     * (LOG(3, 4) is 1.261859507). UNVERIFIED beyond the documented examples: magnitudes from 1e15 and below
     * 1e-4 keep Java's exponent form.
     */
    public static String doubleText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(d);
        if (a != 0 && (a >= 1e15 || a < 1e-4)) {
            return Double.toString(d);
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.signum() == 0 ? "0" : b.toPlainString();
    }
}
