package dev.autosync.render;

import dev.autosync.pipeline.PipelineSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unified cloud set-up script: integrations, stage and connectivity checks for S3, Azure and
 * GCS in one file. The selected provider's section is live SQL; the others are commented out, with
 * placeholders where the configuration has no value for them.
 */
final class CloudSetupScript {
    private final SqlTemplates templates;

    CloudSetupScript(SqlTemplates templates) {
        this.templates = templates;
    }

    String render(RenderConfig config, PipelineSpec spec) throws TemplateException {
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(prerequisites(config, spec));
        for (Provider p : List.of(Provider.S3, Provider.AZURE, Provider.GCS)) {
            boolean selected = p == config.provider();
            RenderConfig c = selected ? config : withPlaceholders(config, p);
            Map<String, Object> model = new TemplateModel(c, spec).global();
            StringBuilder body = new StringBuilder();
            body.append(Renderer.clean(templates.render("providers/" + p.id() + "/storage_integration.sql.mustache", model))).append(";\n\n");
            if (p.needsNotificationIntegration()) {
                body.append(Renderer.clean(templates.render("providers/" + p.id() + "/notification_integration.sql.mustache", model))).append(";\n\n");
            }
            body.append(Renderer.clean(templates.render("providers/external/stage.sql.mustache", model))).append(";\n\n");
            body.append(templates.render("providers/" + p.id() + "/validate.sql.mustache", model).strip());
            String text = selected ? body.toString() : commentOut(body.toString());
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("title", new SqlCode(TemplateModel.providerTitle(p) + (selected ? " (selected)" : " (not selected)")));
            section.put("body", new SqlCode(text));
            sections.add(section);
        }
        Map<String, Object> model = new LinkedHashMap<>(new TemplateModel(config, spec).global());
        model.put("sections", sections);
        return templates.render("cloud_setup.sql.mustache", model);
    }

    /**
     * The database, schema and file format every stage below references: without them the stage's
     * CREATE fails ("Schema ... does not exist"), so the script creates them first (IF NOT EXISTS, as
     * deploy does).
     */
    private Map<String, Object> prerequisites(RenderConfig config, PipelineSpec spec) throws TemplateException {
        Map<String, Object> model = new TemplateModel(config, spec).global();
        StringBuilder body = new StringBuilder();
        for (String template : List.of("pipeline/database.sql.mustache", "pipeline/schema.sql.mustache",
                "pipeline/file_format.sql.mustache")) {
            body.append(Renderer.clean(templates.render(template, model))).append(";\n\n");
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("title", new SqlCode("Database, schema and file format the stages use (run first)"));
        section.put("body", new SqlCode(body.toString().strip()));
        return section;
    }

    private static String commentOut(String sql) {
        StringBuilder sb = new StringBuilder();
        for (String line : sql.split("\n", -1)) {
            sb.append(line.startsWith("--") ? line : line.isEmpty() ? "--" : "-- " + line).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The configuration with another provider and, where the user gave nothing, placeholders. */
    private static RenderConfig withPlaceholders(RenderConfig c, Provider p) {
        String prefix = c.prefix();
        String bucket = c.bucket() != null ? c.bucket() : "<your-bucket>";
        String account = c.azureStorageAccount() != null ? c.azureStorageAccount() : "<storage-account>";
        String container = c.azureContainer() != null ? c.azureContainer() : "<container>";
        String url = switch (p) {
            case S3 -> "s3://" + bucket + "/" + prefix;
            case GCS -> "gcs://" + bucket + "/" + prefix;
            default -> "azure://" + account + ".blob.core.windows.net/" + container + "/" + prefix;
        };
        return new RenderConfig(p, c.database(), c.schema(), c.storageIntegration(), c.notificationIntegration(), url,
                bucket, prefix,
                or(c.awsRoleArn(), "arn:aws:iam::<aws-account-id>:role/<role-name>"), c.awsExternalId(), null, List.of(),
                or(c.azureTenantId(), "<azure-tenant-id>"), account, container,
                or(c.azureQueueUri(), "https://<storage-account>.queue.core.windows.net/<queue>"),
                or(c.gcsPubsubSubscription(), "projects/<project>/subscriptions/<subscription>"),
                c.taskWarehouse(), c.taskSchedule());
    }

    private static String or(String v, String placeholder) {
        return v != null ? v : placeholder;
    }
}
