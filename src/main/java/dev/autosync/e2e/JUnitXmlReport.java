package dev.autosync.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Writes the run as JUnit XML ({@code TEST-autosync-e2e.xml}), the format CI servers display. */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static Path write(E2eReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        long failures = r.checks().stream().filter(CheckResult::failed).count();
        long skipped = r.checks().stream().filter(c -> c.outcome() == CheckResult.Outcome.SKIPPED).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"autosync.e2e\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" "
                + "time=\"%.3f\" timestamp=\"%s\">%n", r.checks().size(), failures, skipped, r.millis() / 1000.0, Instant.now()));
        sb.append("  <properties><property name=\"runId\" value=\"").append(esc(r.runId())).append("\"/></properties>\n");
        for (CheckResult c : r.checks()) {
            sb.append(String.format(Locale.ROOT, "  <testcase classname=\"autosync.e2e\" name=\"%s\" time=\"%.3f\"", esc(c.name()),
                    c.millis() / 1000.0));
            if (c.outcome() == CheckResult.Outcome.PASSED) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            if (c.failed()) {
                sb.append("    <failure message=\"").append(esc(c.summary())).append("\">")
                        .append(esc(String.join("\n", c.problems()))).append("</failure>\n");
            } else {
                sb.append("    <skipped message=\"").append(esc(c.summary())).append("\"/>\n");
            }
            sb.append("  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        Path file = dir.resolve("TEST-autosync-e2e.xml");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : (s == null ? "" : s).toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
