package dev.autosync.compat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One documentation page of the corpus (a YAML file under {@code docs-examples/<area>/}): the page it was
 * transcribed from and its statements in order. The format is described in {@code docs-examples/README.md}.
 *
 * @param page the page's path in the Markdown copy of docs.snowflake.com ({@code markdown/en/...md})
 * @param url the page on docs.snowflake.com
 * @param skipped examples of the page left out, each with the reason
 * @param steps the page's statements, in the order the page runs them
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DocPage(
        @JsonProperty(value = "page", required = true) String page,
        @JsonProperty(value = "url", required = true) String url,
        @JsonProperty("skipped") List<String> skipped,
        @JsonProperty(value = "steps", required = true) List<Step> steps) {

    /**
     * A statement (or, for set-up, several separated by semicolons) and what the page shows it returns. A
     * step with no expectation is set-up; a step with one is a case. When a case's {@code sql} holds several
     * statements, all but the last are set-up.
     *
     * @param id the case's name on its page; by default its ordinal among the page's cases
     * @param sql the SQL as the page shows it
     * @param expect the page's output table, pasted as shown (one line per row)
     * @param multiline whether {@code expect} has cells that span lines: {@code true} (a non-blank first cell
     *        starts a row) or {@code json} (the first column is pretty-printed JSON); see {@link AsciiTable}
     * @param columns column labels, when rows are given one by one
     * @param rows the rows as {@code getString} values (null for SQL NULL), for cells that span lines
     * @param types result metadata type names the page states (null entries are not checked)
     * @param error the error the page shows, as {@code CODE (SQLSTATE): message} or just the message
     * @param ordered whether row order matters; by default when the statement ends with an ORDER BY
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Step(
            @JsonProperty("id") String id,
            @JsonProperty(value = "sql", required = true) String sql,
            @JsonProperty("expect") String expect,
            @JsonProperty("multiline") String multiline,
            @JsonProperty("columns") List<String> columns,
            @JsonProperty("rows") List<List<String>> rows,
            @JsonProperty("types") List<String> types,
            @JsonProperty("error") String error,
            @JsonProperty("ordered") Boolean ordered) {

        boolean isCase() {
            return expect != null || columns != null || error != null;
        }
    }
}
