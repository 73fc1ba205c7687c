package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal privilege model (issue 13): roles, GRANT/REVOKE of privileges on the account and on
 * objects, GRANT ROLE (inheritance), SHOW GRANTS TO ROLE, and the checks deploy and e2e meet:
 * CREATE &lt;kind&gt; on a schema, CREATE DATABASE / INTEGRATION, EXECUTE TASK and EXECUTE MANAGED TASK
 * on the account, MONITOR on a pipe for COPY_HISTORY. ACCOUNTADMIN and SYSADMIN, and roles that
 * inherit them, may do everything (SYSADMIN owns every object here): today's behaviour for every
 * session that does not log in with, or USE, a role of its own. Docs: sql-reference/sql/grant-privilege,
 * show-grants, create-task ("Task security"), user-guide/security-access-control-privileges.
 */
final class Privileges {
    static final String TABLE = Catalog.SYS + ".grants";
    private static final Set<String> ADMINS = Set.of("ACCOUNTADMIN", "SYSADMIN");
    private static final Set<String> BUILT_IN = Set.of("ACCOUNTADMIN", "SYSADMIN", "SECURITYADMIN", "USERADMIN", "PUBLIC");
    private static final Pattern GRANT_ROLE = Pattern.compile("(?is)^\\s*(GRANT|REVOKE)\\s+ROLE\\s+(\\S+)\\s+(?:TO|FROM)\\s+(ROLE|USER)\\s+(\\S+)\\s*;?\\s*$");
    private static final Pattern GRANT = Pattern.compile("(?is)^\\s*(GRANT|REVOKE)\\s+(.+?)\\s+ON\\s+(.+?)\\s+(?:TO|FROM)\\s+ROLE\\s+(\\S+)"
            + "(?:\\s+WITH\\s+GRANT\\s+OPTION)?\\s*;?\\s*$");

    private final Catalog catalog;

