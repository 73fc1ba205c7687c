package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.base.Names;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.emulator.sql.Cursor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
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

    private final StatementExecutor x;
    private final Cursor c;
    private final Catalog catalog;

    StageDdl(StatementExecutor x) {
        this.x = x;
        this.c = x.c;
        this.catalog = x.engine.catalog();
    }

    Result create(String kind, Ddl.CreateHeader h) throws SQLException {
        return switch (kind) {
            case "STAGE" -> createStage(h);
            case "FILE_FORMAT" -> createFileFormat(h);
            case "STORAGE_INTEGRATION" -> createStorageIntegration(h);
            default -> createNotificationIntegration(h);
        };
    }

    private Result createStage(Ddl.CreateHeader h) throws SQLException {
        ObjectRef ref = x.name("CREATE STAGE");
        x.requireSchema(ref);
        ObjectNode props = Options.parse(c, Set.of());
        validateStage(props);
        Result done = new Ddl(x).existing(CatalogKind.STAGE, ref, h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.STAGE, ref, Options.text(props, "COMMENT"),
                props, null));
        CatalogObject stage = catalog.require(CatalogKind.STAGE, ref);
        try {
            Files.createDirectories(x.engine.stages().location(stage, "").root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Result.ddl("Stage area " + Names.display(ref.name()) + " successfully created.");
    }

    private void validateStage(ObjectNode props) {
        String url = Options.text(props, "URL");
        if (url != null) {
            x.engine.stages().urlFolder(url);
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
                x.engine.stages().named(x, o.get("FORMAT_NAME").asText());
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
        List<String> allowed = list(integration.props().get("STORAGE_ALLOWED_LOCATIONS"));
        boolean inside = allowed.stream().anyMatch(a -> a.equals("*") || url.startsWith(a));
        boolean blocked = list(integration.props().get("STORAGE_BLOCKED_LOCATIONS")).stream().anyMatch(url::startsWith);
        if (!inside || blocked) {
            throw new SnowflakeError("003094", "22023", "SQL execution error: Location '" + url + "' is not allowed by "
                    + "integration '" + integration.name() + "'. Please use DESC INTEGRATION to check out allowed and "
                    + "blocked locations.");
        }
    }

    static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    private Result createFileFormat(Ddl.CreateHeader h) throws SQLException {
        ObjectRef ref = x.name("CREATE FILE FORMAT");
        x.requireSchema(ref);
        ObjectNode props = Options.parse(c, Set.of());
        FileFormat.of(props);
        if (!props.has("TYPE")) {
            props.put("TYPE", "CSV");
        }
        Result done = new Ddl(x).existing(CatalogKind.FILE_FORMAT, ref, h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.FILE_FORMAT, ref,
                Options.text(props, "COMMENT"), props, null));
        return Result.ddl("File format " + Names.display(ref.name()) + " successfully created.");
    }

    private Result createStorageIntegration(Ddl.CreateHeader h) throws SQLException {
        String name = x.translator().nameParts().get(0);
        ObjectNode props = Options.parse(c, Set.of());
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
        for (String loc : list(props.get("STORAGE_ALLOWED_LOCATIONS"))) {
            if (!loc.equals("*")) {
                x.engine.stages().urlFolder(loc);
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
        Result done = integrationExisting(name, h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.STORAGE_INTEGRATION,
                ObjectRef.account(name), Options.text(props, "COMMENT"), props, null));
        return Result.ddl("Integration " + Names.display(name) + " successfully created.");
    }

    private Result createNotificationIntegration(Ddl.CreateHeader h) throws SQLException {
        String name = x.translator().nameParts().get(0);
        ObjectNode props = Options.parse(c, Set.of());
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
        Result done = integrationExisting(name, h);
        if (done != null) {
            return done;
        }
        x.engine.atomic(x.session, () -> catalog.create(x.session.conn(), CatalogKind.NOTIFICATION_INTEGRATION,
                ObjectRef.account(name), Options.text(props, "COMMENT"), props, null));
        return Result.ddl("Integration " + Names.display(name) + " successfully created.");
    }

    private Result integrationExisting(String name, Ddl.CreateHeader h) throws SQLException {
        ObjectRef ref = ObjectRef.account(name);
        CatalogObject old = catalog.find(CatalogKind.STORAGE_INTEGRATION, ref)
                .or(() -> catalog.find(CatalogKind.NOTIFICATION_INTEGRATION, ref)).orElse(null);
        if (old == null) {
            return null;
        }
        return new Ddl(x).existing(old.kind(), ref, h);
    }

    private static void requireValue(ObjectNode props, String key, String expected) {
        String v = Options.text(props, key);
        if (v == null || !v.equalsIgnoreCase(expected)) {
            throw SnowflakeError.compilation("invalid value [" + v + "] for parameter '" + key + "'; expected " + expected);
        }
    }

    Result alter(String kind) throws SQLException {
        c.acceptAll("IF", "EXISTS");
        List<String> parts = x.translator().nameParts();
        CatalogObject o = switch (kind) {
            case "STAGE" -> catalog.require(CatalogKind.STAGE, x.resolve(parts, "ALTER STAGE"));
            case "FILE_FORMAT" -> catalog.require(CatalogKind.FILE_FORMAT, x.resolve(parts, "ALTER FILE FORMAT"));
            default -> {
                ObjectRef ref = ObjectRef.account(parts.get(0));
                yield catalog.find(CatalogKind.STORAGE_INTEGRATION, ref).or(() -> catalog.find(CatalogKind.NOTIFICATION_INTEGRATION, ref))
                        .orElseThrow(() -> SnowflakeError.doesNotExist("Integration", Names.display(parts.get(0))));
            }
        };
        if (c.accept("SET")) {
            ObjectNode set = Options.parse(c, Set.of());
            ObjectNode merged = o.props().deepCopy();
            set.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            if (o.kind() == CatalogKind.STAGE) {
                validateStage(merged);
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
            } while (c.accept(dev.autosync.sql.TokenType.COMMA));
        } else {
            throw SnowflakeError.unsupported("ALTER " + kind.replace('_', ' ') + " " + c.peek().upper());
        }
        x.engine.atomic(x.session, () -> {
            catalog.save(x.session.conn(), o);
            return null;
        });
        return Result.ddl("Statement executed successfully.");
    }
}
