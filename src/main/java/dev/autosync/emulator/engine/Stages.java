package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where staged files live. An internal stage is a folder under {@code stages/}; an external stage's
 * URL ({@code s3://bucket/path/}, {@code gcs://...}, {@code azure://account.blob.core.windows.net/...})
 * maps to a folder under {@code buckets/} that stands for the bucket. No path may leave its folder.
 */
public final class Stages {
    private static final Pattern URL = Pattern.compile("(s3|s3gov|s3china|gcs|azure)://([^/]+)(/.*)?", Pattern.CASE_INSENSITIVE);

    private final Path dataDir;
    private final Catalog catalog;

    Stages(Path dataDir, Catalog catalog) {
        this.dataDir = dataDir;
        this.catalog = catalog;
        migrateTildeFolders(dataDir.resolve("stages"));
    }

    /**
     * Data folders written before stage folders stopped using '~' (snowflake-jdbc replaces any '~' in
     * a local stage path with the home directory): their folders are renamed in place, files kept.
     */
    private static void migrateTildeFolders(Path stages) {
        renameTilde(stages, "~users", "_users", 1);
        renameTilde(stages, "~tables", "_tables", 3);
        try (Stream<Path> s = Files.list(stages)) {
            for (Path db : s.filter(p -> !Set.of("_users", "_tables", "~users", "~tables").contains(p.getFileName().toString())).toList()) {
                renameLevels(db, 2);
            }
        } catch (IOException e) {
            // no stages yet
        }
    }

    private static void renameTilde(Path parent, String old, String now, int levels) {
        Path from = parent.resolve(old);
        Path to = parent.resolve(now);
        try {
            if (Files.isDirectory(from) && !Files.exists(to)) {
                Files.move(from, to);
            }
            if (Files.isDirectory(to)) {
                try (Stream<Path> s = Files.list(to)) {
                    for (Path p : s.toList()) {
                        renameLevels(p, levels - 1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rename the stage folder " + from + " to " + to, e);
        }
    }

    /** Renames {@code dir} to its '~'-free name, then its sub-folders {@code below} levels deep. */
    private static void renameLevels(Path dir, int below) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String name = dir.getFileName().toString();
        Path target = dir;
        if (name.indexOf('~') >= 0) {
            target = dir.resolveSibling(name.replace('~', '-'));
            if (!Files.exists(target)) {
                Files.move(dir, target);
            } else {
                target = dir;
            }
        }
        if (below > 0) {
            try (Stream<Path> s = Files.list(target)) {
                for (Path p : s.toList()) {
                    renameLevels(p, below - 1);
                }
            }
        }
    }

    /** A resolved stage reference: the stage (null for user and table stages), its folder and a path inside it. */
    public record Location(CatalogObject stage, Path root, String path, String listPrefix, String displayName,
                           ObjectNode tableStageFormat) {
        /** Files under the path, with their path relative to the stage root, sorted. */
        List<StagedFile> files() {
            return filesUnder(path);
        }

        /**
         * Files whose path from the stage root starts with {@code prefix}, sorted. Only the folders the prefix can
         * reach are walked, as a cloud LIST with a prefix reads only those keys: a pipe's or a REFRESH PREFIX's
         * listing costs what its own folder holds, not the whole stage.
         */
        List<StagedFile> filesUnder(String prefix) {
            List<StagedFile> out = new ArrayList<>();
            int slash = prefix.lastIndexOf('/');
            Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
            String namePrefix = prefix.substring(slash + 1);
            if (!Files.isDirectory(start)) {
                return out;
            }
            // only the entries of the prefix's folder whose names start with its last part are looked at (a REFRESH
            // PREFIX of one file reads its folder's names, not each file's attributes)
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(start,
                    e -> e.getFileName().toString().startsWith(namePrefix))) {
                for (Path e : entries) {
                    collect(e, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.sort(Comparator.comparing(StagedFile::relative));
            return out;
        }

        /** Every file at or below {@code top}. */
        private void collect(Path top, List<StagedFile> out) throws IOException {
            // a bucket is written to while it is listed: a file renamed or deleted meanwhile is skipped, as a cloud LIST would
            Files.walkFileTree(top, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    if (a.isRegularFile() && !rel.endsWith(".autosync-tmp")) {
                        out.add(new StagedFile(f, rel));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof java.nio.file.NoSuchFileException) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        }

        boolean external() {
            return stage != null && stage.prop("URL") != null;
        }
    }

    /** The folder an internal named stage keeps its files in. */
    Path internalFolder(ObjectRef ref) {
        return dataDir.resolve("stages").resolve(Names.folder(ref.db())).resolve(Names.folder(ref.schema()))
                .resolve(Names.folder(ref.name()));
    }

    /** The folder a Streamlit object keeps its own copy of its files in. */
    Path streamlitFolder(ObjectRef ref) {
        return dataDir.resolve("streamlits").resolve(Names.folder(ref.db())).resolve(Names.folder(ref.schema()))
                .resolve(Names.folder(ref.name()));
    }

    /** The folder standing for an external URL; refuses URLs that are not storage URLs or that climb out. */
    Path urlFolder(String url) {
        java.util.regex.Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw SnowflakeError.compilation("invalid URL '" + url + "': use s3://bucket/path/, gcs://bucket/path/ or "
                    + "azure://account.blob.core.windows.net/container/path/");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2);
        String path = m.group(3) == null ? "" : m.group(3).substring(1);
        checkPath(url, host + "/" + path);
        if (scheme.equals("azure")) {
            String account = host.toLowerCase(Locale.ROOT).replaceFirst("\\.blob\\.core\\.windows\\.net$", "");
            return dataDir.resolve("buckets").resolve("azure").resolve(account).resolve(path).normalize();
        }
        return dataDir.resolve("buckets").resolve(scheme.startsWith("s3") ? "s3" : scheme).resolve(host).resolve(path).normalize();
    }

    private static void checkPath(String what, String path) {
        for (String seg : path.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                throw new SnowflakeError("001003", "42000", "SQL compilation error:\nThe path '" + what
                        + "' must not contain '.' or '..' segments.");
            }
        }
        if (path.contains("\\") || path.chars().anyMatch(ch -> ch < 0x20)) {
            throw new SnowflakeError("001003", "42000", "SQL compilation error:\nThe path '" + what
                    + "' contains characters a stage path cannot have.");
        }
    }

    /** Resolves {@code @name/path}, {@code @db.s.name}, {@code @~/path} or {@code @%table/path}. */
    Location resolve(StatementContext st, String reference) {
        String ref = reference;
        if (ref.startsWith("'@")) {
            ref = ref.substring(1);
        }
        if (ref.startsWith("@")) {
            ref = ref.substring(1);
        }
        if (ref.startsWith("~")) {
            String path = ref.length() > 1 ? stripSlash(ref.substring(1)) : "";
            checkPath("@" + ref, path);
            Path root = dataDir.resolve("stages").resolve("_users").resolve(Names.folder(st.session().user()));
            return new Location(null, root, path, "", "@~", null);
        }
        boolean table = ref.startsWith("%");
        if (table) {
            ref = ref.substring(1);
        }
        int slash = nameEnd(ref);
        String name = ref.substring(0, slash);
        String path = slash < ref.length() ? ref.substring(slash + 1) : "";
        checkPath("@" + reference, path);
        Cursor nameCursor = new Cursor(name);
        List<String> parts = new ArrayList<>();
        do {
            Token t = nameCursor.next();
            if (!t.isIdentifier()) {
                throw SnowflakeError.syntax(1, 0, "@" + reference);
            }
            parts.add(t.identifierName());
        } while (nameCursor.accept(TokenType.DOT));
        ObjectRef objectRef = st.resolve(parts, "stage access");
        if (table) {
            CatalogObject t = catalog.find(CatalogKind.TABLE, objectRef)
                    .orElseThrow(() -> SnowflakeError.doesNotExist("Table", objectRef.display()));
            Path root = dataDir.resolve("stages").resolve("_tables").resolve(Names.folder(objectRef.db()))
                    .resolve(Names.folder(objectRef.schema())).resolve(Names.folder(t.name()));
            ObjectNode ff = t.props().get("STAGE_FILE_FORMAT") instanceof ObjectNode o ? o : null;
            return new Location(null, root, path, "", "@%" + t.name(), ff);
        }
        CatalogObject stage = catalog.find(CatalogKind.STAGE, objectRef)
                .orElseThrow(() -> SnowflakeError.doesNotExist("Stage", objectRef.display()));
        return location(stage, path);
    }

    Location location(CatalogObject stage, String path) {
        String url = stage.prop("URL");
        if (url != null) {
            String base = url.endsWith("/") ? url : url + "/";
            return new Location(stage, urlFolder(url), path, base, "@" + stage.ref().display(), null);
        }
        return new Location(stage, internalFolder(stage.ref()), path, stage.name().toLowerCase(Locale.ROOT) + "/",
                "@" + stage.ref().display(), null);
    }

    private static int nameEnd(String ref) {
        boolean quoted = false;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '/' && !quoted) {
                return i;
            }
        }
        return ref.length();
    }

    private static String stripSlash(String p) {
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The file format a stage query or COPY uses: its own, else the stage's, else CSV. */
    FileFormat format(StatementContext st, ObjectNode inline, String formatName, Location loc) {
        if (formatName != null) {
            return named(st, formatName);
        }
        if (inline != null && inline.size() > 0) {
            if (inline.hasNonNull("FORMAT_NAME")) {
                return named(st, inline.get("FORMAT_NAME").asText());
            }
            return FileFormat.of(inline);
        }
        if (loc.stage() != null && loc.stage().props().has("FILE_FORMAT")) {
            ObjectNode ff = (ObjectNode) loc.stage().props().get("FILE_FORMAT");
            if (ff.hasNonNull("FORMAT_NAME")) {
                return named(st, ff.get("FORMAT_NAME").asText());
            }
            return FileFormat.of(ff);
        }
        if (loc.tableStageFormat() != null) {
            // a table stage reads with the table's STAGE_FILE_FORMAT ("CREATE TABLE")
            ObjectNode ff = loc.tableStageFormat();
            return ff.hasNonNull("FORMAT_NAME") ? named(st, ff.get("FORMAT_NAME").asText()) : FileFormat.of(ff);
        }
        return FileFormat.csvDefault();
    }

    FileFormat named(StatementContext st, String name) {
        Cursor nc = new Cursor(name.contains("\"") || name.contains(".") ? name : Names.display(name));
        List<String> parts = new ArrayList<>();
        do {
            parts.add(nc.next().identifierName());
        } while (nc.accept(TokenType.DOT));
        ObjectRef ref = st.resolve(parts, "COPY");
        CatalogObject o = catalog.find(CatalogKind.FILE_FORMAT, ref)
                .orElseThrow(() -> SnowflakeError.doesNotExist("File format", ref.display()));
        return FileFormat.of(o.props());
    }

    /**
     * Reads the staged files of {@code SELECT ... FROM @stage} into a temporary table with the
     * columns a staged-file query can use: {@code $1} and the METADATA$ columns.
     */
    String materialise(StatementContext st, String reference, Map<String, String> options) throws SQLException {
        Location loc = resolve(st, reference);
        FileFormat ff = StagedFiles.requireLoadable(format(st, null, options.get("FILE_FORMAT"), loc));
        Pattern pattern = options.containsKey("PATTERN") ? Pattern.compile(options.get("PATTERN")) : null;
        int width = StagedFiles.widthOf(st.text());
        String table = "\"staged_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        st.session().exec("CREATE TEMP TABLE " + table + " (" + StagedFiles.columnsDdl(ff, width) + ")");
        OffsetDateTime scan = OffsetDateTime.now(ZoneOffset.UTC);
        try (DuckDBAppender app = ((DuckDBConnection) st.session().conn()).createAppender("temp", "main", table.replace("\"", ""))) {
            for (StagedFile f : loc.files()) {
                if (pattern != null && !pattern.matcher(f.relative()).matches()) {
                    continue;
                }
                StagedFiles.Read parsed = StagedFiles.read(f, ff, null, false);
                if (parsed.error() != null) {
                    JsonFiles.ParseError e = parsed.error();
                    throw new SnowflakeError("100069", "22P02", e.message() + "\n  File '" + f.relative() + "', line "
                            + e.line() + ", character " + e.character() + "\n  Row " + e.rowNumber() + " starts at line "
                            + e.line() + ", column $1");
                }
                StagedFiles.append(app, ff, width, f, parsed.rows(), scan);
            }
        }
        return table;
    }

    /** Removes an internal stage's files (DROP STAGE, CREATE OR REPLACE STAGE). External buckets are left alone. */
    void deleteStageFiles(CatalogObject stage) {
        if (stage.prop("URL") != null) {
            return;
        }
        deleteFolder(internalFolder(stage.ref()));
    }

    /** A dropped (or replaced) table's stage goes with it: CREATE OR REPLACE TABLE starts with an empty @%T. */
    void deleteTableStageFiles(CatalogObject table) {
        ObjectRef r = table.ref();
        deleteFolder(dataDir.resolve("stages").resolve("_tables").resolve(Names.folder(r.db())).resolve(Names.folder(r.schema()))
                .resolve(Names.folder(table.name())));
    }

    private static void deleteFolder(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
