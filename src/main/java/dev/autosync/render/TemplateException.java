package dev.autosync.render;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;

/** A template that cannot be compiled or rendered, with the template and line at fault. */
public class TemplateException extends Exception {
    private final String template;
    private final int line;

    public TemplateException(String template, int line, String message) {
        super("Template " + template + (line > 0 ? " line " + line : "") + ": " + message);
        this.template = template;
        this.line = line;
    }

    /** For a subclass whose message is already complete (it names its statements and templates itself). */
    protected TemplateException(String message, String template) {
        super(message);
        this.template = template;
        this.line = 0;
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }

    /** Finds the innermost template context and message in mustache.java's exception chain. */
    static TemplateException from(String rendering, MustacheException e) {
        String file = rendering;
        int line = 0;
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MustacheException me) {
                TemplateContext tc = me.getContext();
                if (tc != null) {
                    file = tc.file();
                    line = tc.line();
                }
                String m = me.getMessage();
                if (m != null && !m.startsWith("Failed to get value for")) {
                    message = stripContext(m);
                }
            } else if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        if (line == 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line ([^:\\s]+):(\\d+)").matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                file = m.group(1);
                line = Integer.parseInt(m.group(2));
            }
        }
        return new TemplateException(file, line, message);
    }

    private static String stripContext(String m) {
        int at = m.lastIndexOf(" @[");
        return at > 0 ? m.substring(0, at) : m;
    }
}
