package dev.autosync.render;

import java.util.List;

/**
 * Rendered statements that Snowflake would reject, each with the rule it breaks and the page that
 * states it (see {@link BundleRules}); nothing is written.
 */
public class SnowflakeRuleException extends TemplateException {
    private final List<String> problems;

    SnowflakeRuleException(List<String> problems, String firstTemplate) {
        super(message(problems), firstTemplate);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: the statement file, its template, Snowflake's message, the rule and its page. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder("The rendered SQL would be rejected by Snowflake (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):");
        for (int i = 0; i < problems.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return sb.append("\nFix the template (or the pipeline spec) named above; nothing was written.").toString();
    }
}
