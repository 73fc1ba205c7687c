package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a staged JSON file the way Snowflake's loader does: gzip or plain (detected), NDJSON or
 * concatenated documents, arrays split into rows with STRIP_OUTER_ARRAY, duplicate keys refused
 * unless ALLOW_DUPLICATE, JSON nulls dropped with STRIP_NULL_VALUES, invalid UTF-8 refused unless
 * replaced. Reading stops at the first error, keeping the rows before it.
 */
final class JsonFiles {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20_000)
                    .maxStringLength(Integer.MAX_VALUE).maxNumberLength(10_000).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonFiles() {
    }

    /** One row: the record as JSON text, its row number in the file (from 1) and its first line. */
    record Row(String json, long rowNumber, long line) {
    }

    /** Where reading stopped, in Snowflake's terms. */
    record ParseError(String message, long line, long character, long rowNumber) {
    }

    record Parsed(List<Row> rows, ParseError error) {
        long rowsParsed() {
            return rows.size() + (error == null ? 0 : 1);
        }
    }

    static Parsed read(Path file, FileFormat format) {
        List<Row> rows = new ArrayList<>();
        boolean strip = format.flag("STRIP_OUTER_ARRAY");
        boolean stripNulls = format.flag("STRIP_NULL_VALUES");
        boolean duplicates = format.flag("ALLOW_DUPLICATE");
        boolean replace = format.flag("REPLACE_INVALID_CHARACTERS") || format.flag("IGNORE_UTF8_ERRORS");
        try (InputStream raw = open(file, format.option("COMPRESSION"));
             JsonParser p = parser(raw, replace, format.flag("SKIP_BYTE_ORDER_MARK"))) {
            if (duplicates) {
                p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            } else {
                p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            }
            JsonToken t;
            while (true) {
                try {
                    t = p.nextToken();
                } catch (JsonProcessingException e) {
                    return new Parsed(rows, error(e, rows.size() + 1));
                }
                if (t == null) {
                    break;
                }
                long line = p.currentTokenLocation().getLineNr();
                if (strip && t == JsonToken.START_ARRAY) {
                    while (true) {
                        JsonToken e;
                        try {
                            e = p.nextToken();
                            if (e == JsonToken.END_ARRAY) {
                                break;
                            }
                            if (e == null) {
                                return new Parsed(rows, new ParseError("Error parsing JSON: incomplete array value",
                                        p.currentLocation().getLineNr(), p.currentLocation().getColumnNr(), rows.size() + 1));
                            }
                            long elementLine = p.currentTokenLocation().getLineNr();
                            JsonNode node = MAPPER.readTree(p);
                            rows.add(new Row(text(node, stripNulls), rows.size() + 1, elementLine));
                        } catch (JsonProcessingException ex) {
                            return new Parsed(rows, error(ex, rows.size() + 1));
                        }
                    }
                    continue;
                }
                try {
                    JsonNode node = MAPPER.readTree(p);
                    rows.add(new Row(text(node, stripNulls), rows.size() + 1, line));
                } catch (JsonProcessingException e) {
                    return new Parsed(rows, error(e, rows.size() + 1));
                }
            }
            return new Parsed(rows, null);
        } catch (ZipException e) {
            return new Parsed(List.of(), new ParseError("Invalid data encountered during decompression for file: "
                    + file.getFileName() + ", compression type used: GZIP, cause: " + e.getMessage(), 1, 1, 1));
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Parsed(rows, new ParseError(m.contains("Unexpected end of ZLIB") || m.contains("Unexpected end of")
                    ? "Invalid data encountered during decompression for file: " + file.getFileName() + ", compression type used: GZIP"
                    : "Error reading file: " + m, 1, 1, rows.size() + 1));
        }
    }

    static InputStream open(Path file, String compression) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String c = compression == null ? "AUTO" : compression.toUpperCase();
        PushbackInputStream pb = new PushbackInputStream(in, 2);
        int b1 = pb.read();
        int b2 = pb.read();
        if (b2 >= 0) {
            pb.unread(b2);
        }
        if (b1 >= 0) {
            pb.unread(b1);
        }
        boolean gzipMagic = b1 == 0x1f && b2 == 0x8b;
        if (c.equals("GZIP") || ((c.equals("AUTO") || c.equals("AUTO_DETECT")) && gzipMagic)) {
            return new GZIPInputStream(pb, 1 << 16);
        }
        if (!c.equals("AUTO") && !c.equals("NONE") && !c.equals("AUTO_DETECT")) {
            throw SnowflakeError.unsupported("COMPRESSION = " + c);
        }
        return pb;
    }

    private static JsonParser parser(InputStream in, boolean replaceInvalid, boolean skipBom) throws IOException {
        if (replaceInvalid) {
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            return FACTORY.createParser(skipBom ? skipBom(r) : r);
        }
        return FACTORY.createParser(in);
    }

    private static Reader skipBom(Reader r) throws IOException {
        java.io.PushbackReader pr = new java.io.PushbackReader(r, 1);
        int c = pr.read();
        if (c >= 0 && c != '\uFEFF') {
            pr.unread(c);
        }
        return pr;
    }

    private static String text(JsonNode node, boolean stripNulls) throws JsonProcessingException {
        if (stripNulls) {
            stripNulls(node);
        }
        return MAPPER.writeValueAsString(node);
    }

    private static void stripNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> remove = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    remove.add(e.getKey());
                } else {
                    stripNulls(e.getValue());
                }
            }
            o.remove(remove);
        } else if (node instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i).isNull()) {
                    a.remove(i);
                } else {
                    stripNulls(a.get(i));
                }
            }
        }
    }

    private static ParseError error(JsonProcessingException e, long row) {
        JsonLocation loc = e.getLocation();
        String m = e.getOriginalMessage();
        String detail;
        if (m.startsWith("Duplicate field")) {
            detail = "duplicate object attribute " + m.substring("Duplicate field ".length()).replace('\'', '"');
        } else if (m.startsWith("Unexpected end-of-input")) {
            detail = m.contains("Object") ? "incomplete object value" : m.contains("Array") ? "incomplete array value"
                    : "unterminated string";
        } else if (m.startsWith("Illegal unquoted character ((CTRL-CHAR, code 10)") || m.startsWith("Illegal unquoted character ((CTRL-CHAR, code 13)")) {
            detail = "unterminated string";
        } else if (m.startsWith("Unexpected character")) {
            detail = "misplaced or unexpected character " + m.replaceFirst("Unexpected character \\(('.*?').*", "$1");
        } else if (m.contains("Invalid UTF-8")) {
            detail = "Invalid UTF8 detected in string";
        } else if (m.contains("nesting depth")) {
            detail = "document is too deeply nested";
        } else {
            detail = m.split("\n")[0];
        }
        return new ParseError("Error parsing JSON: " + detail, loc == null ? 1 : loc.getLineNr(),
                loc == null ? 1 : Math.max(1, loc.getColumnNr()), row);
    }
}
