package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.emulator.base.SnowflakeError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a staged CSV file the way "CREATE FILE FORMAT" (TYPE = CSV) describes: RECORD_DELIMITER and
 * FIELD_DELIMITER (one or more characters, or hex {@code 0x..}), FIELD_OPTIONALLY_ENCLOSED_BY with a
 * doubled enclosing character or ESCAPE inside, ESCAPE_UNENCLOSED_FIELD, TRIM_SPACE, SKIP_HEADER,
 * PARSE_HEADER (the first line names the fields), SKIP_BLANK_LINES, NULL_IF (matched on the field as
 * written) and EMPTY_FIELD_AS_NULL (an unenclosed empty field; an enclosed {@code ""} stays an
 * empty string). Gzip or plain, detected. An enclosed field left open at the end of the file is
 * the file's parse error; the records before it are kept. UNVERIFIED (the page leaves them open):
 * NULL_IF is matched on the field as written, before ESCAPE_UNENCLOSED_FIELD is applied, and an
 * escaped character stands for itself (no {@code \n}-style sequences in data).
 */
final class CsvFiles {
    private CsvFiles() {
    }

    /** One record: its fields (null for SQL NULL), its row number (from 1, after the header) and first line. */
    record Record(List<String> fields, long rowNumber, long line) {
    }

    /** A file's records, its header (PARSE_HEADER) and where reading stopped. */
    record Parsed(List<Record> records, List<String> header, JsonFiles.ParseError error) {
        long rowsParsed() {
            return records.size() + (error == null ? 0 : 1);
        }
    }

    /** The options of a CSV file format, with Snowflake's defaults. */
    record Options(String recordDelimiter, String fieldDelimiter, char enclosure, char escape, char escapeUnenclosed,
                   boolean trim, long skipHeader, boolean parseHeader, boolean skipBlankLines, Set<String> nullIf,
                   boolean emptyAsNull, boolean errorOnColumnCountMismatch) {
        static Options of(FileFormat ff) {
            JsonNode o = ff.options();
            String rd = delimiter(o, "RECORD_DELIMITER", "\n");
            String fd = delimiter(o, "FIELD_DELIMITER", ",");
            char enclosure = single(o, "FIELD_OPTIONALLY_ENCLOSED_BY", (char) 0);
            char escape = single(o, "ESCAPE", (char) 0);
            char escapeUnenclosed = single(o, "ESCAPE_UNENCLOSED_FIELD", '\\');
            Set<String> nullIf = new HashSet<>();
            JsonNode n = o.get("NULL_IF");
            if (n == null || n.isNull()) {
                nullIf.add("\\N");
            } else if (n.isArray()) {
                n.forEach(v -> nullIf.add(v.asText()));
            } else {
                nullIf.add(n.asText());
            }
            long skip = o.hasNonNull("SKIP_HEADER") ? o.get("SKIP_HEADER").asLong() : 0;
            return new Options(rd, fd, enclosure, escape, escapeUnenclosed, flag(o, "TRIM_SPACE", false), skip,
                    flag(o, "PARSE_HEADER", false), flag(o, "SKIP_BLANK_LINES", false), nullIf,
                    flag(o, "EMPTY_FIELD_AS_NULL", true), flag(o, "ERROR_ON_COLUMN_COUNT_MISMATCH", true));
        }

        private static boolean flag(JsonNode o, String key, boolean dflt) {
            JsonNode v = o.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            String s = v.asText();
            return s.equalsIgnoreCase("TRUE") || s.equals("1");
        }

        /** A delimiter option: the text, hex (0x7C), or NONE (no delimiter). */
        private static String delimiter(JsonNode o, String key, String dflt) {
            JsonNode v = o.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            String s = v.asText();
            if (s.equalsIgnoreCase("NONE")) {
                return null;
            }
            if (s.matches("(?i)0x[0-9a-f]{2}")) {
                return String.valueOf((char) Integer.parseInt(s.substring(2), 16));
            }
            if (s.isEmpty()) {
                throw SnowflakeError.compilation("The value of " + key + " must not be empty; use NONE for no delimiter.");
            }
            return s;
        }

        private static char single(JsonNode o, String key, char dflt) {
            JsonNode v = o.get(key);
            if (v == null || v.isNull()) {
                return dflt;
            }
            String s = v.asText();
            if (s.equalsIgnoreCase("NONE")) {
                return 0;
            }
            if (s.matches("(?i)0x[0-9a-f]{2}")) {
                return (char) Integer.parseInt(s.substring(2), 16);
            }
            if (s.length() != 1) {
                throw SnowflakeError.compilation("invalid value ['" + s + "'] for parameter '" + key
                        + "': it must be a single character, or NONE.");
            }
            return s.charAt(0);
        }
    }

