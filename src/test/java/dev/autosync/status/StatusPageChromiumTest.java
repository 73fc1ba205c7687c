package dev.autosync.status;

import dev.autosync.testing.LocalPipeline;
import dev.autosync.warehouse.LocalTargets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTML status page as a browser shows it: headless Chromium (Debian's chromium package,
 * installed here when missing) renders the page of a real pipeline offline; the rendered DOM has
 * the verdict, every section and the chart bars, and the screenshot shows the bars' colour.
 */
class StatusPageChromiumTest {
    private static Path page;
    private static String dom;
    private static Path screenshot;

    @BeforeAll
    static void render() throws Exception {
        String chromium = chromium();
        LocalPipeline fx = new LocalPipeline(Files.createTempDirectory("status-page"), "PAGE_DB");
        fx.load(Map.of("a.json", LocalPipeline.event("e1", "S1") + LocalPipeline.event("e2", "S2"), "b.json",
                LocalPipeline.event("e3", "S3"), "bad.json", "{\"event_id\": }\n"));
        StatusReport r = new StatusCollector(fx.bundle, fx.w).collect();
        fx.w.close();
        Path dir = Files.createDirectories(Path.of("target", "status-page-test"));
        page = Files.writeString(dir.resolve("status.html"), HtmlFormat.render(r), StandardCharsets.UTF_8);
        screenshot = dir.resolve("status.png");
        Files.deleteIfExists(screenshot);
        List<String> base = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--user-data-dir=" + dir.resolve("profile").toAbsolutePath());
        List<String> dump = new ArrayList<>(base);
        dump.add("--dump-dom");
        dump.add(page.toUri().toString());
        dom = run(dump);
        List<String> shot = new ArrayList<>(base);
        shot.add("--screenshot=" + screenshot.toAbsolutePath());
        shot.add("--window-size=1280,2200");
        shot.add(page.toUri().toString());
        run(shot);
    }

    @AfterAll
    static void stop() {
        LocalTargets.stopAll();
    }

    /** The chromium binary; installs Debian's package when it is missing (the CI machine is fresh). */
    static String chromium() throws Exception {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        Process p = new ProcessBuilder("sh", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || "
                + "(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        if (!new File("/usr/bin/chromium").canExecute()) {
            throw new AssertionError("Chromium is needed to test the HTML page and could not be installed with apt-get:\n" + out);
        }
        return "/usr/bin/chromium";
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        return out;
    }

    @Test
    void theRenderedPageShowsTheVerdictAndEverySection() {
        assertTrue(dom.contains("id=\"verdict\" class=\"verdict degraded\">DEGRADED</div>"), dom);
        for (String section : List.of("Pipes", "Ingestion", "Recent load errors", "Streams", "Tasks", "Rejected records")) {
            assertTrue(dom.contains("<h2>" + section + "</h2>"), section);
        }
        assertTrue(dom.contains("bad.json"), "the failed file is listed");
        assertTrue(dom.contains("<td class=\"ok\">RUNNING</td>"));
        assertTrue(dom.contains("1 file(s) failed to load through ATTENDANCE_PIPE in the last 24 h"));
    }

    @Test
    void theChartsHaveBarsForTheLoadsAndTheFailure() {
        Matcher files = Pattern.compile("<svg id=\"chart-files\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(files.find(), "the files chart is in the DOM");
        String chart = files.group();
        assertTrue(chart.contains("class=\"bar\"") && chart.contains("data-value=\"2\""), chart);
        assertTrue(chart.contains("class=\"bar failed\"") && chart.contains("data-value=\"1\""), chart);
        Matcher rows = Pattern.compile("<svg id=\"chart-rows\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(rows.find() && rows.group().contains("data-value=\"3\""), "three rows loaded in this hour");
        Matcher errors = Pattern.compile("<svg id=\"chart-errors\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertTrue(errors.find() && errors.group().contains("data-pipe=\"ATTENDANCE_PIPE\" data-value=\"1\""), errors.group());
    }

    @Test
    void theScreenshotShowsTheBars() throws Exception {
        assertTrue(Files.size(screenshot) > 10_000, "a real screenshot");
        BufferedImage img = ImageIO.read(screenshot.toFile());
        assertEquals(1280, img.getWidth());
        int blue = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x3b) < 12 && Math.abs(g - 0x6f) < 12 && Math.abs(b - 0xd8) < 12) {
                    blue++;
                }
                if (Math.abs(r - 0xc5) < 12 && Math.abs(g - 0x30) < 12 && Math.abs(b - 0x30) < 12) {
                    red++;
                }
            }
        }
        assertTrue(blue > 50, "the loaded-files bars are drawn (" + blue + " bar-blue pixels)");
        assertTrue(red > 50, "the failure bars and the verdict are drawn (" + red + " red pixels)");
    }
}
