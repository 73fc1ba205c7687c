package dev.autosync.streamlit;

import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.StreamlitApp;
import dev.autosync.sql.SqlLiterals;
import dev.autosync.warehouse.DeployException;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Publishes the rendered Streamlit app ({@code streamlit/} under the output folder) as "CREATE
 * STREAMLIT" documents it: the files are PUT to an internal stage in the pipeline's schema and the
 * Streamlit object is created FROM that stage with MAIN_FILE and QUERY_WAREHOUSE. CREATE copies the
 * files once, so changed files need the object created again: the app's checksum (SHA-256 over every
 * file's path and bytes) is kept in its COMMENT, and an unchanged app with the same warehouse is left
 * alone.
 */
public final class StreamlitPublisher {
    static final String CHECKSUM_PREFIX = "autosync status app sha256:";

    /** What a publish did. */
    public record Outcome(QualifiedName app, boolean changed, int filesPut, String howToOpen) {
    }

    private final RenderedBundle bundle;
    private final Warehouse w;
    private final Consumer<String> log;

    public StreamlitPublisher(RenderedBundle bundle, Warehouse w, Consumer<String> log) {
        this.bundle = bundle;
        this.w = w;
        this.log = log;
    }

    public Outcome publish(Path outputDirectory, String queryWarehouse) throws DeployException, WarehouseException {
        QualifiedName app = StreamlitApp.appName(bundle);
        QualifiedName stage = StreamlitApp.appStage(bundle);
        Path root = outputDirectory.resolve(StreamlitApp.FOLDER);
        List<Path> files = files(root);
        String checksum = checksum(root, files);
        String open = "open it in Snowsight under Projects > Streamlit > " + app.last().name() + " (" + app + ")";
        Map<String, String> existing = w.query("SHOW STREAMLITS LIKE " + SqlLiterals.quote(app.last().name()) + " IN SCHEMA "
                + bundle.database() + "." + bundle.schema()).stream().filter(r -> app.last().name().equals(r.get("NAME")))
                .findFirst().orElse(null);
        if (existing != null && (CHECKSUM_PREFIX + checksum).equals(existing.get("COMMENT"))
                && queryWarehouse.equalsIgnoreCase(String.valueOf(existing.get("QUERY_WAREHOUSE")))) {
            return new Outcome(app, false, 0, open);
        }
        w.execute("CREATE STAGE IF NOT EXISTS " + stage + " COMMENT = 'autosync: files of the Auto-Sync Status Streamlit app'");
        // the stage holds exactly this version: old files (a page since removed) must not be copied into the app
        w.execute("REMOVE @" + stage + "/");
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            String folder = rel.contains("/") ? "/" + rel.substring(0, rel.lastIndexOf('/')) : "";
            String local = f.toAbsolutePath().toString().replace('\\', '/');
            if (local.contains("'")) {
                throw new DeployException("The app file " + local + " has a quote in its path; PUT cannot name it. Move the "
                        + "project to a folder without quotes.");
            }
            w.execute("PUT 'file://" + local + "' @" + stage + folder + " AUTO_COMPRESS = FALSE OVERWRITE = TRUE");
        }
        w.execute("CREATE OR REPLACE STREAMLIT " + app + " FROM " + SqlLiterals.quote("@" + stage) + " MAIN_FILE = "
                + SqlLiterals.quote(StreamlitApp.MAIN_FILE) + " QUERY_WAREHOUSE = " + queryWarehouse + " TITLE = "
                + SqlLiterals.quote(StreamlitApp.TITLE) + " COMMENT = " + SqlLiterals.quote(CHECKSUM_PREFIX + checksum));
        // "the Streamlit app isn't live until you ... execute ALTER STREAMLIT ... ADD LIVE VERSION FROM LAST"
        w.execute("ALTER STREAMLIT " + app + " ADD LIVE VERSION FROM LAST");
        log.accept("Published the Streamlit app " + app + " (" + files.size() + " files from @" + stage + ")");
        return new Outcome(app, true, files.size(), open);
    }

    private static List<Path> files(Path root) throws DeployException {
        Path main = root.resolve(StreamlitApp.MAIN_FILE);
        if (!Files.isRegularFile(main)) {
            throw new DeployException("The Streamlit app is not rendered: " + main + " is missing. Run autosync:render first "
                    + "(the same outputDirectory), or leave autosync.streamlit false.");
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().toList();
        } catch (IOException e) {
            throw new DeployException("Cannot read the Streamlit app under " + root + ": " + e.getMessage());
        }
    }

    static String checksum(Path root, List<Path> files) throws DeployException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                d.update(root.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Files.readAllBytes(f));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new DeployException("Cannot checksum the Streamlit app under " + root + ": " + e.getMessage());
        }
    }
}
