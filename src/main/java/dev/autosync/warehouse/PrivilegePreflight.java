package dev.autosync.warehouse;

import dev.autosync.render.ObjectKind;
import dev.autosync.render.RenderedBundle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Before deploy changes anything: does the session's role hold what the plan needs? Read from
 * SHOW GRANTS TO ROLE for the role and every role it inherits (sql-reference/sql/show-grants).
 * What it checks: CREATE DATABASE (account) or USAGE on the database, CREATE SCHEMA (database) or
 * USAGE on the schema, CREATE &lt;kind&gt; on the schema for each object created or replaced,
 * CREATE INTEGRATION (account) when an integration changes, EXECUTE TASK and, for serverless tasks,
 * EXECUTE MANAGED TASK (account) when a task is resumed (create-task "Task security"). OWNERSHIP
 * implies every privilege on its object, and objects this deploy creates are owned by the role.
 * What it cannot know: replacing an existing object needs OWNERSHIP of that object itself, and
 * privileges given to PUBLIC or through database roles are not followed; a role holding
 * ACCOUNTADMIN has everything. A failure to read the grants is reported, not treated as missing.
 */
public final class PrivilegePreflight {
    private static final Set<ObjectKind> ACCOUNT_LEVEL = EnumSet.of(ObjectKind.DATABASE, ObjectKind.STORAGE_INTEGRATION,
            ObjectKind.NOTIFICATION_INTEGRATION);

    /** One privilege the role lacks and the statement (run by a role that may grant it) that gives it. */
    public record Missing(String privilege, String on, String why, String grant) {
        @Override
        public String toString() {
            return privilege + " on " + on + " (" + why + "): " + grant;
        }
    }

    /** The outcome: the role checked, what is missing, or why the grants could not be read. */
    public record Result(String role, List<Missing> missing, String unreadable) {
        public boolean ok() {
            return missing.isEmpty();
        }
    }

    private record Grant(String privilege, String on, String name) {
    }

    private PrivilegePreflight() {
    }

    public static Result check(RenderedBundle b, DeployPlan plan, Warehouse w) throws WarehouseException {
        String role = w.scalar("SELECT CURRENT_ROLE()");
        if (role == null || role.isBlank()) {
            return new Result("(none)", List.of(), "the session has no current role");
        }
        List<Grant> grants = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(role.toUpperCase(Locale.ROOT)));
        try {
            while (!toVisit.isEmpty()) {
                String r = toVisit.pop();
                if (!roles.add(r)) {
                    continue;
                }
                for (Map<String, String> row : w.query("SHOW GRANTS TO ROLE " + r)) {
                    Grant g = new Grant(up(row.get("PRIVILEGE")), up(row.get("GRANTED_ON")).replace('_', ' '), up(row.get("NAME")));
                    if (g.on().equals("ROLE") && g.privilege().equals("USAGE")) {
                        toVisit.add(g.name());
                    }
                    grants.add(g);
                }
            }
        } catch (WarehouseException e) {
            return new Result(role, List.of(), "SHOW GRANTS TO ROLE failed: " + e.getMessage());
        }
        if (roles.contains("ACCOUNTADMIN")) {
            return new Result(role, List.of(), null);
        }
        List<Missing> missing = new ArrayList<>();
        String db = b.database().toUpperCase(Locale.ROOT);
        String schema = db + "." + b.schema().toUpperCase(Locale.ROOT);
        boolean newDb = creates(plan, ObjectKind.DATABASE);
        boolean newSchema = newDb || creates(plan, ObjectKind.SCHEMA);
        if (newDb) {
            need(grants, missing, role, "CREATE DATABASE", "ACCOUNT", "", "to create " + db);
        } else if (!has(grants, "USAGE", "DATABASE", db)) {
            need(grants, missing, role, "USAGE", "DATABASE", db, "to use " + db);
        }
        if (!newDb && creates(plan, ObjectKind.SCHEMA)) {
            need(grants, missing, role, "CREATE SCHEMA", "DATABASE", db, "to create " + schema);
        } else if (!newSchema && !has(grants, "USAGE", "SCHEMA", schema)) {
            need(grants, missing, role, "USAGE", "SCHEMA", schema, "to use " + schema);
        }
        Set<String> asked = new LinkedHashSet<>();
        for (PlannedStep s : plan.steps()) {
            ObjectKind k = s.statement().kind();
            if (!s.changes() || k == ObjectKind.SCHEMA || k == ObjectKind.DATABASE) {
                continue;
            }
            if (k == ObjectKind.STORAGE_INTEGRATION || k == ObjectKind.NOTIFICATION_INTEGRATION) {
                if (asked.add("INTEGRATION")) {
                    need(grants, missing, role, "CREATE INTEGRATION", "ACCOUNT", "", s.action().name().toLowerCase(Locale.ROOT)
                            + " " + s.name());
                }
            } else if (!newSchema && !ACCOUNT_LEVEL.contains(k) && s.action() != DeployAction.ALTER && asked.add(k.name())) {
                need(grants, missing, role, "CREATE " + k.ddlName(), "SCHEMA", schema, s.action().name().toLowerCase(Locale.ROOT)
                        + " " + s.name());
            }
        }
        if (!plan.resumes().isEmpty()) {
            String task = plan.resumes().get(0).task().sql();
            need(grants, missing, role, "EXECUTE TASK", "ACCOUNT", "", "to resume " + task + " (and for e2e's EXECUTE TASK)");
            boolean serverless = b.statements().stream().anyMatch(st -> st.kind() == ObjectKind.TASK
                    && !st.sql().toUpperCase(Locale.ROOT).matches("(?s).*\\bWAREHOUSE\\s*=.*"));
            if (serverless) {
                need(grants, missing, role, "EXECUTE MANAGED TASK", "ACCOUNT", "", "the tasks are serverless (no WAREHOUSE)");
            }
        }
        return new Result(role, missing, null);
    }

    private static boolean creates(DeployPlan plan, ObjectKind kind) {
        return plan.steps().stream().anyMatch(s -> s.statement().kind() == kind && s.action() == DeployAction.CREATE);
    }

    private static void need(List<Grant> grants, List<Missing> missing, String role, String privilege, String on, String name,
                             String why) {
        if (has(grants, privilege, on, name)) {
            return;
        }
        String target = on.equals("ACCOUNT") ? "ACCOUNT" : on + " " + name;
        missing.add(new Missing(privilege, target, why, "GRANT " + privilege + " ON " + target + " TO ROLE " + role + ";"
                + (on.equals("ACCOUNT") && privilege.startsWith("EXECUTE") ? "  -- as ACCOUNTADMIN" : "")));
    }

    private static boolean has(List<Grant> grants, String privilege, String on, String name) {
        for (Grant g : grants) {
            if (!g.on().equals(on) || !on.equals("ACCOUNT") && !g.name().equals(name)) {
                continue;
            }
            if (g.privilege().equals(privilege) || g.privilege().equals("OWNERSHIP") || g.privilege().equals("ALL")) {
                return true;
            }
        }
        // ownership of the database or schema that holds the object implies the privileges in it
        if (on.equals("SCHEMA") && name.contains(".")) {
            String db = name.substring(0, name.indexOf('.'));
            return grants.stream().anyMatch(g -> g.privilege().equals("OWNERSHIP") && (g.on().equals("SCHEMA") && g.name().equals(name)
                    || g.on().equals("DATABASE") && g.name().equals(db)));
        }
        return false;
    }

    private static String up(String s) {
        return s == null ? "" : s.replace("\"", "").strip().toUpperCase(Locale.ROOT);
    }
}
