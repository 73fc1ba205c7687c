package dev.autosync.pipeline;

import java.util.regex.Pattern;

/**
 * The folder of an entity inside the stage: one or more path segments ({@code attendance},
 * {@code library/loans}, {@code exports/attendance/2026}), as districts lay out their buckets. A
 * folder is written unquoted into stage paths ({@code @STAGE/library/loans/}), so each segment keeps
 * to characters that need no quoting there.
 */
public final class StageFolder {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
    static final int MAX_LENGTH = 200;

    private StageFolder() {
    }

    /** Why {@code folder} cannot be an entity's stage folder, naming the rule it breaks; null when it can. */
    public static String problem(String folder) {
        if (folder.isEmpty()) {
            return "is empty; give the entity's folder in the stage, such as attendance or exports/attendance";
        }
        if (folder.length() > MAX_LENGTH) {
            return "is " + folder.length() + " characters long; a folder may have at most " + MAX_LENGTH;
        }
        if (folder.startsWith("/") || folder.endsWith("/")) {
            return "'" + folder + "' starts or ends with /; write the path without them (library/loans)";
        }
        for (String segment : folder.split("/", -1)) {
            if (segment.isEmpty()) {
                return "'" + folder + "' has an empty segment (//)";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'" + folder + "' has a '" + segment + "' segment; a folder names a path inside the stage";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "'" + folder + "': the segment '" + segment + "' may contain only letters, digits, _ . and - "
                        + "(segments are separated by /, for example exports/attendance/2026)";
            }
        }
        return null;
    }

    /**
     * Whether two folders overlap: equal, or one inside the other. A pipe reads its folder and every
     * folder below it, so an entity nested in another's folder would be loaded by both pipes.
     */
    public static boolean overlap(String a, String b) {
        // stage paths are case-sensitive, as bucket keys are
        String x = a + "/";
        String y = b + "/";
        return x.startsWith(y) || y.startsWith(x);
    }
}
