package dev.autosync.render;

import dev.autosync.pipeline.DerivedColumn;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.pipeline.MappedColumn;
import dev.autosync.pipeline.ObjectNames;
import dev.autosync.pipeline.PercentageColumn;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds the values templates see. Every value is SQL-safe (see {@link SqlSafe}), a number, a
 * boolean flag, or a list or map of those; the names here are the template vocabulary documented
 * in the README.
 */
public final class TemplateModel {
    public static final String FILE_FORMAT = "AUTOSYNC_JSON_FORMAT";
    public static final String STAGE = "AUTOSYNC_STAGE";
    public static final String E2E_STAGE = "AUTOSYNC_E2E_STAGE";
    public static final String PIPE_STATUS_VIEW = "AUTOSYNC_PIPE_STATUS";
    public static final String INGESTION_METRICS_VIEW = "AUTOSYNC_INGESTION_METRICS";
    public static final String ERROR_LOG_VIEW = "AUTOSYNC_ERROR_LOG";
    public static final String FRESHNESS_VIEW = "AUTOSYNC_FRESHNESS";

    private static final Pattern PLAIN_PATH_SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final RenderConfig config;
    private final PipelineSpec spec;
    private final Map<String, Object> global;

    public TemplateModel(RenderConfig config, PipelineSpec spec) {
        this.config = config;
        this.spec = spec;
        this.global = buildGlobal();
    }

    /** The model for templates that are not about one entity. */
    public Map<String, Object> global() {
        return global;
    }

    /** The global model with one entity's values on top. */
    public Map<String, Object> forEntity(EntitySpec entity) {
        Map<String, Object> m = new LinkedHashMap<>(global);
        m.putAll(entity(entity));
        return m;
    }

