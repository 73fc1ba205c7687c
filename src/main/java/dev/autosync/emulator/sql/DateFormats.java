package dev.autosync.emulator.sql;

import dev.autosync.emulator.base.SnowflakeError;

/** Snowflake date and time format strings (YYYY-MM-DD HH24:MI:SS) as strptime/strftime patterns. */
final class DateFormats {
    private DateFormats() {
    }

    private static final String[][] TOKENS = {
            {"YYYY", "%Y"}, {"YY", "%y"}, {"MMMM", "%B"}, {"MON", "%b"}, {"MM", "%m"}, {"DD", "%d"}, {"DY", "%a"},
            {"HH24", "%H"}, {"HH12", "%I"}, {"HH", "%H"}, {"AM", "%p"}, {"PM", "%p"}, {"MI", "%M"}, {"SS", "%S"},
            {"FF9", "%n"}, {"FF6", "%f"}, {"FF3", "%g"}, {"FF", "%n"}, {"TZH:TZM", "%z"}, {"TZHTZM", "%z"},
    };

    /** Format elements Snowflake has that strftime cannot write: fractions of 1-2 or 4-5, 7-8 digits, TZH alone, ISO years. */
    private static final java.util.regex.Pattern UNSUPPORTED = java.util.regex.Pattern.compile("(?i)FF[0-9]?|TZ|UUUU");

    /** Markers {@link #toStrftime} writes for the offset elements TZH:TZM, TZHTZM and TZH (strftime's %z cannot write them). */
    static final char OFFSET_COLON = '\u0001';
    static final char OFFSET_PLAIN = '\u0002';
    static final char OFFSET_HOURS = '\u0003';

    /** A format for writing a value: as {@link #toStrptime}, with each offset element as a marker character. */
    static String toStrftime(String format) {
        return convert(format, true);
    }

    static String toStrptime(String format) {
        return convert(format, false);
    }

    private static String convert(String format, boolean writing) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < format.length()) {
            char ch = format.charAt(i);
            if (ch == '"') {
                int end = format.indexOf('"', i + 1);
                if (end < 0) {
                    throw SnowflakeError.compilation("unterminated quoted text in format '" + format + "'");
                }
                out.append(format, i + 1, end);
                i = end + 1;
                continue;
            }
            if (writing) {
                String[][] offsets = {{"TZH:TZM", String.valueOf(OFFSET_COLON)}, {"TZHTZM", String.valueOf(OFFSET_PLAIN)},
                        {"TZH", String.valueOf(OFFSET_HOURS)}};
                for (String[] t : offsets) {
                    if (format.regionMatches(true, i, t[0], 0, t[0].length())) {
                        out.append(t[1]);
                        i += t[0].length();
                        continue outer;
                    }
                }
            }
            for (String[] t : TOKENS) {
                if (format.regionMatches(true, i, t[0], 0, t[0].length())) {
                    out.append(t[1]);
                    i += t[0].length();
                    continue outer;
                }
            }
            if (UNSUPPORTED.matcher(format.substring(i)).lookingAt()) {
                throw SnowflakeError.unsupported("format element '" + format.substring(i) + "' in '" + format + "'");
            }
            if (Character.isLetter(ch)) {
                // letters that start no format element are printed as written (to_char page: 'hh24:mi hours')
                out.append(ch);
                i++;
                continue;
            }
            out.append(ch == '%' ? "%%" : String.valueOf(ch));
            i++;
        }
        return out.toString();
    }
}
