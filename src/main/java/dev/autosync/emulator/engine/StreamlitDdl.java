package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Streamlit objects, as "CREATE STREAMLIT", "ALTER STREAMLIT", "SHOW STREAMLITS" and "DESCRIBE
 * STREAMLIT" (sql-reference/sql/*-streamlit.md) document them, minimally: CREATE copies the app's
 * files from an internal named stage once (later changes on the stage do not reach the app), and
 * keeps them under the emulator's data folder, one folder per Streamlit object. Nothing runs them.
 */
final class StreamlitDdl {
    static final String DEFAULT_MAIN_FILE = "streamlit_app.py";
    private static final Set<String> SETTABLE = Set.of("MAIN_FILE", "QUERY_WAREHOUSE", "TITLE", "COMMENT");

    private final Catalog catalog;
    private final Stages stages;
    private final Transactions transactions;
    private final ExistingObjects existing;
    private final Privileges privileges;

    StreamlitDdl(Catalog catalog, Stages stages, Transactions transactions, ExistingObjects existing, Privileges privileges) {
        this.privileges = privileges;
        this.catalog = catalog;
        this.stages = stages;
        this.transactions = transactions;
        this.existing = existing;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        ObjectRef ref = st.name("CREATE STREAMLIT");
        catalog.requireSchema(ref);
        Cursor c = st.cursor();
        String from = null;
        if (c.accept("FROM")) {
            Token t = c.next();
            if (!t.is(TokenType.STAGE_REFERENCE) && !t.is(TokenType.STRING)) {
                throw SnowflakeError.syntax(t.line(), t.column(), t.text());
            }
            from = t.value();
        }
        ObjectNode props = Options.parse(c, Set.of());
        if (from == null && props.hasNonNull("ROOT_LOCATION")) {
            from = props.get("ROOT_LOCATION").asText();
        }
        String mainFile = props.hasNonNull("MAIN_FILE") ? props.get("MAIN_FILE").asText() : DEFAULT_MAIN_FILE;
        List<StagedFile> files = List.of();
        String prefix = "";
        if (from != null) {
            Stages.Location loc = stages.resolve(st, from);
            if (loc.stage() == null || loc.external()) {
                // "The location must be within an internal named stage."
                throw SnowflakeError.compilation("The source location " + from + " of a Streamlit must be within an internal named stage.");
            }
            prefix = loc.path().isEmpty() || loc.path().endsWith("/") ? loc.path() : loc.path() + "/";
            String p = prefix;
            files = loc.files().stream().filter(f -> f.relative().startsWith(p)).toList();
            // UNVERIFIED: the documents do not say what CREATE does when the main file is missing; failing is the helpful answer.
            if (files.stream().noneMatch(f -> f.relative().equals(p + mainFile))) {
                throw SnowflakeError.compilation("The main file '" + mainFile + "' was not found in " + from + ".");
            }
        }
        Result done = existing.check(st.session(), CatalogKind.STREAMLIT, ref, h);
        if (done != null) {
            return done;
        }
        props.put("MAIN_FILE", mainFile);
        if (from != null) {
            props.put("SOURCE", from);
        }
        props.put("URL_ID", UUID.nameUUIDFromBytes(ref.display().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                .substring(0, 20).toLowerCase(Locale.ROOT));
        props.remove("ROOT_LOCATION");
        Session s = st.session();
        String comment = Options.text(props, "COMMENT");
        props.remove("COMMENT");
        transactions.atomic(s, () -> catalog.create(s.conn(), CatalogKind.STREAMLIT, ref, comment, props, null));
        copyFiles(ref, files, prefix, mainFile);
        return Result.ddl("Streamlit " + ref.name() + " successfully created.");
    }

    /** The app's own copy of its files: "Files are copied only one time when the CREATE command is executed". */
    private void copyFiles(ObjectRef ref, List<StagedFile> files, String prefix, String mainFile) {
        Path root = stages.streamlitFolder(ref);
        try {
            delete(root);
            Files.createDirectories(root);
            if (files.isEmpty()) {
                // "If this parameter isn't specified, Snowflake copies the source files for a default app"
                Files.writeString(root.resolve(mainFile), "import streamlit as st\n\nst.title(\"Hello Streamlit!\")\n");
            }
            for (StagedFile f : files) {
                Path target = root.resolve(f.relative().substring(prefix.length())).normalize();
                Files.createDirectories(target.getParent());
                Files.copy(f.file(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ALTER STREAMLIT [IF EXISTS] name SET ... / UNSET ... / ADD LIVE VERSION FROM LAST / COMMIT. */
    Result alter(StatementContext st) throws SQLException {
        Cursor c = st.cursor();
        boolean ifExists = c.acceptAll("IF", "EXISTS");
        ObjectRef ref = st.name("ALTER STREAMLIT");
        CatalogObject o = catalog.find(CatalogKind.STREAMLIT, ref).orElse(null);
        if (o == null) {
            if (ifExists) {
                return Result.ddl("Statement executed successfully.");
            }
            throw SnowflakeError.doesNotExist("Streamlit", ref.display());
        }
        if (c.acceptAll("ADD", "LIVE", "VERSION")) {
            c.expect("FROM");
            c.expect("LAST");
            return Result.ddl("Statement executed successfully.");
        }
        if (c.accept("COMMIT")) {
            return Result.ddl("Statement executed successfully.");
        }
        if (c.accept("SET")) {
            ObjectNode set = Options.parse(c, Set.of());
            for (var it = set.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!SETTABLE.contains(key)) {
                    throw SnowflakeError.unsupported("ALTER STREAMLIT SET " + key);
                }
                if (key.equals("COMMENT")) {
                    o.comment(Options.text(set, key));
                } else {
                    o.props().put(key, Options.text(set, key));
                }
            }
        } else if (c.accept("UNSET")) {
            do {
                String key = c.next().upper();
                if (!SETTABLE.contains(key)) {
                    throw SnowflakeError.unsupported("ALTER STREAMLIT UNSET " + key);
                }
                if (key.equals("COMMENT")) {
                    o.comment(null);
                } else {
                    o.props().remove(key);
                }
            } while (c.accept(TokenType.COMMA));
        } else {
            throw SnowflakeError.unsupported("ALTER STREAMLIT " + c.peek().upper());
        }
        Session s = st.session();
        transactions.atomically(s, () -> catalog.save(s.conn(), o));
        return Result.ddl("Statement executed successfully.");
    }

    /** The columns of SHOW STREAMLITS, in the documented order. */
    static List<ResultColumn> showColumns() {
        return List.of(new ResultColumn("created_on", SfType.TIMESTAMP_LTZ), ResultColumn.text("name"),
                ResultColumn.text("database_name"), ResultColumn.text("schema_name"), ResultColumn.text("title"),
                ResultColumn.text("owner"), ResultColumn.text("comment"), ResultColumn.text("query_warehouse"),
                ResultColumn.text("url_id"), ResultColumn.text("owner_role_type"));
    }

    static List<Object[]> showRows(List<CatalogObject> apps) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogObject o : apps) {
            rows.add(new Object[] {ObjectRows.created(o), o.name(), o.ref().db(), o.ref().schema(), title(o), "SYSADMIN",
                    ObjectRows.comment(o), o.prop("QUERY_WAREHOUSE"), o.prop("URL_ID"), "ROLE"});
        }
        return rows;
    }

    /** DESCRIBE STREAMLIT: name, title, root_location, main_file, query_warehouse, url_id, default_packages, user_packages. */
    Result describe(StatementContext st) throws SQLException {
        CatalogObject o = catalog.require(CatalogKind.STREAMLIT, st.name("DESCRIBE"));
        // viewing an app needs USAGE on it; "a role without USAGE gets the same response as if the app didn't exist"
        // (developer-guide/streamlit/object-management/privileges)
        if (!privileges.mayUse(st.session(), "USAGE", "STREAMLIT", o.ref().db() + "." + o.ref().schema() + "." + o.name())) {
            throw SnowflakeError.doesNotExist("Streamlit", o.ref().display());
        }
        List<ResultColumn> cols = List.of(ResultColumn.text("name"), ResultColumn.text("title"), ResultColumn.text("root_location"),
                ResultColumn.text("main_file"), ResultColumn.text("query_warehouse"), ResultColumn.text("url_id"),
                ResultColumn.text("default_packages"), ResultColumn.text("user_packages"));
        List<Object[]> rows = new ArrayList<>();
        // UNVERIFIED: an app created FROM a stage reports its own copy's location; the emulator shows where it was copied from.
        rows.add(new Object[] {o.name(), title(o), o.prop("SOURCE"), o.prop("MAIN_FILE"), o.prop("QUERY_WAREHOUSE"),
                o.prop("URL_ID"), "", userPackages(o)});
        return new Result(StatementKind.DESCRIBE, cols, rows);
    }

    /** The app's stored files, relative to its root, sorted (what CREATE copied). */
    List<String> files(ObjectRef ref) {
        Path root = stages.streamlitFolder(ref);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dependencies listed in the app's environment.yml, comma-separated, as DESCRIBE's user_packages. */
    private String userPackages(CatalogObject o) {
        Path env = stages.streamlitFolder(o.ref()).resolve("environment.yml");
        if (!Files.isRegularFile(env)) {
            return "";
        }
        try {
            List<String> out = new ArrayList<>();
            boolean deps = false;
            for (String line : Files.readAllLines(env)) {
                if (line.startsWith("dependencies:")) {
                    deps = true;
                } else if (deps && line.trim().startsWith("- ")) {
                    out.add(line.trim().substring(2).trim());
                } else if (deps && !line.isBlank() && !line.startsWith(" ")) {
                    deps = false;
                }
            }
            return String.join(",", out);
        } catch (IOException e) {
            return "";
        }
    }

    private static String title(CatalogObject o) {
        return o.prop("TITLE") != null ? o.prop("TITLE") : o.name();
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
