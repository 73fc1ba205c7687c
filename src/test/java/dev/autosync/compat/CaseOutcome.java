package dev.autosync.compat;

/**
 * How the emulator answered one documented example.
 *
 * @param difference null when it answered as the page shows, else the first difference seen
 */
record CaseOutcome(String id, String area, String difference) {
    boolean passed() {
        return difference == null;
    }

    /** A rough grouping of failures, to show where the most cases are lost. */
    String kind() {
        if (passed()) {
            return "pass";
        }
        if (difference.startsWith("set-up ")) {
            return "set-up statement failed";
        }
        if (difference.startsWith("error ")) {
            int end = difference.indexOf(':');
            return difference.substring(0, end < 0 ? difference.length() : end);
        }
        if (difference.startsWith("columns:")) {
            return "column labels differ";
        }
        if (difference.contains(" type: ")) {
            return "column type differs";
        }
        if (difference.startsWith("expected error")) {
            return "expected an error, found a result";
        }
        if (difference.startsWith("wrong error")) {
            return "a different error";
        }
        return "values or rows differ";
    }
}