    Privileges(Connection conn, Catalog catalog) throws SQLException {
        this.catalog = catalog;
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (grantee VARCHAR, privilege VARCHAR, granted_on VARCHAR, name VARCHAR, "
                    + "created_on TIMESTAMPTZ)");
        }
    }

    private static String norm(String name) {
        return name.replace("\"", "").strip().toUpperCase(Locale.ROOT);
    }

    /** CREATE ROLE [IF NOT EXISTS] r: a role is a row granting it nothing yet. */
    Result createRole(StatementContext st) throws SQLException {
        Matcher m = Pattern.compile("(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?ROLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+?)\\s*;?\\s*$")
                .matcher(st.cursor().sql());
        if (!m.matches()) {
            throw SnowflakeError.unsupported("this form of CREATE ROLE");
        }
        String role = norm(m.group(3));
        if (exists(st.session(), role)) {
            if (m.group(2) != null || m.group(1) != null) {
                return Result.ddl("Statement executed successfully.");
            }
            throw SnowflakeError.alreadyExists("Role", role);
        }
        insert(st.session(), role, "", "ROLE_CREATED", "");
        return Result.ddl("Role " + role + " successfully created.");
    }

    /** A built-in role or one CREATE ROLE made (or granted to). */
    boolean exists(Session s, String role) throws SQLException {
        if (BUILT_IN.contains(role)) {
            return true;
        }
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT 1 FROM " + TABLE + " WHERE grantee = ? LIMIT 1")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** GRANT / REVOKE of privileges or of a role. */
    Result grant(StatementContext st) throws SQLException {
        Session s = st.session();
        if (!isAdmin(s, s.role())) {
            throw new SnowflakeError("003001", "42501", "SQL access control error:\nInsufficient privileges to operate on account "
                    + "'AUTOSYNC_LOCAL'"); // UNVERIFIED: the emulator lets only admin roles grant
        }
        String sql = st.cursor().sql();
        Matcher r = GRANT_ROLE.matcher(sql);
        if (r.matches()) {
            if (r.group(3).equalsIgnoreCase("USER")) {
                return Result.ddl("Statement executed successfully."); // users have no roles here: the session's role counts
            }
            requireRole(s, norm(r.group(2)));
            requireRole(s, norm(r.group(4)));
            change(s, r.group(1), norm(r.group(4)), "USAGE", "ROLE", norm(r.group(2)));
            return Result.ddl("Statement executed successfully.");
        }
        Matcher m = GRANT.matcher(sql);
        if (!m.matches()) {
            throw SnowflakeError.unsupported("this form of " + r.group(0).split("\\s+")[0]);
        }
        String role = norm(m.group(4));
        requireRole(s, role);
        String on = m.group(3).strip().replaceAll("\\s+", " ");
        String kind;
        String name;
        if (on.equalsIgnoreCase("ACCOUNT")) {
            kind = "ACCOUNT";
            name = "";
        } else {
            int space = on.lastIndexOf(' ');
            kind = on.substring(0, Math.max(space, 0)).toUpperCase(Locale.ROOT);
            name = norm(on.substring(space + 1));
            if (kind.isEmpty()) {
                throw SnowflakeError.compilation("GRANT ... ON needs an object kind and name, or ACCOUNT: '" + on + "'");
            }
        }
        for (String p : m.group(2).split(",")) {
            String priv = p.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            change(s, m.group(1), role, priv.equals("ALL PRIVILEGES") ? "ALL" : priv, kind, name);
        }
        return Result.ddl("Statement executed successfully.");
    }

    private void requireRole(Session s, String role) throws SQLException {
        if (!exists(s, role)) {
            throw SnowflakeError.doesNotExist("Role", role);
        }
    }

    private void change(Session s, String verb, String role, String privilege, String kind, String name) throws SQLException {
        if (verb.equalsIgnoreCase("GRANT")) {
            if (!has(s, List.of(role), privilege, kind, name, false)) {
                insert(s, role, privilege, kind, name);
            }
            return;
        }
        try (PreparedStatement ps = s.conn().prepareStatement("DELETE FROM " + TABLE + " WHERE grantee = ? AND privilege = ? "
                + "AND granted_on = ? AND name = ?")) {
            ps.setString(1, role);
            ps.setString(2, privilege);
            ps.setString(3, kind);
            ps.setString(4, name);
            ps.executeUpdate();
        }
    }

    private void insert(Session s, String role, String privilege, String kind, String name) throws SQLException {
        try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, now())")) {
            ps.setString(1, role);
            ps.setString(2, privilege);
            ps.setString(3, kind);
            ps.setString(4, name);
            ps.executeUpdate();
        }
    }

    /** The role and every role granted to it, transitively. */
    List<String> closure(Session s, String role) throws SQLException {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(norm(role)));
        while (!toVisit.isEmpty()) {
            String r = toVisit.pop();
            if (!seen.add(r)) {
                continue;
            }
            if (r.equals("ACCOUNTADMIN")) {
                toVisit.add("SYSADMIN");
                toVisit.add("SECURITYADMIN");
            }
            try (PreparedStatement ps = s.conn().prepareStatement("SELECT name FROM " + TABLE + " WHERE grantee = ? AND "
                    + "granted_on = 'ROLE'")) {
                ps.setString(1, r);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        toVisit.add(rs.getString(1));
                    }
                }
            }
        }
        return new ArrayList<>(seen);
    }

    boolean isAdmin(Session s, String role) throws SQLException {
        return closure(s, role).stream().anyMatch(ADMINS::contains);
    }

    /** Whether the session's role (or one it inherits) holds the privilege (or ALL or OWNERSHIP) on the object. */
    boolean holds(Session s, String privilege, String kind, String name) throws SQLException {
        List<String> roles = closure(s, s.role());
        return roles.stream().anyMatch(ADMINS::contains) || has(s, roles, privilege, kind, norm(name), true);
    }

    private boolean has(Session s, List<String> roles, String privilege, String kind, String name, boolean implied) throws SQLException {
        for (String role : roles) {
            try (PreparedStatement ps = s.conn().prepareStatement("SELECT privilege FROM " + TABLE + " WHERE grantee = ? AND "
                    + "granted_on = ? AND name = ?")) {
                ps.setString(1, role);
                ps.setString(2, kind);
                ps.setString(3, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String p = rs.getString(1);
                        if (p.equals(privilege) || implied && (p.equals("ALL") || p.equals("OWNERSHIP"))) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the session's role may use the schema object {@code db.schema.name} of {@code kind} with {@code privilege}
     * (SELECT on a table or view, USAGE on a Streamlit): the privilege, ALL or OWNERSHIP on it. The admin roles (the
     * default of every session that does not pick a role) pass without a look-up.
     */
    boolean mayUse(Session s, String privilege, String kind, String name) throws SQLException {
        return ADMINS.contains(norm(s.role())) || holds(s, privilege, kind, name);
    }

    /** The creator's role owns what it creates (recorded for roles other than the admin ones, which own everything here). */
    void own(Session s, String kind, String name) throws SQLException {
        if (!isAdmin(s, s.role()) && !has(s, List.of(norm(s.role())), "OWNERSHIP", kind, norm(name), false)) {
            insert(s, norm(s.role()), "OWNERSHIP", kind, norm(name));
        }
    }

    /** Fails as Snowflake does when the session's role lacks a privilege on a schema or the account. */
    void require(Session s, String privilege, String kind, String name, String what) throws SQLException {
        if (!holds(s, privilege, kind, name)) {
            throw new SnowflakeError("003001", "42501", "SQL access control error:\nInsufficient privileges to operate on "
                    + what + ".");
        }
    }

    /** EXECUTE TASK on the account, and EXECUTE MANAGED TASK for a serverless task, for RESUME and EXECUTE TASK. */
    void requireTaskPrivileges(Session s, CatalogObject task) throws SQLException {
        boolean serverless = !task.props().hasNonNull("WAREHOUSE");
        if (!holds(s, "EXECUTE TASK", "ACCOUNT", "") || serverless && !holds(s, "EXECUTE MANAGED TASK", "ACCOUNT", "")) {
            // UNVERIFIED: the text Snowflake gives (create-task "Task security": RESUME and EXECUTE TASK check these)
            throw new SnowflakeError("003001", "42501", "Cannot execute task , EXECUTE TASK privilege must be granted to owner role"
                    + (serverless ? " (and EXECUTE MANAGED TASK, for a serverless task)" : ""));
        }
    }

    /** SHOW GRANTS TO ROLE r. */
    Result showGrants(StatementContext st) throws SQLException {
        Matcher m = Pattern.compile("(?is)^\\s*SHOW\\s+GRANTS\\s+TO\\s+ROLE\\s+(\\S+?)\\s*;?\\s*$").matcher(st.cursor().sql());
        if (!m.matches()) {
            throw SnowflakeError.unsupported("SHOW GRANTS other than TO ROLE <role>");
        }
        Session s = st.session();
        String role = norm(m.group(1));
        requireRole(s, role);
        List<Object[]> rows = new ArrayList<>();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (role.equals("ACCOUNTADMIN")) {
            rows.add(row(now, "USAGE", "ROLE", "SYSADMIN", role));
            rows.add(row(now, "USAGE", "ROLE", "SECURITYADMIN", role));
        }
        if (role.equals("SYSADMIN") || role.equals("ACCOUNTADMIN")) {
            for (String p : List.of("CREATE DATABASE", "CREATE INTEGRATION", "EXECUTE TASK", "EXECUTE MANAGED TASK")) {
                rows.add(row(now, p, "ACCOUNT", "AUTOSYNC_LOCAL", role));
            }
        }
        if (role.equals("SYSADMIN")) {
            for (CatalogObject o : catalog.list(CatalogKind.DATABASE)) {
                rows.add(row(now, "OWNERSHIP", "DATABASE", o.ref().display(), role));
            }
            for (CatalogObject o : catalog.list(CatalogKind.SCHEMA)) {
                rows.add(row(now, "OWNERSHIP", "SCHEMA", o.ref().display(), role));
            }
        }
        try (PreparedStatement ps = s.conn().prepareStatement("SELECT privilege, granted_on, name FROM " + TABLE + " WHERE grantee = ? "
                + "AND granted_on <> 'ROLE_CREATED' ORDER BY created_on")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(2);
                    rows.add(row(now, rs.getString(1), kind, kind.equals("ACCOUNT") ? "AUTOSYNC_LOCAL" : rs.getString(3), role));
                }
            }
        }
        return new Result(StatementKind.SELECT, List.of(new ResultColumn("created_on", SfType.TIMESTAMP_LTZ),
                ResultColumn.text("privilege"), ResultColumn.text("granted_on"), ResultColumn.text("name"),
                ResultColumn.text("granted_to"), ResultColumn.text("grantee_name"), ResultColumn.text("grant_option"),
                ResultColumn.text("granted_by")), rows);
    }

    private static Object[] row(java.time.OffsetDateTime at, String privilege, String kind, String name, String role) {
        return new Object[] {at, privilege, kind.replace(' ', '_'), name, "ROLE", role, "false", "ACCOUNTADMIN"};
    }
}
