package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.base.SnowflakeError;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE and ALTER PIPE. A pipe keeps its COPY; auto-ingest needs an external stage (and on Azure
 * and GCS a notification integration). ALTER PIPE REFRESH queues the files the pipe has not seen;
 * pausing keeps queueing but loads nothing. Changes wake the background loop.
 */
final class PipeDdl {
    private static final String DONE = "Statement executed successfully.";
    /** The emulated account's Snowpipe SQS queue, shaped as Snowflake's: arn:aws:sqs:region:12 digits:sf-snowpipe-.... */
    static final String SQS_QUEUE = "arn:aws:sqs:us-west-2:000000000000:sf-snowpipe-AIDAAUTOSYNCEMULATOR0-LOCALQUEUE0000000";

    private final Catalog catalog;
    private final Transactions transactions;
    private final ExistingObjects existing;
    private final CopyPlanner planner;
    private final History history;
    private final PipeQueue queue;
    private final Runnable wake;

    PipeDdl(Catalog catalog, Transactions transactions, ExistingObjects existing, CopyPlanner planner, History history,
            PipeQueue queue, Runnable wake) {
        this.catalog = catalog;
        this.transactions = transactions;
        this.existing = existing;
        this.planner = planner;
        this.history = history;
        this.queue = queue;
        this.wake = wake;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        SnowflakeRules.enforcePipe(st.text(), null);
        CreatePipe p = CreatePipe.parse(st, catalog, planner);
        SnowflakeRules.enforcePipe(st.text(), p.plan().location());
        return create(st.session(), h, p);
    }

    Result alter(StatementContext st) throws SQLException {
        return alter(st.session(), AlterPipe.parse(st, catalog));
    }

    private Result create(Session s, CreateHeader h, CreatePipe p) throws SQLException {
        ObjectRef ref = p.ref();
        ObjectNode props = p.props();
        CopyPlan plan = p.plan();
        boolean autoIngest = Options.bool(props, "AUTO_INGEST", false);
        String scheme = plan.location().external()
                ? plan.location().stage().prop("URL").split("://")[0].toLowerCase(Locale.ROOT) : null;
        if (autoIngest && scheme == null) {
            throw SnowflakeError.compilation("AUTO_INGEST = TRUE needs an external stage; a pipe on an internal stage loads files "
                    + "on ALTER PIPE ... REFRESH or through the Snowpipe REST API.");
        }
        String integration = Options.text(props, "INTEGRATION");
        if (integration != null) {
            CatalogObject ni = catalog.find(CatalogKind.NOTIFICATION_INTEGRATION, ObjectRef.account(integration))
                    .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", integration));
            if (consentPending(integration)) {
                // UNVERIFIED: the text Snowflake gives when the Azure/GCS side has not consented or granted yet
                String queue = ni.prop("AZURE_STORAGE_QUEUE_PRIMARY_URI") != null ? ni.prop("AZURE_STORAGE_QUEUE_PRIMARY_URI")
                        : String.valueOf(ni.prop("GCP_PUBSUB_SUBSCRIPTION_NAME"));
                throw SnowflakeError.compilation("Pipe Notifications bind failure \"Could not access queue:" + queue
                        + "; Message: This request is not authorized to perform this operation using this permission. (Status "
                        + "Code:403; Error Code:AuthorizationPermissionMismatch)\"");
            }
        }
        boolean replacing = catalog.find(CatalogKind.PIPE, ref).isPresent();
        Result done = existing.check(s, CatalogKind.PIPE, ref, h);
        if (done != null) {
            return done;
        }
        props.put("DEFINITION", p.copy());
        props.put("TABLE_ID", plan.table().id());
        if (plan.location().stage() != null) {
            props.put("STAGE_ID", plan.location().stage().id());
        }
        props.put("AUTO_INGEST", autoIngest);
        props.put("PAUSED", false);
        if (replacing) {
            // the events of files staged before now went to the pipe it replaces (see PipeLoader.notice)
            props.put("REPLACES_PIPE", true);
        }
        if (autoIngest && scheme.startsWith("s3") && integration == null) {
            // Snowflake: one SQS queue per account serves every S3 auto-ingest pipe (data-load-snowpipe-auto-s3)
            props.put("NOTIFICATION_CHANNEL", SQS_QUEUE);
        }
        transactions.atomic(s, () -> catalog.create(s.conn(), CatalogKind.PIPE, ref, Options.text(props, "COMMENT"), props,
                null));
        return Result.ddl("Pipe " + ref.name() + " successfully created.");
    }

    /**
     * Test-only emulator setting: the JVM system property {@value #CONSENT_PENDING} lists notification
     * integrations (comma separated, or *) whose cloud side has not consented yet, so CREATE PIPE
     * with them fails as on Snowflake until the property no longer names them (consent granted).
     */
    static final String CONSENT_PENDING = "autosync.emulator.test.consentPending";

