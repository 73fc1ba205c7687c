package dev.autosync.emulator.wire;

import dev.autosync.emulator.LocalEmulator;
import dev.autosync.emulator.engine.Engine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator inside a Maven plugin runs in the plugin's class realm (its own class loader) of a JVM that
 * Maven starts without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} unless MAVEN_OPTS adds it. Each test
 * starts such a JVM, loads the emulator, DuckDB, Arrow and snowflake-jdbc through a class loader of their own
 * (as a realm does), and reads a large result whose columns the export converts: without the flag Arrow cannot
 * start and the rows must come row by row, complete; with it they come from DuckDB's Arrow export. Result
 * formats: "Snowflake JDBC Driver configuration parameters" (developer-guide/jdbc/jdbc-parameters:
 * JDBC_QUERY_RESULT_FORMAT).
 */
class ArrowExportRealmTest {
    private static final int ROWS = 30_000;
    /** Sums of I, of LENGTH(S) and the count of NULL S over {@link #ROWS} rows, computed here. */
    private static final String EXPECTED = expected();

    @Test
    @DisplayName("without java.nio opened (Maven's default) Arrow is off and the rows come row by row, every one")
    void withoutOpenedNioRowByRow() throws Exception {
        List<String> out = runInRealm(false);
        assertEquals("available=false", out.get(0), String.join("\n", out));
        assertEquals("quiet=true", out.get(out.size() - 1), "Arrow's start-up failure is not printed: " + String.join("\n", out));
        assertEquals("JSON " + EXPECTED + " exported=0", out.get(1), String.join("\n", out));
    }

    @Test
    @DisplayName("with java.nio opened (MAVEN_OPTS) the realm's Arrow exports the rows, in ARROW and JSON alike")
    void withOpenedNioExported() throws Exception {
        List<String> out = runInRealm(true);
        assertEquals("available=true", out.get(0), String.join("\n", out));
        // the head (10,000 rows) is read before; of the rest, at most one JDBC-fetched chunk (2,048 rows) goes row by row
        for (int i = 1; i <= 2; i++) {
            String line = out.get(i);
            assertTrue(line.startsWith((i == 1 ? "ARROW " : "JSON ") + EXPECTED + " exported="), line);
            long exported = Long.parseLong(line.substring(line.lastIndexOf('=') + 1));
            assertTrue(exported >= ROWS - 10_000 - 2_048 && exported <= ROWS - 10_000, line);
        }
    }

    private static String expected() {
        long sumI = 0;
        long sumLength = 0;
        long nulls = 0;
        for (long i = 0; i < ROWS; i++) {
            sumI += i;
            if (i % 7 == 0) {
                nulls++;
            } else {
                sumLength += ("row " + i).length();
            }
        }
        return "rows=" + ROWS + " sumI=" + sumI + " sumLength=" + sumLength + " nulls=" + nulls;
    }

    /** Runs {@link Realm#main} in a new JVM (with or without java.nio opened); its lines of output. */
    private static List<String> runInRealm(boolean openNio) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        if (openNio) {
            command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Realm.class.getName()));
        Path log = Files.createTempFile("arrow-realm", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the realm JVM did not finish: " + Files.readString(log));
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            List<String> lines = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (l.startsWith("available=") || l.startsWith("ARROW ") || l.startsWith("JSON ")) {
                    lines.add(l.strip());
                }
            }
            lines.add("quiet=" + !text.contains("MemoryUtil"));
            assertTrue(lines.size() >= 2, text);
            return lines;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The child JVM: loads {@link Inside} through a class loader holding the whole class path, as a plugin realm. */
    public static final class Realm {
        public static void main(String[] args) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            try (URLClassLoader realm = new URLClassLoader("realm", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Class<?> inside = realm.loadClass(Inside.class.getName());
                if (inside.getClassLoader() != realm) {
                    throw new IllegalStateException("not loaded by the realm");
                }
                // Maven runs a mojo with its realm as the context class loader (DriverManager finds DuckDB's driver there)
                Thread.currentThread().setContextClassLoader(realm);
                inside.getMethod("run").invoke(null);
            }
        }
    }

    /** Runs in the realm: the emulator, one large result read through snowflake-jdbc in each format it can decode. */
    public static final class Inside {
        public static void run() throws Exception {
            Path dir = Files.createTempDirectory("arrow-realm");
            System.out.println("available=" + ArrowExport.available());
            try (Engine engine = new Engine(dir, m -> { });
                 WireServer server = new WireServer(engine, 0, LoginPolicy.anyone(), 5_000, 40_000)) {
                // the driver decodes ARROW only with java.nio opened, as the emulator does
                List<String> formats = ArrowExport.available() ? List.of("ARROW", "JSON") : List.of("JSON");
                for (String format : formats) {
                    long before = ArrowExport.rowsExported();
                    Properties p = LocalEmulator.loopbackProperties("tester", "x");
                    p.put("JDBC_QUERY_RESULT_FORMAT", format);
                    try (Connection c = DriverManager.getConnection(LocalEmulator.jdbcUrl(server.port()), p);
                         Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT SEQ4() AS I, IFF(SEQ4() % 7 = 0, NULL, 'row ' || SEQ4()) AS S, "
                                 + "(SEQ4() / 4)::NUMBER(12,2) AS D FROM TABLE(GENERATOR(ROWCOUNT => " + ROWS + ")) ORDER BY I")) {
                        long rows = 0;
                        long sumI = 0;
                        long sumLength = 0;
                        long nulls = 0;
                        while (rs.next()) {
                            rows++;
                            sumI += rs.getLong(1);
                            String text = rs.getString(2);
                            if (text == null) {
                                nulls++;
                            } else {
                                sumLength += text.length();
                            }
                        }
                        System.out.println(format + " rows=" + rows + " sumI=" + sumI + " sumLength=" + sumLength
                                + " nulls=" + nulls + " exported=" + (ArrowExport.rowsExported() - before));
                    }
                }
            }
        }
    }
}
