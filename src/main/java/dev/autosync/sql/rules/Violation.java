package dev.autosync.sql.rules;

import dev.autosync.sql.tree.Span;

/**
 * A broken rule: {@code detail} is what Snowflake would say after {@code SQL compilation error:} (its
 * own words where the docs quote them); {@code span} is where in the statement (null when the whole
 * statement is at fault).
 */
public record Violation(Rule rule, String detail, Span span) {

    /** The message as Snowflake shapes a compilation error. */
    public String message() {
        return "SQL compilation error: " + detail;
    }

    /** The message with the rule and where it is documented, for a build log. */
    public String explained() {
        return message() + " [rule " + rule.id() + (rule.verified() ? "" : ", UNVERIFIED") + "; " + rule.source() + "]";
    }
}