    private static boolean consentPending(String integration) {
        String v = System.getProperty(CONSENT_PENDING, "");
        for (String n : v.split(",")) {
            if (n.strip().equals("*") || n.strip().equalsIgnoreCase(integration)) {
                return true;
            }
        }
        return false;
    }

    private Result alter(Session s, AlterPipe a) throws SQLException {
        CatalogObject pipe = a.pipe();
        if (pipe == null) {
            return Result.ddl(DONE);
        }
        switch (a.action()) {
            case REFRESH -> {
                return refresh(s, pipe, Options.text(a.options(), "PREFIX"), Options.text(a.options(), "MODIFIED_AFTER"));
            }
            case SET -> set(pipe, a.options());
            case UNSET -> {
                for (String k : a.unset()) {
                    switch (k) {
                        case "PIPE_EXECUTION_PAUSED" -> {
                            if (PipeStaleness.stale(pipe)) {
                                throw PipeStaleness.resumeRefused(pipe);
                            }
                            PipeStaleness.paused(pipe, false);
                            pipe.props().put("PAUSED", false);
                        }
                        case "COMMENT" -> pipe.comment(null);
                        default -> pipe.props().remove(k);
                    }
                }
            }
        }
        transactions.atomically(s, () -> catalog.save(s.conn(), pipe));
        wake.run();
        return Result.ddl(DONE);
    }

    private static void set(CatalogObject pipe, ObjectNode set) {
        if (set.has("PIPE_EXECUTION_PAUSED")) {
            boolean pause = Options.bool(set, "PIPE_EXECUTION_PAUSED", false);
            if (!pause && PipeStaleness.stale(pipe)) {
                throw PipeStaleness.resumeRefused(pipe);
            }
            PipeStaleness.paused(pipe, pause);
            pipe.props().put("PAUSED", pause);
            if (!pause) {
                pipe.props().remove("LAST_ERROR");
                pipe.props().remove("PAUSED_AT");
            }
        }
        if (set.has("ERROR_INTEGRATION")) {
            pipe.props().set("ERROR_INTEGRATION", set.get("ERROR_INTEGRATION"));
        }
        if (set.has("COMMENT")) {
            pipe.comment(set.get("COMMENT").asText());
        }
        for (String k : List.of("AUTO_INGEST", "INTEGRATION", "AWS_SNS_TOPIC")) {
            if (set.has(k)) {
                throw SnowflakeError.compilation("Cannot change " + k + " of a pipe; recreate it.");
            }
        }
    }

    /**
     * ALTER PIPE REFRESH: queues files under the pipe's path (plus PREFIX) staged in the last 7 days
     * (or after MODIFIED_AFTER, at most 7 days back) that neither this pipe nor a COPY into its table
     * has loaded; returns each queued file with status SENT.
     */
    private Result refresh(Session s, CatalogObject pipe, String prefix, String modifiedAfter) throws SQLException {
        Instant floor = Instant.now().minus(Duration.ofDays(7));
        if (modifiedAfter != null) {
            try {
                Instant m = OffsetDateTime.parse(modifiedAfter).toInstant();
                floor = m.isAfter(floor) ? m : floor;
            } catch (DateTimeParseException e) {
                throw SnowflakeError.compilation("invalid value [" + modifiedAfter + "] for MODIFIED_AFTER; use an ISO-8601 "
                        + "timestamp such as 2024-07-30T13:56:46-07:00");
            }
        }
        if (prefix != null && (prefix.contains("..") || prefix.startsWith("/"))) {
            throw SnowflakeError.compilation("invalid PREFIX '" + prefix + "'");
        }
        List<Object[]> rows = new ArrayList<>();
        try (PlannedCopy planned = planner.planStored(s, pipe.prop("DEFINITION"), pipe.ref())) {
            CopyPlan plan = planned.plan();
            String within = plan.location().path() + (prefix == null ? "" : prefix);
            Instant since = floor;
            transactions.atomically(s, () -> {
                for (StagedFile f : plan.candidatesUnder(within)) {
                    if (f.lastModified().isBefore(since)) {
                        continue;
                    }
                    String key = History.fileKey(plan.location(), f);
                    if (history.seenByPipe(s, pipe.id(), key) || queue.contains(s, pipe.id(), key)
                            || history.loadedIntoTable(s, plan.table(), plan.location(), f)) {
                        continue;
                    }
                    queue.add(s, pipe.id(), key, f.relative());
                    rows.add(new Object[] {f.relative().substring(plan.location().path().length()), "SENT"});
                }
            });
        }
        wake.run();
        // UNVERIFIED: Snowflake does not document REFRESH's result; a result set of files and SENT is the plausible shape.
        return new Result(StatementKind.SELECT, List.of(ResultColumn.text("File"), ResultColumn.text("Status")), rows);
    }
}