    private Map<String, Object> buildGlobal() {
        Map<String, Object> m = new LinkedHashMap<>();
        Provider p = config.provider();
        m.put("database", config.database());
        m.put("schema", config.schema());
        m.put("databaseLiteral", new SqlString(config.database().name()));
        m.put("schemaLiteral", new SqlString(config.schema().name()));
        m.put("provider", new SqlString(p.id()));
        m.put("providerName", new SqlCode(providerTitle(p)));
        m.put("isS3", p == Provider.S3);
        m.put("isAzure", p == Provider.AZURE);
        m.put("isGcs", p == Provider.GCS);
        m.put("isInternal", p == Provider.INTERNAL);
        m.put("autoIngest", p.isCloud());
        QualifiedName ff = config.qualify(FILE_FORMAT);
        m.put("fileFormat", ff);
        m.put("fileFormatLiteral", ff.literal());
        QualifiedName stage = config.qualify(STAGE);
        m.put("stage", stage);
        m.put("stageRoot", new SqlCode("@" + stage.sql()));
        m.put("e2eStage", config.qualify(E2E_STAGE));
        m.put("storageIntegration", config.storageIntegration());
        m.put("notificationIntegration", config.notificationIntegration());
        m.put("pipeIntegration", p.needsNotificationIntegration()
                ? new SqlString(config.notificationIntegration().name()) : null);
        m.put("storageUrl", config.storageUrl() == null ? null : new SqlString(config.storageUrl()));
        m.put("awsRoleArn", stringOrNull(config.awsRoleArn()));
        m.put("awsExternalId", stringOrNull(config.awsExternalId()));
        m.put("awsSnsTopic", p == Provider.S3 ? stringOrNull(config.awsSnsTopic()) : null);
        m.put("hasBlockedLocations", !config.blockedLocations().isEmpty());
        m.put("blockedLocations", flagged(config.blockedLocations(), v -> Map.of("value", new SqlString(v))));
        m.put("azureTenantId", stringOrNull(config.azureTenantId()));
        m.put("azureQueueUri", stringOrNull(config.azureQueueUri()));
        m.put("gcsPubsubSubscription", stringOrNull(config.gcsPubsubSubscription()));
        m.put("taskWarehouse", config.taskWarehouse());
        m.put("taskSchedule", new SqlString(config.taskSchedule()));
        m.put("taskScheduleText", new SqlCode(config.taskSchedule().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 ]", "")));
        m.put("pipeStatusView", config.qualify(PIPE_STATUS_VIEW));
        m.put("ingestionMetricsView", config.qualify(INGESTION_METRICS_VIEW));
        m.put("errorLogView", config.qualify(ERROR_LOG_VIEW));
        m.put("freshnessView", config.qualify(FRESHNESS_VIEW));
        m.put("entities", flagged(spec.entities(), this::entity));
        List<Map<String, Object>> pipes = new ArrayList<>();
        for (EntitySpec e : spec.entities()) {
            pipes.add(pipe(e, e.names().pipe(), "ingest"));
            pipes.add(pipe(e, e.names().e2ePipe(), "e2e"));
        }
        m.put("pipes", flagged(pipes, x -> x));
        return m;
    }

    private Map<String, Object> pipe(EntitySpec e, String name, String purpose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nameLiteral", new SqlString(name));
        m.put("qualifiedLiteral", config.qualify(name).literal());
        m.put("entityLiteral", new SqlString(e.name()));
        m.put("purposeLiteral", new SqlString(purpose));
        m.put("tableLiteral", new SqlString(e.names().landingTable()));
        return m;
    }

    private Map<String, Object> entity(EntitySpec e) {
        ObjectNames n = e.names();
        Map<String, Object> m = new LinkedHashMap<>();
        String lower = e.name().toLowerCase(Locale.ROOT);
        m.put("entity", new Identifier(e.name()));
        m.put("entityLiteral", new SqlString(e.name()));
        m.put("landingTable", config.qualify(n.landingTable()));
        m.put("landingTableLiteral", new SqlString(n.landingTable()));
        m.put("landingTableQualifiedLiteral", config.qualify(n.landingTable()).literal());
        m.put("normalisedTable", config.qualify(n.normalisedTable()));
        m.put("rejectsTable", config.qualify(n.rejectsTable()));
        QualifiedName stream = config.qualify(n.stream());
        m.put("stream", stream);
        m.put("streamLiteral", stream.literal());
        m.put("streamNameLiteral", new SqlString(n.stream()));
        m.put("pipe", config.qualify(n.pipe()));
        m.put("e2ePipe", config.qualify(n.e2ePipe()));
        m.put("task", config.qualify(n.task()));
        m.put("taskNameLiteral", new SqlString(n.task()));
        m.put("stagePath", new SqlCode("@" + config.qualify(STAGE).sql() + "/" + e.folder() + "/"));
        m.put("e2eStagePath", new SqlCode("@" + config.qualify(E2E_STAGE).sql() + "/" + e.folder() + "/"));
        m.put("landingComment", new SqlString("autosync: " + lower + " events as loaded, with the raw payload"));
        m.put("normalisedComment", new SqlString("autosync: " + lower + ", one row per "
                + String.join(", ", e.keys()) + "; the newest event wins"));
        m.put("rejectsComment", new SqlString("autosync: " + lower + " events that could not be normalised"));
        m.put("streamComment", new SqlString("autosync: new rows of " + n.landingTable() + " for " + n.task()));
        m.put("pipeComment", new SqlString("autosync: loads " + lower + " events from the " + folderHint() + e.folder() + "/ folder"));
        m.put("e2ePipeComment", new SqlString("autosync: loads end-to-end check files for " + lower));
        m.put("taskComment", new SqlString("autosync: normalises " + lower + " events into " + n.normalisedTable()));
        m.put("eventId", new Identifier(e.eventId()));
        m.put("eventIdType", new SqlCode(e.field(e.eventId()).orElseThrow().type().sql()));
        m.put("orderBy", new Identifier(e.orderBy()));
        m.put("fields", flagged(e.fields(), this::field));
        m.put("keys", flagged(e.keys(), k -> Map.of("column", new Identifier(k))));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (FieldSpec f : e.fields()) {
            columns.add(normalisedField(f));
        }
        for (DerivedColumn d : e.derived()) {
            columns.add(derived(d));
        }
        m.put("normalisedColumns", flagged(columns, x -> x));
        List<Map<String, Object>> updates = columns.stream()
                .filter(c -> !e.keys().contains(((Identifier) c.get("column")).name())).toList();
        m.put("updateColumns", flagged(updates, x -> x));
        freshness(m, e.freshness());
        return m;
    }

    /** The freshness limit as SQL values for the freshness view (typed NULLs when the entity has none). */
    private static void freshness(Map<String, Object> m, dev.autosync.pipeline.Freshness f) {
        m.put("freshnessLimit", new SqlCode(f == null ? "NULL::NUMBER(38,0)" : Long.toString(f.limit().toMinutes())));
        m.put("freshnessDays", f == null ? new SqlCode("NULL::VARCHAR") : new SqlString(f.daysText()));
        m.put("freshnessFrom", f == null || f.from() == null ? new SqlCode("NULL::VARCHAR") : new SqlString(f.from().toString()));
        m.put("freshnessTo", f == null || f.to() == null ? new SqlCode("NULL::VARCHAR") : new SqlString(f.to().toString()));
        m.put("freshnessTimeZone", f == null ? new SqlCode("NULL::VARCHAR") : new SqlString(f.zone().getId()));
    }

    private String folderHint() {
        return config.provider().isCloud() ? config.storageUrl() : "@" + STAGE + "/";
    }

    private Map<String, Object> field(FieldSpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        FieldType.Kind k = f.type().kind();
        m.put("column", new Identifier(f.column()));
        m.put("path", new SqlCode(jsonPath(f.path())));
        m.put("type", new SqlCode(f.type().sql()));
        m.put("isVarchar", k == FieldType.Kind.VARCHAR);
        m.put("isNumber", k == FieldType.Kind.NUMBER);
        m.put("isDate", k == FieldType.Kind.DATE);
        m.put("isTimestamp", f.type().isTimestamp());
        m.put("isBoolean", k == FieldType.Kind.BOOLEAN);
        m.put("isVariant", k == FieldType.Kind.VARIANT);
        m.put("precision", f.type().precision());
        m.put("scale", f.type().scale());
        m.put("required", f.required());
        m.put("hasDefault", f.hasDefault());
        m.put("defaultValue", f.hasDefault() ? new SqlString(f.defaultValue()) : null);
        m.put("convertible", k != FieldType.Kind.VARCHAR && k != FieldType.Kind.VARIANT);
        m.put("missingReason", new SqlString("missing " + f.pathText()));
        m.put("invalidReason", new SqlString("invalid " + f.type().sql() + " in " + f.pathText() + ": "));
        return m;
    }

    private Map<String, Object> normalisedField(FieldSpec f) {
        Map<String, Object> m = column(f.column(), f.type());
        m.put("isField", true);
        return m;
    }

    private Map<String, Object> derived(DerivedColumn d) {
        Map<String, Object> m = column(d.column(), d.type());
        if (d instanceof MappedColumn mc) {
            m.put("isMapping", true);
            m.put("source", new Identifier(mc.source()));
            m.put("caseInsensitive", mc.caseInsensitive());
            List<Map<String, Object>> cases = new ArrayList<>();
            mc.values().forEach((from, to) -> cases.add(Map.of("from", new SqlString(from), "to", new SqlString(to))));
            m.put("cases", cases);
            m.put("otherwise", mc.otherwise() == null ? new SqlCode("NULL") : new SqlString(mc.otherwise()));
        } else if (d instanceof PercentageColumn pc) {
            m.put("isPercentage", true);
            m.put("numerator", new Identifier(pc.numerator()));
            m.put("denominator", new Identifier(pc.denominator()));
            m.put("scale", pc.type().scale());
            m.put("limit", new SqlCode("1" + "0".repeat(pc.type().precision() - pc.type().scale())));
        }
        return m;
    }

    private static Map<String, Object> column(String name, FieldType type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", new Identifier(name));
        m.put("type", new SqlCode(type.sql()));
        m.put("isField", false);
        m.put("isMapping", false);
        m.put("isPercentage", false);
        return m;
    }

    /** A path for {@code $1:path}: plain keys as they are, other keys double-quoted (validated to hold no quote). */
    static String jsonPath(List<String> segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            if (PLAIN_PATH_SEGMENT.matcher(s).matches() && !Identifiers.RESERVED.contains(s.toUpperCase(Locale.ROOT))) {
                sb.append(s);
            } else {
                if (s.indexOf('"') >= 0 || s.indexOf('\\') >= 0) {
                    throw new IllegalArgumentException("JSON key " + s + " cannot be rendered");
                }
                sb.append('"').append(s).append('"');
            }
        }
        return sb.toString();
    }

    private static SqlString stringOrNull(String s) {
        return s == null ? null : new SqlString(s);
    }

    static String providerTitle(Provider p) {
        return switch (p) {
            case S3 -> "Amazon S3";
            case AZURE -> "Azure Blob Storage";
            case GCS -> "Google Cloud Storage";
            case INTERNAL -> "Snowflake internal stage";
        };
    }

    /** Maps each item and adds {@code first} / {@code last} flags for separators in templates. */
    static <T> List<Map<String, Object>> flagged(List<T> items, Function<T, Map<String, Object>> f) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>(f.apply(items.get(i)));
            m.put("first", i == 0);
            m.put("last", i == items.size() - 1);
            out.add(m);
        }
        return out;
    }
}