    static Parsed read(Path file, FileFormat format) {
        Options opt = Options.of(format);
        String text;
        try (InputStream in = JsonFiles.open(file, format.option("COMPRESSION"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Reader(text, opt).read();
    }

    /** One pass over a file's text. */
    private static final class Reader {
        private final String text;
        private final Options opt;
        private int i;
        private long line = 1;

        Reader(String text, Options opt) {
            this.text = text;
            this.opt = opt;
        }

        Parsed read() {
            List<Record> records = new ArrayList<>();
            List<String> header = null;
            long skipped = 0;
            while (i < text.length()) {
                long startLine = line;
                List<String> fields = new ArrayList<>();
                if (atRecordEnd()) {
                    // a blank line
                    i += opt.recordDelimiter().length();
                    line += count(opt.recordDelimiter());
                    if (opt.skipBlankLines()) {
                        continue;
                    }
                    fields.add(opt.emptyAsNull() ? null : "");
                } else {
                    while (true) {
                        String f;
                        try {
                            f = field();
                        } catch (IllegalStateException e) {
                            return new Parsed(records, header, new JsonFiles.ParseError(e.getMessage(), startLine, 1,
                                    records.size() + 1));
                        }
                        fields.add(f);
                        if (opt.fieldDelimiter() != null && text.startsWith(opt.fieldDelimiter(), i)) {
                            i += opt.fieldDelimiter().length();
                            continue;
                        }
                        if (i < text.length()) {
                            i += opt.recordDelimiter().length();
                            line += count(opt.recordDelimiter());
                        }
                        break;
                    }
                }
                if (opt.parseHeader() && header == null) {
                    header = new ArrayList<>();
                    for (String h : fields) {
                        header.add(h == null ? "" : h);
                    }
                    continue;
                }
                if (skipped < opt.skipHeader()) {
                    skipped++;
                    continue;
                }
                records.add(new Record(fields, records.size() + 1, startLine));
            }
            return new Parsed(records, header, null);
        }

        private boolean atRecordEnd() {
            return opt.recordDelimiter() != null && text.startsWith(opt.recordDelimiter(), i);
        }

        private boolean atFieldEnd() {
            return i >= text.length() || atRecordEnd()
                    || opt.fieldDelimiter() != null && text.startsWith(opt.fieldDelimiter(), i);
        }

        /** Reads one field, leaving {@code i} at the delimiter after it (or the end). */
        private String field() {
            int start = i;
            if (opt.trim()) {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
            }
            if (opt.enclosure() != 0 && i < text.length() && text.charAt(i) == opt.enclosure()) {
                return enclosed();
            }
            i = start;
            StringBuilder sb = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            while (!atFieldEnd()) {
                char c = text.charAt(i);
                if (c == opt.escapeUnenclosed() && opt.escapeUnenclosed() != 0 && i + 1 < text.length()) {
                    char next = text.charAt(i + 1);
                    raw.append(c).append(next);
                    sb.append(next);
                    i += 2;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                raw.append(c);
                sb.append(c);
                i++;
            }
            String value = sb.toString();
            String written = raw.toString();
            if ("\n".equals(opt.recordDelimiter()) && value.endsWith("\r") && (i >= text.length() || atRecordEnd())) {
                value = value.substring(0, value.length() - 1);
                written = written.substring(0, written.length() - 1);
            }
            if (opt.trim()) {
                value = value.strip();
                written = written.strip();
            }
            if (opt.nullIf().contains(written)) {
                return null;
            }
            if (value.isEmpty() && opt.emptyAsNull()) {
                return null;
            }
            return value;
        }

        private String enclosed() {
            char q = opt.enclosure();
            i++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= text.length()) {
                    throw new IllegalStateException("Found end of file while an enclosed field was still open");
                }
                char c = text.charAt(i);
                if (c == opt.escape() && opt.escape() != 0 && opt.escape() != q && i + 1 < text.length()) {
                    sb.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == q) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                        sb.append(q);
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                sb.append(c);
                i++;
            }
            if (opt.trim()) {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
            }
            if ("\n".equals(opt.recordDelimiter()) && i < text.length() && text.charAt(i) == '\r') {
                i++;
            }
            if (!atFieldEnd()) {
                throw new IllegalStateException("Found character '" + text.charAt(i) + "' instead of field delimiter '"
                        + (opt.fieldDelimiter() == null ? "" : opt.fieldDelimiter()) + "'");
            }
            String value = sb.toString();
            return opt.nullIf().contains(value) && !value.isEmpty() ? null : value;
        }

        private static long count(String s) {
            return s.chars().filter(ch -> ch == '\n').count();
        }
    }

    /** Where each target column's value is in a record, by the header's names (MATCH_BY_COLUMN_NAME); -1: absent. */
    static int[] byHeader(List<String> header, List<String> columns, boolean caseInsensitive) {
        int[] at = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            at[c] = -1;
            for (int h = 0; h < header.size(); h++) {
                String name = header.get(h);
                if (caseInsensitive ? name.toUpperCase(Locale.ROOT).equals(columns.get(c).toUpperCase(Locale.ROOT))
                        : name.equals(columns.get(c))) {
                    at[c] = h;
                    break;
                }
            }
        }
        return at;
    }
}
