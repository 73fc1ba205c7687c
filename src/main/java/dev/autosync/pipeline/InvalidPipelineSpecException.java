package dev.autosync.pipeline;

import java.util.List;

/** A pipeline spec with problems; the message lists every one of them, numbered. */
public class InvalidPipelineSpecException extends Exception {
    private final String source;
    private final List<SpecProblem> problems;

    public InvalidPipelineSpecException(String source, List<SpecProblem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String format(String source, List<SpecProblem> problems) {
        StringBuilder sb = new StringBuilder("The pipeline spec ").append(source).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.toString();
    }
}
