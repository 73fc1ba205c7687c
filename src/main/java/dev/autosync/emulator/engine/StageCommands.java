package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PUT, GET, LIST and REMOVE. For PUT and GET the emulator answers like Snowflake with a local-file
 * stage ({@code LOCAL_FS}): the driver itself expands wildcards, compresses, checks digests and
 * copies the files, so the files on disk are exactly what the real driver would upload.
 */
final class StageCommands {
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Stages stages;

    StageCommands(Stages stages) {
        this.stages = stages;
    }

    Result run(StatementContext st) {
        Raw raw = new Raw(st.text());
        String verb = raw.word().toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "PUT" -> put(st, raw);
            case "GET" -> get(st, raw);
            case "LIST", "LS" -> list(st, raw);
            default -> remove(st, raw);
        };
    }

    private Result put(StatementContext st, Raw raw) {
        String file = raw.argument();
        String stageRef = raw.argument();
        Map<String, String> options = raw.options();
        if (!file.regionMatches(true, 0, "file://", 0, 7)) {
            throw new SnowflakeError("001003", "42000", "SQL compilation error:\nPUT needs a local file URL such as "
                    + "file:///path/to/file.json, not '" + file + "'.");
        }
        Stages.Location loc = stages.resolve(st, stageRef);
        if (loc.external()) {
            throw new SnowflakeError("002003", "42S02", "SQL compilation error:\nPUT works only with internal stages; "
                    + loc.displayName() + " is external. Upload to the bucket with your cloud's tools (for the local "
                    + "emulator, copy the file into " + loc.root() + ").");
        }
        Path target = folderFor(loc);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("command", "UPLOAD");
        data.putArray("src_locations").add(file.substring(7));
        data.set("stageInfo", stageInfo(target));
        data.put("autoCompress", !"FALSE".equalsIgnoreCase(options.getOrDefault("AUTO_COMPRESS", "TRUE")));
        data.put("sourceCompression", options.getOrDefault("SOURCE_COMPRESSION", "auto_detect").toLowerCase(Locale.ROOT));
        data.put("overwrite", "TRUE".equalsIgnoreCase(options.getOrDefault("OVERWRITE", "FALSE")));
        data.put("parallel", Integer.parseInt(options.getOrDefault("PARALLEL", "4")));
        data.put("threshold", 209715200);
        data.putNull("encryptionMaterial");
        data.put("clientShowEncryptionParameter", false);
        return new Result(StatementKind.PUT, List.of(), new ArrayList<>()).withTransfer(data);
    }

    private Result get(StatementContext st, Raw raw) {
        String stageRef = raw.argument();
        String dir = raw.argument();
        Map<String, String> options = raw.options();
        if (!dir.regionMatches(true, 0, "file://", 0, 7)) {
            throw new SnowflakeError("001003", "42000", "SQL compilation error:\nGET needs a local folder URL such as "
                    + "file:///tmp/download/, not '" + dir + "'.");
        }
        Stages.Location loc = stages.resolve(st, stageRef);
        Pattern pattern = options.containsKey("PATTERN") ? Pattern.compile(options.get("PATTERN")) : null;
        String base = loc.path().contains("/") ? loc.path().substring(0, loc.path().lastIndexOf('/') + 1) : "";
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("command", "DOWNLOAD");
        ArrayNode src = data.putArray("src_locations");
        for (StagedFile f : loc.files()) {
            if (pattern == null || pattern.matcher(f.relative()).matches()) {
                src.add(f.relative().substring(base.length()));
            }
        }
        String local = dir.substring(7);
        // the folder exactly as the statement gave it: the driver checks it against its own, trailing slash or not
        data.put("localLocation", local);
        data.set("stageInfo", stageInfo(loc.root().resolve(base)));
        data.put("autoCompress", false);
        data.put("overwrite", true);
        data.put("parallel", 10);
        data.putNull("encryptionMaterial");
        return new Result(StatementKind.GET, List.of(), new ArrayList<>()).withTransfer(data);
    }

    private Result list(StatementContext st, Raw raw) {
        Stages.Location loc = stages.resolve(st, raw.argument());
        Map<String, String> options = raw.options();
        Pattern pattern = options.containsKey("PATTERN") ? Pattern.compile(options.get("PATTERN")) : null;
        List<Object[]> rows = new ArrayList<>();
        for (StagedFile f : loc.files()) {
            String name = loc.listPrefix() + f.relative();
            if (pattern != null && !pattern.matcher(name).matches()) {
                continue;
            }
            rows.add(new Object[] {name, f.size(), f.md5(), LAST_MODIFIED.format(f.lastModified())});
        }
        return new Result(StatementKind.LIST, List.of(ResultColumn.text("name"), new ResultColumn("size", SfType.fixed(18, 0)),
                ResultColumn.text("md5"), ResultColumn.text("last_modified")), rows);
    }

    private Result remove(StatementContext st, Raw raw) {
        Stages.Location loc = stages.resolve(st, raw.argument());
        Map<String, String> options = raw.options();
        Pattern pattern = options.containsKey("PATTERN") ? Pattern.compile(options.get("PATTERN")) : null;
        List<Object[]> rows = new ArrayList<>();
        for (StagedFile f : loc.files()) {
            String name = loc.listPrefix() + f.relative();
            if (pattern != null && !pattern.matcher(name).matches()) {
                continue;
            }
            try {
                Files.deleteIfExists(f.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.add(new Object[] {name, "removed"});
        }
        return new Result(StatementKind.REMOVE, List.of(ResultColumn.text("name"), ResultColumn.text("result")), rows);
    }

    private static Path folderFor(Stages.Location loc) {
        Path target = loc.path().isEmpty() ? loc.root() : loc.root().resolve(loc.path()).normalize();
        if (!target.startsWith(loc.root())) {
            throw new SnowflakeError("001003", "42000", "SQL compilation error:\nThe stage path leaves the stage.");
        }
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static ObjectNode stageInfo(Path location) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("locationType", "LOCAL_FS");
        String l = location.toString();
        s.put("location", l.endsWith("/") ? l : l + "/");
        s.put("path", "");
        s.putNull("region");
        s.putNull("storageAccount");
        s.put("isClientSideEncrypted", false);
        s.putObject("creds");
        s.putNull("endPoint");
        return s;
    }

    /**
     * The statement text read directly: file URLs contain {@code //}, which the SQL lexer would take
     * for a comment. Arguments may be quoted with single quotes.
     */
    static final class Raw {
        private final String s;
        private int i;

        Raw(String s) {
            this.s = s.strip();
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return s.substring(start, i);
        }

        String argument() {
            skipSpace();
            if (i >= s.length()) {
                throw SnowflakeError.syntax(1, i, "<EOF>");
            }
            if (s.charAt(i) == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw SnowflakeError.syntax(1, i, s.substring(i));
                }
                String v = s.substring(i + 1, end);
                i = end + 1;
                return v;
            }
            return word();
        }

        Map<String, String> options() {
            Map<String, String> out = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (i >= s.length() || s.charAt(i) == ';') {
                    return out;
                }
                int eq = s.indexOf('=', i);
                if (eq < 0) {
                    throw SnowflakeError.syntax(1, i, s.substring(i));
                }
                String key = s.substring(i, eq).trim().toUpperCase(Locale.ROOT);
                i = eq + 1;
                out.put(key, argument());
            }
        }
    }
}
