package dev.autosync.render;

import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.ObjectNames;
import dev.autosync.pipeline.PipelineSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated configuration and pipeline spec into the ordered statements of the pipeline.
 * The order is a dependency order: every statement comes after the objects it names.
 */
public final class Renderer {
    private final SqlTemplates templates;

    public Renderer(Path userTemplates) {
        this.templates = new SqlTemplates(userTemplates);
    }

    public RenderedBundle render(RenderConfig config, PipelineSpec spec) throws TemplateException {
        TemplateModel model = new TemplateModel(config, spec);
        Map<String, Object> global = model.global();
        Plan plan = new Plan();
        QualifiedName db = QualifiedName.of(config.database());
        QualifiedName schema = QualifiedName.of(config.database(), config.schema());

        plan.add(ObjectKind.DATABASE, db, null, "pipeline/database.sql.mustache", global, List.of());
        plan.add(ObjectKind.SCHEMA, schema, null, "pipeline/schema.sql.mustache", global, List.of(db));
        QualifiedName ff = config.qualify(TemplateModel.FILE_FORMAT);
        plan.add(ObjectKind.FILE_FORMAT, ff, null, "pipeline/file_format.sql.mustache", global, List.of(schema));
        Provider p = config.provider();
        QualifiedName stage = config.qualify(TemplateModel.STAGE);
        QualifiedName notification = null;
        if (p.isCloud()) {
            QualifiedName si = QualifiedName.of(config.storageIntegration());
            plan.add(ObjectKind.STORAGE_INTEGRATION, si, null, "providers/" + p.id() + "/storage_integration.sql.mustache", global, List.of());
            if (p.needsNotificationIntegration()) {
                notification = QualifiedName.of(config.notificationIntegration());
                plan.add(ObjectKind.NOTIFICATION_INTEGRATION, notification, null,
                        "providers/" + p.id() + "/notification_integration.sql.mustache", global, List.of());
            }
            plan.add(ObjectKind.STAGE, stage, null, "providers/external/stage.sql.mustache", global, List.of(schema, ff, si));
        } else {
            plan.add(ObjectKind.STAGE, stage, null, "providers/internal/stage.sql.mustache", global, List.of(schema, ff));
        }
        QualifiedName e2eStage = config.qualify(TemplateModel.E2E_STAGE);
        plan.add(ObjectKind.STAGE, e2eStage, null, "pipeline/e2e_stage.sql.mustache", global, List.of(schema, ff));

        List<QualifiedName> pipes = new ArrayList<>();
        List<QualifiedName> landingTables = new ArrayList<>();
        List<String> postDeploy = new ArrayList<>();
        List<EntityObjects> entities = new ArrayList<>();
        for (EntitySpec e : spec.entities()) {
            ObjectNames n = e.names();
            Map<String, Object> em = model.forEntity(e);
            QualifiedName landing = config.qualify(n.landingTable());
            QualifiedName normalised = config.qualify(n.normalisedTable());
            QualifiedName rejects = config.qualify(n.rejectsTable());
            QualifiedName stream = config.qualify(n.stream());
            QualifiedName pipe = config.qualify(n.pipe());
            QualifiedName e2ePipe = config.qualify(n.e2ePipe());
            QualifiedName task = config.qualify(n.task());
            plan.addTable(landing, e, "pipeline/landing_table.sql.mustache", em, landingColumns(e), schema);
            plan.addTable(normalised, e, "pipeline/normalised_table.sql.mustache", em, normalisedColumns(e), schema);
            plan.addTable(rejects, e, "pipeline/rejects_table.sql.mustache", em, rejectColumns(e), schema);
            plan.add(ObjectKind.STREAM, stream, e.name(), "pipeline/stream.sql.mustache", em, List.of(landing));
            List<QualifiedName> pipeDeps = new ArrayList<>(List.of(landing, stage, ff));
            if (notification != null) {
                pipeDeps.add(notification);
            }
            plan.add(ObjectKind.PIPE, pipe, e.name(), "pipeline/pipe.sql.mustache", em, pipeDeps);
            plan.add(ObjectKind.PIPE, e2ePipe, e.name(), "pipeline/e2e_pipe.sql.mustache", em, List.of(landing, e2eStage, ff));
            plan.add(ObjectKind.TASK, task, e.name(), "pipeline/task.sql.mustache", em, List.of(stream, normalised, rejects));
            postDeploy.add(clean(templates.render("pipeline/task_resume.sql.mustache", em)));
            pipes.add(pipe);
            pipes.add(e2ePipe);
            landingTables.add(landing);
            entities.add(new EntityObjects(e.name(), e.folder(), landing, stream, pipe, e2ePipe, task, normalised, rejects,
                    e.keys(), e.eventId(), e.orderBy()));
        }
        QualifiedName pipeStatus = config.qualify(TemplateModel.PIPE_STATUS_VIEW);
        QualifiedName metrics = config.qualify(TemplateModel.INGESTION_METRICS_VIEW);
        QualifiedName errors = config.qualify(TemplateModel.ERROR_LOG_VIEW);
        plan.add(ObjectKind.VIEW, pipeStatus, null, "pipeline/view_pipe_status.sql.mustache", global, pipes);
        List<QualifiedName> historyDeps = new ArrayList<>(landingTables);
        historyDeps.addAll(pipes);
        plan.add(ObjectKind.VIEW, metrics, null, "pipeline/view_ingestion_metrics.sql.mustache", global, historyDeps);
        plan.add(ObjectKind.VIEW, errors, null, "pipeline/view_error_log.sql.mustache", global, historyDeps);
        QualifiedName freshness = config.qualify(TemplateModel.FRESHNESS_VIEW);
        plan.add(ObjectKind.VIEW, freshness, null, "pipeline/view_freshness.sql.mustache", global, landingTables);

        String diagnostics = templates.render("diagnostics.sql.mustache", global);
        String cloudSetup = new CloudSetupScript(templates).render(config, spec);
        RenderedBundle bundle = new RenderedBundle(p, config.database().name(), config.schema().name(), spec.source(),
                plan.statements, postDeploy, diagnostics, cloudSetup, entities, stage.sql(), e2eStage.sql(),
                p.isCloud() ? config.storageIntegration().name() : null, notification == null ? null : notification.sql(),
                pipeStatus.sql(), metrics.sql(), errors.sql(), freshness.sql());
        BundleRules.check(bundle);
        return bundle;
    }

