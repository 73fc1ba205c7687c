package dev.autosync.warehouse;

import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.StreamlitApp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exactly what a reader role needs for {@code status}, the monitoring views and the status page:
 * USAGE on the database and schema, SELECT on the pipeline's views (the freshness view among them)
 * and tables, MONITOR on its pipes (SYSTEM$PIPE_STATUS; COPY_HISTORY shows pipe names only to
 * MONITOR, and the metrics view joins on them) and on its tasks (TASK_HISTORY, SHOW TASKS state),
 * SELECT on its streams (SHOW STREAMS lists only streams the role has a privilege on; selecting from
 * a stream does not advance it) and, when deploy publishes the Streamlit app, USAGE on it: viewing
 * an app needs USAGE on its database, schema and the app ("Privileges required to view a Streamlit
 * app"). In Snowflake the page runs with its owner's rights; the grants let the reader open it and
 * run the same reads itself (status, a local run of the page). Docs: functions/copy_history,
 * functions/system_pipe_status, functions/task_history, user-guide/security-access-control-privileges,
 * developer-guide/streamlit/object-management/privileges.
 */
public final class ReaderGrants {
    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

    private ReaderGrants() {
    }

    /** The GRANT statements for {@code role} without the Streamlit app; see {@link #statements(RenderedBundle, String, boolean)}. */
    public static List<String> statements(RenderedBundle b, String role) {
        return statements(b, role, false);
    }

    /**
     * The GRANT statements for {@code role} ({@code streamlitApp}: deploy publishes the status page, so the role gets
     * USAGE on it too; run that grant after the app exists); IllegalArgumentException when the role is not a plain
     * identifier.
     */
    public static List<String> statements(RenderedBundle b, String role, boolean streamlitApp) {
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("readerRole '" + role + "' is not a plain role name (letters, digits, _ and $, "
                    + "starting with a letter or _)");
        }
        String to = " TO ROLE " + role;
        List<String> out = new ArrayList<>();
        out.add("GRANT USAGE ON DATABASE " + b.database() + to);
        out.add("GRANT USAGE ON SCHEMA " + b.database() + "." + b.schema() + to);
        for (RenderedStatement st : b.statements()) {
            switch (st.kind()) {
                case VIEW -> out.add("GRANT SELECT ON VIEW " + st.name() + to);
                case TABLE -> out.add("GRANT SELECT ON TABLE " + st.name() + to);
                case PIPE -> out.add("GRANT MONITOR ON PIPE " + st.name() + to);
                case TASK -> out.add("GRANT MONITOR ON TASK " + st.name() + to);
                case STREAM -> out.add("GRANT SELECT ON STREAM " + st.name() + to);
                default -> { }
            }
        }
        if (streamlitApp) {
            out.add("GRANT USAGE ON STREAMLIT " + StreamlitApp.appName(b).sql() + to);
        }
        return out;
    }

    /** The script deploy writes next to plan.sql, to run by hand (as the role that owns the objects, or SECURITYADMIN). */
    public static String script(RenderedBundle b, String role) {
        return script(b, role, false);
    }

    public static String script(RenderedBundle b, String role, boolean streamlitApp) {
        StringBuilder sb = new StringBuilder("-- autosync: what role " + role + " needs to read the pipeline's status, views and "
                + "status page.\n-- MONITOR on the pipes: COPY_HISTORY shows pipe names (which the metrics view joins on) only "
                + "with it.\n");
        statements(b, role, streamlitApp).forEach(s -> sb.append(s).append(";\n"));
        return sb.toString();
    }
}
