package dev.autosync.warehouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a rendered pipe loads from and into: its landing table and stage (as the SQL names them) and the folder in the stage. */
record PipeSource(String landingTable, String stage, String folder) {
    private static final Pattern INTO = Pattern.compile("(?is)\\bCOPY\\s+INTO\\s+([A-Za-z0-9_$.\"]+)");
    private static final Pattern FROM = Pattern.compile("(?is)\\bFROM\\s+@([A-Za-z0-9_$.\"]+)(/[^\\s)']*)?");

    /** The pipe's source, or null when its COPY is not the simple shape the templates render. */
    static PipeSource of(String pipeSql) {
        Matcher into = INTO.matcher(pipeSql);
        Matcher from = FROM.matcher(pipeSql);
        if (!into.find() || !from.find()) {
            return null;
        }
        String folder = from.group(2) == null ? "" : from.group(2).replaceFirst("^/+", "");
        return new PipeSource(into.group(1), from.group(1), folder);
    }
}