    private static List<TableColumn> landingColumns(EntitySpec e) {
        List<TableColumn> cols = new ArrayList<>();
        for (FieldSpec f : e.fields()) {
            cols.add(new TableColumn(f.column(), f.type().sql()));
        }
        cols.add(new TableColumn("RAW_PAYLOAD", "VARIANT"));
        cols.add(new TableColumn("FILE_NAME", "VARCHAR"));
        cols.add(new TableColumn("FILE_ROW_NUMBER", "NUMBER(38,0)"));
        cols.add(new TableColumn("LOADED_AT", "TIMESTAMP_LTZ"));
        return cols;
    }

    private static List<TableColumn> normalisedColumns(EntitySpec e) {
        List<TableColumn> cols = new ArrayList<>();
        for (FieldSpec f : e.fields()) {
            cols.add(new TableColumn(f.column(), f.type().sql()));
        }
        e.derived().forEach(d -> cols.add(new TableColumn(d.column(), d.type().sql())));
        return cols;
    }

    private static List<TableColumn> rejectColumns(EntitySpec e) {
        return List.of(new TableColumn(e.eventId(), e.field(e.eventId()).orElseThrow().type().sql()),
                new TableColumn("REJECT_REASON", "VARCHAR"), new TableColumn("RAW_PAYLOAD", "VARIANT"),
                new TableColumn("FILE_NAME", "VARCHAR"), new TableColumn("FILE_ROW_NUMBER", "NUMBER(38,0)"),
                new TableColumn("LOADED_AT", "TIMESTAMP_LTZ"), new TableColumn("REJECTED_AT", "TIMESTAMP_LTZ"));
    }

    /** A template's output as one statement: surrounding blank lines and the final semicolon removed. */
    static String clean(String rendered) {
        String s = rendered.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    private final class Plan {
        final List<RenderedStatement> statements = new ArrayList<>();

        void add(ObjectKind kind, QualifiedName name, String entity, String template, Map<String, Object> model,
                 List<QualifiedName> deps) throws TemplateException {
            addWithColumns(kind, name, entity, template, model, deps, List.of());
        }

        void addTable(QualifiedName name, EntitySpec e, String template, Map<String, Object> model, List<TableColumn> columns,
                      QualifiedName schema) throws TemplateException {
            addWithColumns(ObjectKind.TABLE, name, e.name(), template, model, List.of(schema), columns);
        }

        private void addWithColumns(ObjectKind kind, QualifiedName name, String entity, String template, Map<String, Object> model,
                                    List<QualifiedName> deps, List<TableColumn> columns) throws TemplateException {
            String sql = clean(templates.render(template, model));
            boolean user = !templates.origin(template).startsWith("plugin:");
            statements.add(new RenderedStatement(statements.size() + 1, kind, name, entity, template, user, sql,
                    StatementChecksum.of(sql), deps.stream().map(QualifiedName::sql).toList(), columns));
        }
    }
}
