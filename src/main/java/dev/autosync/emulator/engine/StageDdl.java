package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;
import dev.autosync.sql.TokenType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * CREATE and ALTER for stages, file formats and storage / notification integrations. Integrations
 * are metadata only; DESC INTEGRATION answers with stable made-up identities (IAM user, consent
 * URL, service account) so a user can see what they would put in a trust policy.
 */
final class StageDdl {
    private static final Set<String> STORAGE_PROVIDERS = Set.of("S3", "S3GOV", "S3CHINA", "GCS", "AZURE");

    private final Catalog catalog;
    private final Stages stages;
    private final Transactions transactions;
    private final ExistingObjects existing;

    StageDdl(Catalog catalog, Stages stages, Transactions transactions, ExistingObjects existing) {
        this.catalog = catalog;
        this.stages = stages;
        this.transactions = transactions;
        this.existing = existing;
    }

    Result create(StatementContext st, CreateHeader h) throws SQLException {
        return switch (h.kind()) {
            case "STAGE" -> createStage(st, h);
            case "FILE_FORMAT" -> createFileFormat(st, h);
            case "STORAGE_INTEGRATION" -> createStorageIntegration(st, h);
            default -> createNotificationIntegration(st, h);
        };
    }

    private Result createStage(StatementContext st, CreateHeader h) throws SQLException {
        ObjectRef ref = st.name("CREATE STAGE");
        catalog.requireSchema(ref);
        ObjectNode props = Options.parse(st.cursor(), Set.of());
        validateStage(st, props);
        Result done = existing.check(st.session(), CatalogKind.STAGE, ref, h);
        if (done != null) {
            return done;
        }
        Session s = st.session();
        transactions.atomic(s, () -> catalog.create(s.conn(), CatalogKind.STAGE, ref, Options.text(props, "COMMENT"), props, null));
        CatalogObject stage = catalog.require(CatalogKind.STAGE, ref);
        try {
            Files.createDirectories(stages.location(stage, "").root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Result.ddl("Stage area " + ref.name() + " successfully created.");
    }

    private void validateStage(StatementContext st, ObjectNode props) {
        String url = Options.text(props, "URL");
        if (url != null) {
            stages.urlFolder(url);
            String integration = Options.text(props, "STORAGE_INTEGRATION");
            if (integration != null) {
                CatalogObject i = catalog.find(CatalogKind.STORAGE_INTEGRATION, ObjectRef.account(integration))
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", Names.display(integration)));
                checkAllowed(i, url);
            }
        } else if (props.has("STORAGE_INTEGRATION")) {
            throw SnowflakeError.compilation("STORAGE_INTEGRATION needs a URL: an internal stage has no integration.");
        }
        JsonNode ff = props.get("FILE_FORMAT");
        if (ff instanceof ObjectNode o) {
            if (o.hasNonNull("FORMAT_NAME")) {
                stages.named(st, o.get("FORMAT_NAME").asText());
            } else {
                FileFormat.of(o);
            }
        }
    }

    /** A stage URL must fall inside the integration's allowed locations and outside its blocked ones. */
    private static void checkAllowed(CatalogObject integration, String url) {
        String provider = integration.prop("STORAGE_PROVIDER");
        String scheme = url.substring(0, url.indexOf("://")).toUpperCase(Locale.ROOT);
        boolean schemeOk = provider == null || provider.startsWith(scheme) || scheme.startsWith(provider);
        if (!schemeOk) {
            throw new SnowflakeError("003093", "22023", "SQL execution error: Storage integration '" + integration.name()
                    + "' is for " + provider + " and cannot be used for the location '" + url + "'.");
        }
        if (!Options.bool(integration.props(), "ENABLED", true)) {
            throw new SnowflakeError("003093", "22023", "SQL execution error: Storage integration '" + integration.name()
                    + "' is disabled.");
        }
        List<String> allowed = Options.list(integration.props().get("STORAGE_ALLOWED_LOCATIONS"));
        boolean inside = allowed.stream().anyMatch(a -> a.equals("*") || url.startsWith(a));
        boolean blocked = Options.list(integration.props().get("STORAGE_BLOCKED_LOCATIONS")).stream().anyMatch(url::startsWith);
        if (!inside || blocked) {
            throw new SnowflakeError("003094", "22023", "SQL execution error: Location '" + url + "' is not allowed by "
                    + "integration '" + integration.name() + "'. Please use DESC INTEGRATION to check out allowed and "
                    + "blocked locations.");
        }
    }

    private Result createFileFormat(StatementContext st, CreateHeader h) throws SQLException {
        ObjectRef ref = st.name("CREATE FILE FORMAT");
        catalog.requireSchema(ref);
        ObjectNode props = Options.parse(st.cursor(), Set.of());
        FileFormat.of(props);
        if (!props.has("TYPE")) {
            props.put("TYPE", "CSV");
        }
        Result done = existing.check(st.session(), CatalogKind.FILE_FORMAT, ref, h);
        if (done != null) {
            return done;
        }
        transactions.atomic(st.session(), () -> catalog.create(st.session().conn(), CatalogKind.FILE_FORMAT, ref,
                Options.text(props, "COMMENT"), props, null));
        return Result.ddl("File format " + ref.name() + " successfully created.");
    }

    private Result createStorageIntegration(StatementContext st, CreateHeader h) throws SQLException {
        String name = st.translator().nameParts().get(0);
        ObjectNode props = Options.parse(st.cursor(), Set.of());
        requireValue(props, "TYPE", "EXTERNAL_STAGE");
        String provider = Options.text(props, "STORAGE_PROVIDER");
        if (provider == null || !STORAGE_PROVIDERS.contains(provider.toUpperCase(Locale.ROOT))) {
            throw SnowflakeError.compilation("invalid value [" + provider + "] for parameter 'STORAGE_PROVIDER'; use one of "
                    + "S3, GCS, AZURE");
        }
        props.put("STORAGE_PROVIDER", provider.toUpperCase(Locale.ROOT));
        if (!props.has("STORAGE_ALLOWED_LOCATIONS")) {
            throw SnowflakeError.compilation("missing required parameter STORAGE_ALLOWED_LOCATIONS");
        }
        if (!props.has("ENABLED")) {
            throw SnowflakeError.compilation("missing required parameter ENABLED");
        }
        for (String loc : Options.list(props.get("STORAGE_ALLOWED_LOCATIONS"))) {
            if (!loc.equals("*")) {
                stages.urlFolder(loc);
            }
        }
        if (provider.toUpperCase(Locale.ROOT).startsWith("S3") && !props.has("STORAGE_AWS_ROLE_ARN")) {
            throw SnowflakeError.compilation("missing required parameter STORAGE_AWS_ROLE_ARN for an S3 integration");
        }
        if (provider.equalsIgnoreCase("AZURE") && !props.has("AZURE_TENANT_ID")) {
            throw SnowflakeError.compilation("missing required parameter AZURE_TENANT_ID for an Azure integration");
        }
        if (!props.has("STORAGE_AWS_EXTERNAL_ID") && provider.toUpperCase(Locale.ROOT).startsWith("S3")) {
            // Without a pinned external id, every (re)creation gets a new one, as in Snowflake.
            props.put("GENERATED_EXTERNAL_ID", "LOCAL_SFCRole=1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + "=");
        }
        Result done = existing.checkIntegration(st.session(), name, h);
        if (done != null) {
            return done;
        }
        transactions.atomic(st.session(), () -> catalog.create(st.session().conn(), CatalogKind.STORAGE_INTEGRATION,
                ObjectRef.account(name), Options.text(props, "COMMENT"), props, null));
        return Result.ddl("Integration " + name + " successfully created.");
    }

    private Result createNotificationIntegration(StatementContext st, CreateHeader h) throws SQLException {
        String name = st.translator().nameParts().get(0);
        ObjectNode props = Options.parse(st.cursor(), Set.of());
        requireValue(props, "TYPE", "QUEUE");
        String provider = Options.text(props, "NOTIFICATION_PROVIDER");
        if (provider == null) {
            throw SnowflakeError.compilation("missing required parameter NOTIFICATION_PROVIDER");
        }
        if (provider.equalsIgnoreCase("AZURE_STORAGE_QUEUE")) {
            if (!props.has("AZURE_STORAGE_QUEUE_PRIMARY_URI") || !props.has("AZURE_TENANT_ID")) {
                throw SnowflakeError.compilation("an AZURE_STORAGE_QUEUE integration needs AZURE_STORAGE_QUEUE_PRIMARY_URI and AZURE_TENANT_ID");
            }
        } else if (provider.equalsIgnoreCase("GCP_PUBSUB")) {
            if (!props.has("GCP_PUBSUB_SUBSCRIPTION_NAME")) {
                throw SnowflakeError.compilation("a GCP_PUBSUB integration needs GCP_PUBSUB_SUBSCRIPTION_NAME");
            }
        } else {
            throw SnowflakeError.unsupported("NOTIFICATION_PROVIDER = " + provider);
        }
        Result done = existing.checkIntegration(st.session(), name, h);
        if (done != null) {
            return done;
        }
        transactions.atomic(st.session(), () -> catalog.create(st.session().conn(), CatalogKind.NOTIFICATION_INTEGRATION,
                ObjectRef.account(name), Options.text(props, "COMMENT"), props, null));
        return Result.ddl("Integration " + name + " successfully created.");
    }

    private static void requireValue(ObjectNode props, String key, String expected) {
        String v = Options.text(props, key);
        if (v == null || !v.equalsIgnoreCase(expected)) {
            throw SnowflakeError.compilation("invalid value [" + v + "] for parameter '" + key + "'; expected " + expected);
        }
    }

    Result alter(StatementContext st, String kind) throws SQLException {
        Cursor c = st.cursor();
        c.acceptAll("IF", "EXISTS");
        List<String> parts = st.translator().nameParts();
        CatalogObject o = switch (kind) {
            case "STAGE" -> catalog.require(CatalogKind.STAGE, st.resolve(parts, "ALTER STAGE"));
            case "FILE_FORMAT" -> catalog.require(CatalogKind.FILE_FORMAT, st.resolve(parts, "ALTER FILE FORMAT"));
            default -> {
                yield catalog.findIntegration(ObjectRef.account(parts.get(0)))
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", Names.display(parts.get(0))));
            }
        };
        if (c.accept("SET")) {
            ObjectNode set = Options.parse(c, Set.of());
            ObjectNode merged = o.props().deepCopy();
            set.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            if (o.kind() == CatalogKind.STAGE) {
                validateStage(st, merged);
            } else if (o.kind() == CatalogKind.FILE_FORMAT) {
                FileFormat.of(merged);
            }
            o.props(merged);
            if (set.has("COMMENT")) {
                o.comment(set.get("COMMENT").asText());
            }
        } else if (c.accept("UNSET")) {
            do {
                String key = c.next().upper();
                o.props().remove(key);
                if (key.equals("COMMENT")) {
                    o.comment(null);
                }
            } while (c.accept(TokenType.COMMA));
        } else {
            throw SnowflakeError.unsupported("ALTER " + kind.replace('_', ' ') + " " + c.peek().upper());
        }
        transactions.atomically(st.session(), () -> catalog.save(st.session().conn(), o));
        return Result.ddl("Statement executed successfully.");
    }
}
