package dev.autosync.render;

import java.util.List;

/** Configuration that cannot be rendered; lists every problem, numbered. */
public class InvalidSettingsException extends Exception {
    private final List<SettingProblem> problems;

    public InvalidSettingsException(List<SettingProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }

    private static String format(List<SettingProblem> problems) {
        StringBuilder sb = new StringBuilder("The autosync configuration has ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.toString();
    }
}
