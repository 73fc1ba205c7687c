package dev.autosync.e2e;

import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.render.EntityObjects;
import dev.autosync.render.RenderedBundle;
import dev.autosync.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What belongs to one e2e run, by name: its id, its folder on the e2e stage, the objects of the
 * entities it sends files for, and the filter that finds its rows.
 */
final class RunScope {
    private final RenderedBundle bundle;
    private final String runId;
    private final RunIdRewriter rewriter;

    RunScope(RenderedBundle bundle, String runId) {
        this.bundle = bundle;
        this.runId = runId;
        this.rewriter = new RunIdRewriter(runId);
    }

    String runId() {
        return runId;
    }

    /** The run's folder under each entity's folder on the e2e stage. */
    String prefix() {
        return runId + "/";
    }

    RunIdRewriter rewriter() {
        return rewriter;
    }

    RenderedBundle bundle() {
        return bundle;
    }

    EntityObjects objects(EntitySpec e) {
        return bundle.entity(e.name());
    }

    /** The objects of the entities {@code files} are for, in the manifest's order. */
    List<EntityObjects> entitiesOf(List<EventFile> files) {
        Set<String> names = new TreeSet<>();
        files.forEach(f -> names.add(f.entity().name()));
        return bundle.entities().stream().filter(e -> names.contains(e.name())).toList();
    }

    /** The entities that valid files among {@code files} are for, in the files' order. */
    static List<EntitySpec> specs(List<EventFile> files) {
        List<EntitySpec> out = new ArrayList<>();
        for (EventFile f : files) {
            if (!f.malformed() && out.stream().noneMatch(e -> e.name().equals(f.entity().name()))) {
                out.add(f.entity());
            }
        }
        return out;
    }

    /** A file's path relative to the stage: {@code <folder>/<prefix><name>}, as COPY_HISTORY ends it. */
    static String key(EventFile f, String prefix) {
        return f.entity().folder() + "/" + prefix + f.name();
    }

    /** Rows of this run: a rewritten text key (or event id) starts with the run prefix. */
    String runFilter(EntitySpec e) {
        return runColumn(e) + " LIKE " + SqlLiterals.quote(rewriter.prefix().replace("_", "\\_") + "%");
    }

    /** The column whose values carry the run id: a rewritten text key, else the event id. */
    static String runColumn(EntitySpec e) {
        List<FieldSpec> keys = RunIdRewriter.rewritten(e);
        return keys.stream().filter(k -> e.keys().contains(k.column())).map(FieldSpec::column).findFirst()
                .orElse(keys.isEmpty() ? e.eventId() : keys.get(0).column());
    }
}
