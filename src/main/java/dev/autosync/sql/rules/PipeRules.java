package dev.autosync.sql.rules;

import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CopySource;
import dev.autosync.sql.tree.CreatePipe;
import dev.autosync.sql.tree.Property;
import dev.autosync.sql.tree.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of CREATE PIPE (en/sql-reference/sql/create-pipe.md): its COPY is held to {@link CopyRules}
 * with the pipe's copy-option limits, and its notification properties must fit its stage: AUTO_INGEST on
 * a GCS or Azure stage needs INTEGRATION (in upper case), AWS_SNS_TOPIC and INTEGRATION exclude each other.
 */
public final class PipeRules {
    private static final java.util.Set<String> PROPERTIES = java.util.Set.of("AUTO_INGEST", "ERROR_INTEGRATION", "AWS_SNS_TOPIC",
            "INTEGRATION", "COMMENT");

    private final CopyRules copyRules;

    public PipeRules(CopyRules copyRules) {
        this.copyRules = copyRules;
    }

    /** Every rule {@code pipe} breaks; {@code stages} says what its COPY's stage reads. */
    public List<Violation> check(CreatePipe pipe, StageResolver stages) {
        CopyRules.Findings f = new CopyRules.Findings();
        if (pipe.orReplace() && pipe.ifNotExists()) {
            f.add(Rule.PIPE_REPLACE_OR_IF_NOT_EXISTS, "The OR REPLACE and IF NOT EXISTS clauses are mutually exclusive. "
                    + "They can't both be used in the same statement.", pipe);
        }
        for (Property p : pipe.properties()) {
            if (!PROPERTIES.contains(p.name()) && !(pipe.orAlter() && p.name().equals("PIPE_EXECUTION_PAUSED"))) {
                f.add(Rule.PIPE_PROPERTIES, "invalid property '" + p.name() + "' for CREATE PIPE: it takes AUTO_INGEST, "
                        + "ERROR_INTEGRATION, AWS_SNS_TOPIC, INTEGRATION and COMMENT" + (p.name().equals("PIPE_EXECUTION_PAUSED")
                        ? " (pause a pipe with ALTER PIPE ... SET PIPE_EXECUTION_PAUSED = TRUE)" : ""), p);
            }
        }
        source(pipe.copy(), f);
        List<Violation> out = new ArrayList<>(f.list);
        out.addAll(copyRules.check(pipe.copy(), true));
        out.addAll(notification(pipe, kindOf(pipe.copy(), stages)));
        return out;
    }

    private static List<Violation> notification(CreatePipe pipe, StageKind kind) {
        CopyRules.Findings f = new CopyRules.Findings();
        boolean autoIngest = pipe.property("AUTO_INGEST").map(Property::isTrue).orElse(false);
        Property integration = pipe.property("INTEGRATION").orElse(null);
        Property sns = pipe.property("AWS_SNS_TOPIC").orElse(null);
        if (integration != null && integration.value() instanceof Property.Text name
                && !name.value().equals(name.value().toUpperCase(Locale.ROOT))) {
            f.add(Rule.PIPE_INTEGRATION_UPPERCASE, "INTEGRATION = '" + name.value() + "': the integration name must be typed "
                    + "in all uppercase ('" + name.value().toUpperCase(Locale.ROOT) + "')", integration);
        }
        if (integration != null && sns != null) {
            f.add(Rule.PIPE_SNS_AND_INTEGRATION, "You can't specify both AWS_SNS_TOPIC and INTEGRATION for an Amazon S3 "
                    + "stage: keep AWS_SNS_TOPIC for an SNS topic, or INTEGRATION for a multi-queue notification integration", sns);
        }
        if (autoIngest && integration == null && (kind == StageKind.GCS || kind == StageKind.AZURE)) {
            f.add(Rule.PIPE_INTEGRATION_REQUIRED, "Integration is required for AUTO_INGEST = TRUE on a " + kind + " stage: add "
                    + "INTEGRATION = '<NOTIFICATION_INTEGRATION>' naming the notification integration of the stage's queue "
                    + "(\"Required only when configuring AUTO_INGEST for Google Cloud Storage or Microsoft Azure external "
                    + "stages\")", pipe);
        }
        if (integration != null && (!autoIngest || kind == StageKind.INTERNAL)) {
            f.add(Rule.PIPE_NOTIFICATION_SCOPE, "INTEGRATION on a pipe " + (autoIngest ? "on an internal stage" : "without "
                    + "AUTO_INGEST = TRUE") + ": the docs require it only to configure AUTO_INGEST on a GCS, Azure (or S3 "
                    + "multi-queue) external stage; whether Snowflake accepts it here is UNVERIFIED, so autosync refuses it: "
                    + "remove INTEGRATION, or set AUTO_INGEST = TRUE on an external stage", integration);
        }
        if (sns != null && (!autoIngest || (kind != StageKind.S3 && kind != StageKind.UNKNOWN))) {
            f.add(Rule.PIPE_NOTIFICATION_SCOPE, "AWS_SNS_TOPIC on a pipe " + (autoIngest ? "on a " + kind + " stage" : "without "
                    + "AUTO_INGEST = TRUE") + ": the docs require it only to configure AUTO_INGEST for Amazon S3 external "
                    + "stages using SNS; whether Snowflake accepts it here is UNVERIFIED, so autosync refuses it", sns);
        }
        return f.list;
    }

    /** Snowpipe loads from named, table or external stages: "not user stages" (AUTO_INGEST); a URL is not documented. */
    private static void source(CopyInto copy, CopyRules.Findings f) {
        CopySource source = copy.source();
        List<String> stages = new ArrayList<>();
        if (source instanceof CopySource.Stage s) {
            stages.add(s.location());
        } else if (source instanceof CopySource.Transform t) {
            t.query().walk().filter(n -> n instanceof Relation.StageRef).forEach(n -> stages.add(((Relation.StageRef) n).location()));
        } else if (source instanceof CopySource.Location l) {
            f.add(Rule.PIPE_EXTERNAL_LOCATION, "a pipe's COPY reads the external location '" + l.url() + "': the docs describe "
                    + "pipes loading from stages only; whether Snowflake accepts a location is UNVERIFIED, so autosync refuses "
                    + "it: create an external stage for it", l);
        }
        for (String location : stages) {
            if (location.startsWith("~")) {
                f.add(Rule.PIPE_USER_STAGE, "a pipe cannot load from the user stage @" + location + ": \"Snowpipe supports "
                        + "loading from internal stages (i.e. Snowflake named stages or table stages, but not user stages)\": "
                        + "use a named stage", source);
            }
        }
    }

    /** What the COPY's stage reads: its FROM stage, or the stage its transformation selects from. */
    static StageKind kindOf(CopyInto copy, StageResolver stages) {
        CopySource source = copy.source();
        if (source == null) {
            return StageKind.INTERNAL; // the table's own stage
        }
        if (source instanceof CopySource.Stage s) {
            return stageKind(s.location(), stages);
        }
        if (source instanceof CopySource.Location l) {
            return StageKind.ofUrl(l.url());
        }
        return ((CopySource.Transform) source).query().walk().filter(n -> n instanceof Relation.StageRef)
                .map(n -> stageKind(((Relation.StageRef) n).location(), stages)).findFirst().orElse(StageKind.UNKNOWN);
    }

    private static StageKind stageKind(String location, StageResolver stages) {
        if (location.startsWith("~") || location.startsWith("%")) {
            return StageKind.INTERNAL;
        }
        return stages.kind(location);
    }
}
