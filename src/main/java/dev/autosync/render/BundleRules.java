package dev.autosync.render;

import dev.autosync.sql.SqlSyntaxException;
import dev.autosync.sql.parse.SqlParser;
import dev.autosync.sql.parse.TokenStream;
import dev.autosync.sql.rules.CopyRules;
import dev.autosync.sql.rules.PipeRules;
import dev.autosync.sql.rules.StageKind;
import dev.autosync.sql.rules.StageResolver;
import dev.autosync.sql.rules.Violation;
import dev.autosync.sql.tree.Property;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rendered bundle against the rules Snowflake holds a COPY and a pipe to
 * ({@code dev.autosync.sql.rules}, the rules the emulator enforces), so a template override or a
 * pipeline spec that Snowflake would reject fails render, naming the statement file, the template, the
 * rule and its documentation page, instead of the first real deploy. Render knows no SQL UDFs: only
 * Snowflake's own functions pass.
 */
final class BundleRules {
    private static final PipeRules PIPES = new PipeRules(CopyRules.builtInOnly());

    private BundleRules() {
    }

    static void check(RenderedBundle bundle) throws SnowflakeRuleException {
        StageResolver stages = stages(bundle);
        List<String> problems = new ArrayList<>();
        String firstTemplate = null;
        for (RenderedStatement s : bundle.statements()) {
            List<String> found = check(s, stages);
            if (!found.isEmpty() && firstTemplate == null) {
                firstTemplate = s.template();
            }
            found.forEach(p -> problems.add(where(s) + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new SnowflakeRuleException(problems, firstTemplate);
        }
    }

    private static List<String> check(RenderedStatement s, StageResolver stages) {
        TokenStream t = new TokenStream(s.sql());
        boolean pipe = t.isWord("CREATE") && isPipe(t);
        boolean copy = t.isWord("COPY");
        if (!pipe && !copy) {
            return List.of();
        }
        try {
            SqlParser parser = SqlParser.of(s.sql());
            List<Violation> violations = pipe ? PIPES.check(parser.createPipe(), stages)
                    : CopyRules.builtInOnly().check(parser.copyInto(), false);
            return violations.stream().map(Violation::explained).toList();
        } catch (SqlSyntaxException e) {
            return List.of("the statement cannot be read as " + (pipe ? "CREATE PIPE ... AS COPY INTO" : "COPY INTO") + ": "
                    + e.getMessage());
        }
    }

    /** Whether a CREATE statement creates a pipe: PIPE among its first words (CREATE OR REPLACE PIPE ...). */
    private static boolean isPipe(TokenStream t) {
        for (int i = 1; i <= 3; i++) {
            if (t.peek(i).isWord("PIPE")) {
                return true;
            }
        }
        return false;
    }

    private static String where(RenderedStatement s) {
        return "sql/" + s.fileName() + " (" + s.kind() + " " + s.name() + ", " + (s.userTemplate() ? "your template " : "template ")
                + s.template() + ")";
    }

    /** What each stage of the bundle reads, from its CREATE STAGE's URL; names resolve in the bundle's schema. */
    private static StageResolver stages(RenderedBundle bundle) {
        Map<List<String>, StageKind> kinds = new HashMap<>();
        for (RenderedStatement s : bundle.statements()) {
            if (s.kind() == ObjectKind.STAGE) {
                kinds.put(qualify(s.objectName().parts().stream().map(Identifier::name).toList(), bundle), stageKind(s.sql()));
            }
        }
        return location -> {
            String name = location.contains("/") ? location.substring(0, location.indexOf('/')) : location;
            try {
                return kinds.getOrDefault(qualify(SqlParser.of(name).nameParts(), bundle), StageKind.UNKNOWN);
            } catch (SqlSyntaxException e) {
                return StageKind.UNKNOWN;
            }
        };
    }

    private static List<String> qualify(List<String> parts, RenderedBundle bundle) {
        List<String> out = new ArrayList<>(parts);
        if (out.size() == 1) {
            out.add(0, bundle.schema());
        }
        if (out.size() == 2) {
            out.add(0, bundle.database());
        }
        return out;
    }

    /** The kind of stage a CREATE STAGE makes: its URL's cloud, or internal without one; UNKNOWN if unreadable. */
    private static StageKind stageKind(String sql) {
        try {
            SqlParser p = SqlParser.of(sql);
            TokenStream t = p.tokens();
            t.expect("CREATE");
            t.acceptAll("OR", "REPLACE");
            if (!t.accept("TEMPORARY")) {
                t.accept("TEMP");
            }
            t.expect("STAGE");
            t.acceptAll("IF", "NOT", "EXISTS");
            p.nameParts();
            List<Property> props = p.properties(Set.of());
            return StageKind.ofUrl(Property.find(props, "URL").map(Property::text).orElse(null));
        } catch (SqlSyntaxException e) {
            return StageKind.UNKNOWN;
        }
    }
}
