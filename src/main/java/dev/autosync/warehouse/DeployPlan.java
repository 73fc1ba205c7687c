package dev.autosync.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a deploy will do: one step per rendered object in order, the tasks to resume afterwards,
 * and the destructive changes it refuses to make. Written as plan.json and plan.sql, printed as a table.
 */
public record DeployPlan(String target, List<PlannedStep> steps, List<DeployOperation.ResumeTask> resumes,
                         List<String> refusals) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DeployPlan {
        steps = List.copyOf(steps);
        resumes = List.copyOf(resumes);
        refusals = List.copyOf(refusals);
    }

    public Map<DeployAction, Integer> counts() {
        Map<DeployAction, Integer> m = new EnumMap<>(DeployAction.class);
        for (DeployAction a : DeployAction.values()) {
            m.put(a, 0);
        }
        steps.forEach(s -> m.merge(s.action(), 1, Integer::sum));
        return m;
    }

    public boolean hasChanges() {
        return steps.stream().anyMatch(PlannedStep::changes) || !resumes.isEmpty();
    }

    public String summary() {
        Map<DeployAction, Integer> c = counts();
        return c.get(DeployAction.CREATE) + " to create, " + c.get(DeployAction.REPLACE) + " to replace, "
                + c.get(DeployAction.ALTER) + " to alter, " + c.get(DeployAction.UNCHANGED) + " unchanged"
                + (resumes.isEmpty() ? "" : ", " + resumes.size() + " task(s) to resume");
    }

    /** The plan as aligned text lines: action, kind, object, reason. */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ACTION", "KIND", "OBJECT", "WHY"});
        for (PlannedStep s : steps) {
            rows.add(new String[] {s.action().name(), s.statement().kind().ddlName(), s.name(), s.reason()});
        }
        for (DeployOperation.ResumeTask r : resumes) {
            rows.add(new String[] {"ALTER", "TASK", r.task().sql(), "resume (it is not started)"});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s", r[0], r[1], r[2], r[3]).stripTrailing());
        }
        return out;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", target);
        root.put("summary", summary());
        ObjectNode counts = root.putObject("counts");
        counts().forEach((a, n) -> counts.put(a.name().toLowerCase(java.util.Locale.ROOT), n));
        ArrayNode arr = root.putArray("steps");
        for (PlannedStep s : steps) {
            ObjectNode n = arr.addObject();
            n.put("number", s.statement().number());
            n.put("kind", s.statement().kind().name());
            n.put("name", s.name());
            n.put("action", s.action().name());
            n.put("reason", s.reason());
            n.put("checksum", s.statement().checksum());
            s.sql().forEach(n.putArray("statements")::add);
            s.notes().forEach(n.putArray("notes")::add);
        }
        ArrayNode resumeTasks = root.putArray("resumeTasks");
        resumes.forEach(r -> resumeTasks.add(r.task().sql()));
        refusals.forEach(root.putArray("refused")::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements the deploy would run, in order, each under a comment naming its object and reason. */
    public String toSql() {
        StringBuilder sb = new StringBuilder("-- autosync deploy plan for ").append(target).append("\n-- ").append(summary())
                .append("\n-- Pipes are replaced as \"Managing Snowpipe\" says (pause, PAUSED, replace, pause, resume, RUNNING); files staged meanwhile are queued once each.\n");
        for (PlannedStep s : steps) {
            if (s.sql().isEmpty()) {
                continue;
            }
            sb.append("\n-- ").append(s.action()).append(' ').append(s.statement().kind().ddlName()).append(' ').append(s.name())
                    .append(": ").append(s.reason()).append('\n');
            for (String q : s.sql()) {
                sb.append(q.strip()).append(";\n");
            }
        }
        for (DeployOperation.ResumeTask r : resumes) {
            sb.append('\n').append(r.planText()).append(";\n");
        }
        return sb.toString();
    }
}
