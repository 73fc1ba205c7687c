package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.render.BundleWriter;
import dev.autosync.render.RenderConfig;
import dev.autosync.render.RenderSettings;
import dev.autosync.render.RenderedBundle;
import dev.autosync.render.Renderer;
import dev.autosync.render.StreamlitApp;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Renders the pipeline's SQL for the chosen cloud: numbered statement files, {@code deploy.sql},
 * {@code diagnostics.sql}, {@code cloud-setup.sql}, {@code manifest.json} and the Streamlit status app. Output is
 * deterministic, and files are rewritten only when their content changes.
 */
@Mojo(name = RenderMojo.GOAL_NAME, defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class RenderMojo extends AbstractAutosyncMojo {
    public static final String GOAL_NAME = "render";

    /** Skips this goal. */
    @Parameter(property = PropertyNames.RENDER_SKIP, defaultValue = "false")
    private boolean renderSkip;

    /** Where events land: {@code s3}, {@code azure}, {@code gcs} or {@code internal} (a Snowflake stage). */
    @Parameter(property = PropertyNames.PROVIDER, defaultValue = "internal")
    private String provider;

    /** The database that holds the pipeline. */
    @Parameter(property = PropertyNames.DATABASE, defaultValue = RenderSettings.DEFAULT_DATABASE)
    private String database;

    /** The schema that holds the pipeline. */
    @Parameter(property = PropertyNames.SCHEMA, defaultValue = RenderSettings.DEFAULT_SCHEMA)
    private String schema;

    /** A pipeline spec (JSON) replacing the default school pipeline. */
    @Parameter(property = PropertyNames.PIPELINE)
    private File pipeline;

    /** A folder of templates that override the shipped ones by name (e.g. {@code pipeline/pipe.sql.mustache}). */
    @Parameter(property = PropertyNames.TEMPLATES)
    private File templates;

    /** S3 or GCS bucket the events land in. */
    @Parameter(property = PropertyNames.BUCKET)
    private String bucket;

    /** Folder inside the bucket or container; each entity reads a sub-folder of it. */
    @Parameter(property = PropertyNames.PREFIX, defaultValue = RenderSettings.DEFAULT_PREFIX)
    private String prefix;

    /** S3: the IAM role Snowflake assumes to read the bucket. */
    @Parameter(property = PropertyNames.AWS_ROLE_ARN)
    private String awsRoleArn;

    /** S3: a fixed external id for the role's trust policy (optional; Snowflake generates one otherwise). */
    @Parameter(property = PropertyNames.AWS_EXTERNAL_ID)
    private String awsExternalId;

    /** S3: an SNS topic for auto-ingest instead of Snowflake's SQS queue (optional). */
    @Parameter(property = PropertyNames.AWS_SNS_TOPIC)
    private String awsSnsTopic;

    /** Storage URLs inside the allowed location that no stage may use. */
    @Parameter(property = PropertyNames.BLOCKED_LOCATIONS)
    private List<String> blockedLocations;

    /** Azure: the Azure AD tenant id. */
    @Parameter(property = PropertyNames.AZURE_TENANT_ID)
    private String azureTenantId;

    /** Azure: the storage account name. */
    @Parameter(property = PropertyNames.AZURE_STORAGE_ACCOUNT)
    private String azureStorageAccount;

    /** Azure: the blob container the events land in. */
    @Parameter(property = PropertyNames.AZURE_CONTAINER)
    private String azureContainer;

    /** Azure: the storage queue Event Grid notifies. */
    @Parameter(property = PropertyNames.AZURE_QUEUE_URI)
    private String azureQueueUri;

    /** GCS: the Pub/Sub subscription auto-ingest reads. */
    @Parameter(property = PropertyNames.GCS_PUBSUB_SUBSCRIPTION)
    private String gcsPubsubSubscription;

    /** Name of the storage integration (cloud providers). */
    @Parameter(property = PropertyNames.STORAGE_INTEGRATION, defaultValue = RenderSettings.DEFAULT_STORAGE_INTEGRATION)
    private String storageIntegration;

    /** Name of the notification integration (Azure, GCS). */
    @Parameter(property = PropertyNames.NOTIFICATION_INTEGRATION, defaultValue = RenderSettings.DEFAULT_NOTIFICATION_INTEGRATION)
    private String notificationIntegration;

    /** Warehouse the tasks run on; empty for serverless tasks. */
    @Parameter(property = PropertyNames.TASK_WAREHOUSE)
    private String taskWarehouse;

    /** How often the tasks check their stream: {@code '<n> MINUTES'} or {@code 'USING CRON ...'}. */
    @Parameter(property = PropertyNames.TASK_SCHEDULE, defaultValue = RenderSettings.DEFAULT_TASK_SCHEDULE)
    private String taskSchedule;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected boolean goalSkipped() {
        return renderSkip;
    }

    @Override
    protected void doExecute() throws Exception {
        RenderConfig config = settings().validate();
        PipelineSpecReader reader = new PipelineSpecReader();
        PipelineSpec spec = pipeline == null ? reader.readDefault()
                : reader.read(pipeline.toPath(), display(pipeline));
        if (templates != null && !templates.isDirectory()) {
            throw new UserFacingException("The template folder " + display(templates) + " (" + PropertyNames.TEMPLATES
                    + ") does not exist; create it with the templates to override, or remove the setting");
        }
        RenderedBundle bundle = new Renderer(templates == null ? null : templates.toPath()).render(config, spec);
        BundleWriter.Result result = new BundleWriter().write(bundle, outputDirectory.toPath());
        int app = new StreamlitApp(templates == null ? null : templates.toPath()).write(bundle, spec, outputDirectory.toPath());
        bundle.statements().stream().filter(s -> s.userTemplate()).map(s -> s.template()).distinct()
                .forEach(t -> getLog().info("Using your template " + t));
        String what = bundle.statements().size() + " statements for " + spec.entities().size() + " entities, provider "
                + config.provider().id() + ", " + config.database().name() + "." + config.schema().name();
        if (app > 0) {
            getLog().info("Wrote the Streamlit app (" + app + " files changed) into " + display(outputDirectory) + "/" + StreamlitApp.FOLDER);
        }
        if (result.changedAnything()) {
            getLog().info("Rendered " + what + " into " + display(outputDirectory) + " (" + result.written().size()
                    + " files written, " + result.unchanged() + " unchanged" + (result.removed().isEmpty() ? ""
                    : ", " + result.removed().size() + " stale removed") + ")");
        } else {
            getLog().info("Rendered SQL is up to date (" + what + "); nothing written to " + display(outputDirectory));
        }
    }

    RenderSettings settings() {
        return new RenderSettings().provider(provider).database(database).schema(schema).bucket(bucket).prefix(prefix)
                .awsRoleArn(awsRoleArn).awsExternalId(awsExternalId).awsSnsTopic(awsSnsTopic)
                .blockedLocations(blockedLocations).azureTenantId(azureTenantId).azureStorageAccount(azureStorageAccount)
                .azureContainer(azureContainer).azureQueueUri(azureQueueUri).gcsPubsubSubscription(gcsPubsubSubscription)
                .storageIntegration(storageIntegration).notificationIntegration(notificationIntegration)
                .taskWarehouse(taskWarehouse).taskSchedule(taskSchedule);
    }
}
