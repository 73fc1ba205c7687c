package dev.autosync.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mustache for SQL. Templates come from the user's folder when it has one of that name, else from
 * the plugin. Rendering is strict: only {@link SqlSafe} values and numbers can be written (so no raw
 * text and no HTML escaping reaches SQL), an unknown name is an error, and {@code {{{x}}}} is refused.
 * Errors carry the template name and line.
 */
public final class SqlTemplates {
    static final String CLASSPATH_ROOT = "autosync/templates/";
    private static final String EXTENSION = ".mustache";

    private static final java.util.regex.Pattern STANDALONE_PARTIAL =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*(\\{\\{>\\s*[^}]+\\}\\})[ \\t]*\\r?\\n");

    private final Path userFolder;
    private final Factory factory;

    public SqlTemplates(Path userFolder) {
        this.userFolder = userFolder;
        this.factory = new Factory();
    }

    /** Renders {@code name} (such as {@code pipeline/pipe.sql.mustache}) with the model. */
    public String render(String name, Map<String, Object> model) throws TemplateException {
        try {
            Mustache m = factory.compile(name);
            StringWriter out = new StringWriter();
            m.execute(out, List.of(model)).flush();
            return out.toString();
        } catch (MustacheException e) {
            throw TemplateException.from(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a template comes from: the user's file or the plugin's. */
    public String origin(String name) {
        return userFile(name).map(Path::toString).orElse("plugin:" + name);
    }

    /** The template's text, for fingerprints and diagnostics. */
    public String source(String name) throws TemplateException {
        try (Reader r = open(name)) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return w.toString();
        } catch (IOException e) {
            throw new TemplateException(name, 0, "cannot be read: " + e.getMessage());
        }
    }

    private Optional<Path> userFile(String name) {
        if (userFolder == null) {
            return Optional.empty();
        }
        Path p = userFolder.resolve(name).normalize();
        if (!p.startsWith(userFolder.normalize()) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /**
     * A partial tag alone on its line stands for the partial's lines, as in the Mustache spec: the
     * line's own newline is dropped so the partial's text (which ends with its own newline) does not
     * leave a blank line behind. mustache.java does not do this itself.
     */
    private Reader open(String name) throws IOException {
        try (Reader r = openRaw(name)) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return new StringReader(STANDALONE_PARTIAL.matcher(w.toString()).replaceAll("$1"));
        }
    }

    private Reader openRaw(String name) throws IOException {
        Optional<Path> user = userFile(name);
        if (user.isPresent()) {
            return Files.newBufferedReader(user.get(), StandardCharsets.UTF_8);
        }
        InputStream in = SqlTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name);
        if (in == null) {
            throw new IOException("no template named " + name + " (looked in "
                    + (userFolder == null ? "" : userFolder + " and ") + "the plugin's templates)");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private final class Factory extends DefaultMustacheFactory {
        Factory() {
            setObjectHandler(new SqlObjectHandler());
        }

        @Override
        public Reader getReader(String resourceName) {
            try {
                return open(resourceName);
            } catch (IOException e) {
                throw new MustacheException(e.getMessage());
            }
        }

        /** Partials are named from the template root: {@code {{> partials/copy_select}}}. */
        @Override
        public String resolvePartialPath(String dir, String name, String extension) {
            return name.endsWith(EXTENSION) ? name : name + EXTENSION;
        }

        /** SQL is not HTML: values are written as they are (they are all SQL-safe already). */
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException(e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    if (!encoded) {
                        throw new MustacheException("{{{" + variable + "}}} is not allowed in SQL templates; write {{"
                                + variable + "}} (values are always SQL-safe)", tc);
                    }
                    super.value(tc, variable, true);
                }

                @Override
                public void pragma(TemplateContext tc, String pragma, String args) {
                    throw new MustacheException("pragmas are not allowed in SQL templates", tc);
                }
            };
        }
    }

    /** Looks names up in map scopes only; refuses unknown names and anything not SQL-safe. */
    private static final class SqlObjectHandler extends AbstractObjectHandler {
        private static final Object MISSING = new Object();

        @Override
        public Wrapper find(String name, List<Object> scopes) {
            return s -> {
                Object v = lookup(name, s);
                return v == MISSING ? null : v;
            };
        }

        @Override
        public Binding createBinding(String name, TemplateContext tc, Code code) {
            return scopes -> {
                Object v = lookup(name, scopes);
                if (v == MISSING) {
                    throw new MustacheException("{{" + name + "}} is not a value this template can use", tc);
                }
                if (v == null && code instanceof ValueCode) {
                    throw new MustacheException("{{" + name + "}} has no value here; wrap it in {{#" + name
                            + "}}...{{/" + name + "}}", tc);
                }
                return v;
            };
        }

        private static Object lookup(String name, List<Object> scopes) {
            if (name.equals(".")) {
                return scopes.isEmpty() ? MISSING : scopes.get(scopes.size() - 1);
            }
            String[] parts = name.split("\\.");
            for (int i = scopes.size() - 1; i >= 0; i--) {
                if (scopes.get(i) instanceof Map<?, ?> map && map.containsKey(parts[0])) {
                    Object v = map.get(parts[0]);
                    for (int j = 1; j < parts.length; j++) {
                        if (!(v instanceof Map<?, ?> inner) || !inner.containsKey(parts[j])) {
                            return MISSING;
                        }
                        v = inner.get(parts[j]);
                    }
                    return v;
                }
            }
            return MISSING;
        }

        @Override
        public String stringify(Object object) {
            if (object instanceof SqlSafe s) {
                return s.sql();
            }
            if (object instanceof Integer || object instanceof Long) {
                return object.toString();
            }
            throw new MustacheException("a " + object.getClass().getSimpleName()
                    + " cannot be written into SQL; only identifiers, string literals and numbers can");
        }
    }

    /** For tests: renders a template given as text. */
    String renderText(String name, String text, Map<String, Object> model) throws TemplateException {
        try {
            Mustache m = factory.compile(new StringReader(text), name);
            StringWriter out = new StringWriter();
            m.execute(out, List.of(model)).flush();
            return out.toString();
        } catch (MustacheException e) {
            throw TemplateException.from(name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
