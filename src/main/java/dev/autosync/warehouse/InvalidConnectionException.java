package dev.autosync.warehouse;

import java.util.List;

/** The connection settings cannot work: each problem says what is wrong, where it came from and how to fix it. */
public final class InvalidConnectionException extends Exception {
    private final List<String> problems;

    public InvalidConnectionException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidConnectionException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return "Cannot connect: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("Cannot connect; " + problems.size() + " problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
