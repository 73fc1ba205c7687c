package dev.autosync.warehouse;

import dev.autosync.config.PropertyNames;
import dev.autosync.render.ObjectKind;
import dev.autosync.render.QualifiedName;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.RenderedStatement;
import dev.autosync.render.TableColumn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, per rendered object, CREATE / REPLACE / ALTER / UNCHANGED by comparing the manifest's
 * checksums with the deploy history and with what exists. The rules, and why:
 * <ul>
 * <li>Tables are never replaced: new columns are added; dropped or retyped columns are refused
 *     unless destructive changes are allowed.</li>
 * <li>A changed pipe is replaced (Snowflake cannot alter a pipe's COPY) as "Managing Snowpipe" says; replacing
 *     a stage or integration forces its dependent stages and pipes to be recreated, as Snowflake
 *     requires. A file format replaced by name does not (pipes resolve it by name [UNVERIFIED]).</li>
 * <li>A stream is replaced only when it holds no unprocessed rows (replacing loses them), an
 *     internal stage only when allowed (replacing deletes its files).</li>
 * <li>Databases and schemas are created when missing and otherwise left alone.</li>
 * <li>An object that exists but has no history row (created by hand, or by a deploy interrupted
 *     before recording it) is adopted when it provably matches, else re-applied.</li>
 * </ul>
 */
final class DeployPlanner {
    private static final Set<ObjectKind> PROPAGATE = EnumSet.of(ObjectKind.STAGE, ObjectKind.STORAGE_INTEGRATION,
            ObjectKind.NOTIFICATION_INTEGRATION);
    private static final Pattern STAGE_URL = Pattern.compile("(?im)^\\s*URL\\s*=\\s*'([^']*)'");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(?is)\\)\\s*COMMENT\\s*=\\s*('(?:[^']|'')*')\\s*$");

    private final RenderedBundle bundle;
    private final Warehouse w;
    private final DeployOptions options;
    private final List<String> refusals = new ArrayList<>();
    private final Set<String> forced = new HashSet<>();
    private final Map<String, String> forcedBy = new HashMap<>();

    DeployPlanner(RenderedBundle bundle, Warehouse w, DeployOptions options) {
        this.bundle = bundle;
        this.w = w;
        this.options = options;
    }

    DeployPlan plan() throws WarehouseException {
        Inventory inv = Inventory.read(w, bundle);
        for (RenderedStatement st : bundle.statements()) {
            if (st.kind() == ObjectKind.STORAGE_INTEGRATION || st.kind() == ObjectKind.NOTIFICATION_INTEGRATION) {
                inv.loadIntegration(st.kind(), st.name());
            }
        }
        DeployHistory history = new DeployHistory(bundle);
        Map<String, String> recorded = history.latest(w, inv.exists(ObjectKind.TABLE, history.table()));
        List<PlannedStep> steps = new ArrayList<>();
        for (RenderedStatement st : bundle.statements()) {
            PlannedStep step = step(st, inv, recorded.get(st.name()));
            steps.add(step);
            if (step.action() == DeployAction.REPLACE && PROPAGATE.contains(st.kind())) {
                forceDependants(st.name());
            }
        }
        // tasks are created suspended: every task of the pipeline that is new, replaced or not started is resumed
        List<DeployOperation.ResumeTask> resumes = new ArrayList<>();
        for (PlannedStep step : steps) {
            if (step.statement().kind() != ObjectKind.TASK) {
                continue;
            }
            boolean fresh = step.action() == DeployAction.CREATE || step.action() == DeployAction.REPLACE;
            if (fresh || !"started".equalsIgnoreCase(inv.property(ObjectKind.TASK, step.name(), "state"))) {
                resumes.add(new DeployOperation.ResumeTask(step.statement().objectName()));
            }
        }
        return new DeployPlan(w.target().describe(), steps, resumes, refusals);
    }

    private void forceDependants(String name) {
        for (RenderedStatement st : bundle.statements()) {
            if ((st.kind() == ObjectKind.STAGE || st.kind() == ObjectKind.PIPE) && st.dependsOn().contains(name)
                    && forced.add(st.name())) {
                forcedBy.put(st.name(), name);
                forceDependants(st.name());
            }
        }
    }

    private PlannedStep step(RenderedStatement st, Inventory inv, String recordedChecksum) throws WarehouseException {
        if (!inv.exists(st.kind(), st.name())) {
            return new PlannedStep(st, DeployAction.CREATE, "does not exist", List.of(new DeployOperation.RunRendered(st.sql())),
                    List.of(), false);
        }
        if (forced.contains(st.name())) {
            return replace(st, "Snowflake requires it to be recreated because " + forcedBy.get(st.name()) + " is recreated");
        }
        boolean unrecorded = recordedChecksum == null;
        if (!unrecorded && recordedChecksum.equals(st.checksum())) {
            return PlannedStep.unchanged(st, "as deployed");
        }
        String changed = unrecorded ? "exists without a deploy record" : "changed since the last deploy";
        switch (st.kind()) {
            case DATABASE:
            case SCHEMA:
                return PlannedStep.adopt(st, unrecorded ? "exists; adopted" : "exists; databases and schemas are never replaced");
            case TABLE:
                return table(st, inv, unrecorded);
            case PIPE:
                if (unrecorded && sameDefinition(st, inv.property(ObjectKind.PIPE, st.name(), "definition"))) {
                    return PlannedStep.adopt(st, "exists with the same COPY; adopted (its load history is kept)");
                }
                return replace(st, changed);
            case STREAM:
                if (unrecorded) {
                    return PlannedStep.adopt(st, "exists; adopted (its offset is kept)");
                }
                return stream(st, changed);
            case STAGE:
                return stage(st, inv, unrecorded, changed);
            case STORAGE_INTEGRATION:
            case NOTIFICATION_INTEGRATION:
                if (unrecorded) {
                    return PlannedStep.adopt(st, "exists; adopted (an account object: not re-created)");
                }
                return replace(st, changed);
            default:
                return replace(st, unrecorded ? changed + "; re-applied to be sure of its definition" : changed);
        }
    }

    private PlannedStep replace(RenderedStatement st, String reason) {
        List<DeployOperation> ops = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        DeployOperation replaced = new DeployOperation.RunRendered(replaceSql(st.sql()));
        QualifiedName name = st.objectName();
        switch (st.kind()) {
            case PIPE -> {
                // "Managing Snowpipe", recreating pipes: pause, check PAUSED, recreate, pause again, resume, check RUNNING;
                // between the last two, the files staged meanwhile are queued once each (the new pipe has no load history)
                ops.add(new DeployOperation.PausePipe(name));
                ops.add(new DeployOperation.AwaitPaused(name));
                ops.add(replaced);
                ops.add(new DeployOperation.PausePipe(name));
                PipeSource src = PipeSource.of(st.sql());
                if (src != null) {
                    ops.add(new DeployOperation.CatchUpPipe(name, src.landingTable(), src.stage(), src.folder()));
                    notes.add("Replacing " + st.name() + " resets its load history; the files staged since it was paused that "
                            + "are not in " + src.landingTable() + " are queued again, once each.");
                } else {
                    notes.add("Replacing " + st.name() + " resets its load history; its COPY names no stage autosync can read, "
                            + "so files staged while it was paused are not queued again: run ALTER PIPE ... REFRESH yourself.");
                }
                ops.add(new DeployOperation.ResumePipe(name));
            }
            case TASK -> {
                ops.add(new DeployOperation.SuspendTask(name));
                ops.add(replaced);
            }
            case STORAGE_INTEGRATION, NOTIFICATION_INTEGRATION -> {
                ops.add(replaced);
                notes.add("Re-creating " + st.name() + " may give it new trust values; update the cloud side with the values "
                        + "printed after the deploy.");
            }
            default -> ops.add(replaced);
        }
        return new PlannedStep(st, DeployAction.REPLACE, reason, ops, notes, false);
    }

    private PlannedStep table(RenderedStatement st, Inventory inv, boolean unrecorded) throws WarehouseException {
        List<TableColumn> existing = inv.columns(st.name());
        Map<String, String> have = new HashMap<>();
        existing.forEach(c -> have.put(c.name(), c.type()));
        Map<String, String> want = new HashMap<>();
        st.columns().forEach(c -> want.put(c.name(), Inventory.normaliseType(c.type())));
        QualifiedName table = st.objectName();
        List<DeployOperation> ops = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> destructive = new ArrayList<>();
        for (TableColumn c : st.columns()) {
            String current = have.get(c.name());
            if (current == null) {
                ops.add(new DeployOperation.AddColumn(table, c));
            } else if (!current.equals(want.get(c.name()))) {
                destructive.add("column " + c.name() + " would change type from " + current + " to " + c.type());
                ops.add(new DeployOperation.DropColumn(table, c.name()));
                ops.add(new DeployOperation.AddColumn(table, c));
            }
        }
        for (TableColumn c : existing) {
            if (!want.containsKey(c.name())) {
                destructive.add("column " + c.name() + " (" + c.type() + ") would be dropped");
                ops.add(new DeployOperation.DropColumn(table, c.name()));
            }
        }
        if (!destructive.isEmpty()) {
            if (!options.allowDestructive()) {
                refusals.add("TABLE " + st.name() + ": " + String.join("; ", destructive) + ". Deploy never drops data on its "
                        + "own: restore the column in the spec or template, or migrate the data yourself and re-run with "
                        + "-D" + PropertyNames.ALLOW_DESTRUCTIVE + "=true (the column's values are lost).");
                return PlannedStep.unchanged(st, "refused: " + String.join("; ", destructive));
            }
            notes.add("Destructive change allowed: " + String.join("; ", destructive) + "; the values in those columns are lost.");
        }
        if (ops.isEmpty()) {
            if (unrecorded) {
                return PlannedStep.adopt(st, "exists with the same columns; adopted");
            }
            Matcher m = TRAILING_COMMENT.matcher(st.sql());
            if (m.find()) {
                return new PlannedStep(st, DeployAction.ALTER, "same columns; comment refreshed",
                        List.of(new DeployOperation.SetTableComment(table, m.group(1))), List.of(), false);
            }
            return PlannedStep.adopt(st, "same columns");
        }
        long added = ops.stream().filter(o -> o instanceof DeployOperation.AddColumn).count();
        return new PlannedStep(st, DeployAction.ALTER, destructive.isEmpty() ? added + " new column(s)"
                : "destructive change allowed", ops, notes, false);
    }

    private PlannedStep stream(RenderedStatement st, String changed) throws WarehouseException {
        String hasData = w.scalar("SELECT SYSTEM$STREAM_HAS_DATA('" + st.name() + "')");
        if ("true".equalsIgnoreCase(hasData) && !options.allowDestructive()) {
            refusals.add("STREAM " + st.name() + " changed but holds rows its task has not processed yet; replacing it would "
                    + "skip them. Let the task run (EXECUTE TASK), then deploy again, or allow it with "
                    + "-D" + PropertyNames.ALLOW_DESTRUCTIVE + "=true.");
            return PlannedStep.unchanged(st, "refused: unprocessed rows");
        }
        PlannedStep r = replace(st, changed);
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("The stream is re-created at the table's current version.");
        return new PlannedStep(st, r.action(), r.reason(), r.operations(), notes, false);
    }

    private PlannedStep stage(RenderedStatement st, Inventory inv, boolean unrecorded, String changed) {
        Matcher m = STAGE_URL.matcher(st.sql());
        String url = m.find() ? m.group(1) : null;
        String currentUrl = inv.property(ObjectKind.STAGE, st.name(), "url");
        boolean sameUrl = url == null ? currentUrl == null || currentUrl.isEmpty() : url.equals(currentUrl);
        if (unrecorded && sameUrl) {
            return PlannedStep.adopt(st, "exists with the same location; adopted");
        }
        if (url == null && !options.allowDestructive()) {
            refusals.add("STAGE " + st.name() + " changed, and replacing an internal stage deletes the files in it. Keep its "
                    + "definition, or allow it with -D" + PropertyNames.ALLOW_DESTRUCTIVE + "=true.");
            return PlannedStep.unchanged(st, "refused: internal stage files would be deleted");
        }
        return replace(st, changed);
    }

    /** Whether SHOW PIPES' definition is the COPY of the rendered statement (whitespace aside). */
    static boolean sameDefinition(RenderedStatement st, String definition) {
        if (definition == null) {
            return false;
        }
        String sql = st.sql();
        Matcher m = Pattern.compile("(?im)^AS\\s*$").matcher(sql);
        String copy = m.find() ? sql.substring(m.end()) : sql;
        return squash(copy).equalsIgnoreCase(squash(definition));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip().replaceAll(";$", "");
    }

    /** {@code CREATE X IF NOT EXISTS n} becomes {@code CREATE OR REPLACE X n}; views already replace. */
    static String replaceSql(String sql) {
        StringBuilder out = new StringBuilder();
        boolean done = false;
        for (String line : sql.split("\n", -1)) {
            if (!done && line.stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE ")) {
                line = line.replaceFirst("(?i)^(\\s*)CREATE\\s+(OR\\s+REPLACE\\s+)?(.*?)\\s+IF\\s+NOT\\s+EXISTS\\s+",
                        "$1CREATE OR REPLACE $3 ");
                done = true;
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
