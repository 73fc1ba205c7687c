package dev.autosync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.pipeline.InvalidPipelineSpecException;
import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;
import dev.autosync.sql.SqlLexer;
import dev.autosync.sql.Token;
import dev.autosync.sql.TokenType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile configuration values (quotes, semicolons, comment markers, backslashes, newlines, dollar
 * quotes, Mustache tags) either fail validation naming the property, or render as inert data: the
 * rendered SQL has exactly the tokens it has with a harmless value, apart from string literal values.
 */
class HostileValuesTest {
    private static final String[] PAYLOADS = {"'; DROP TABLE X; --", "\\'", "\\", "$$", "*/", "/*", "--", "//",
            "{{database}}", "}}", "\n", "\r\n", "\"", "\u2028", "\u0000", "'||'", "\\x27", "@stage"};

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> chars = Arbitraries.strings().withChars("'\";-/*\\$\n\r\t{}()@:.,=<>% ")
                .withCharRange('a', 'z').withCharRange('A', 'Z').ofMaxLength(30);
        Arbitrary<String> payload = Arbitraries.of(PAYLOADS);
        return Combinators.combine(chars, payload, chars).as((a, p, b) -> a + p + b);
    }

    /** Setting name -> how it is applied, and a harmless value for the baseline. */
    private record Setting(String property, BiConsumer<RenderSettings, String> apply, String harmless, boolean identifier,
                           Provider provider) {
        Setting(String property, BiConsumer<RenderSettings, String> apply, String harmless, boolean identifier) {
            this(property, apply, harmless, identifier, Provider.S3);
        }
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("autosync.database", RenderSettings::database, "SCHOOL_DATA", true),
            new Setting("autosync.schema", RenderSettings::schema, "AUTOSYNC", true),
            new Setting("autosync.storageIntegration", RenderSettings::storageIntegration, "INT", true),
            new Setting("autosync.notificationIntegration", RenderSettings::notificationIntegration, "NINT", true),
            new Setting("autosync.taskWarehouse", RenderSettings::taskWarehouse, "WH", true),
            new Setting("autosync.bucket", RenderSettings::bucket, "district-events", false),
            new Setting("autosync.prefix", RenderSettings::prefix, "autosync/", false),
            new Setting("autosync.awsRoleArn", RenderSettings::awsRoleArn, "arn:aws:iam::123456789012:role/r", false),
            new Setting("autosync.awsExternalId", RenderSettings::awsExternalId, "ext-1", false),
            new Setting("autosync.taskSchedule", RenderSettings::taskSchedule, "5 MINUTES", false),
            new Setting("autosync.blockedLocations", (s, v) -> s.blockedLocations(List.of("s3://district-events/" + v)),
                    "priv/", false),
            new Setting("autosync.awsSnsTopic", RenderSettings::awsSnsTopic, "arn:aws:sns:us-east-1:123456789012:events", false),
            new Setting("autosync.azureStorageAccount", RenderSettings::azureStorageAccount, "districtevents", false, Provider.AZURE),
            new Setting("autosync.azureContainer", RenderSettings::azureContainer, "events", false, Provider.AZURE),
            new Setting("autosync.azureTenantId", RenderSettings::azureTenantId, "7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b", false,
                    Provider.AZURE),
            new Setting("autosync.azureQueueUri", RenderSettings::azureQueueUri,
                    "https://districtevents.queue.core.windows.net/q", false, Provider.AZURE),
            new Setting("autosync.gcsPubsubSubscription", RenderSettings::gcsPubsubSubscription,
                    "projects/district-1/subscriptions/events", false, Provider.GCS),
            new Setting("autosync.provider", RenderSettings::provider, "s3", false));

    @Property(tries = 400)
    void hostileSettingsAreRefusedOrInert(@ForAll("hostile") String value, @ForAll("settingIndex") int index) throws Exception {
        Setting setting = SETTINGS.get(index);
        RenderSettings baseline = RenderFixtures.settings(setting.provider());
        setting.apply().accept(baseline, setting.harmless());
        RenderSettings hostile = RenderFixtures.settings(setting.provider());
        setting.apply().accept(hostile, value);
        RenderConfig config;
        try {
            config = hostile.validate();
        } catch (InvalidSettingsException e) {
            assertTrue(e.problems().stream().anyMatch(p -> p.property().equals(setting.property())),
                    "the refusal must name " + setting.property() + ": " + e.getMessage());
            return;
        }
        // An accepted identifier is a plain word: compare token types only where names appear.
        assertSameStructure(render(baseline.validate(), RenderFixtures.schoolSpec()),
                render(config, RenderFixtures.schoolSpec()), value, setting.identifier());
    }

    @Provide
    Arbitrary<Integer> settingIndex() {
        return Arbitraries.integers().between(0, SETTINGS.size() - 1);
    }

    /** Spec values that end up in SQL as literals: defaults, mapped values and the fallback. */
    @Property(tries = 300)
    void hostileSpecValuesAreInert(@ForAll("hostile") String value, @ForAll("specPlace") int place) throws Exception {
        PipelineSpec baseline = spec(place, "x");
        PipelineSpec hostile;
        try {
            hostile = spec(place, value);
        } catch (InvalidPipelineSpecException e) {
            return; // a value the spec refuses (too long) never reaches SQL
        }
        RenderConfig config = RenderFixtures.settings(Provider.INTERNAL).validate();
        assertSameStructure(render(config, baseline), render(config, hostile), value, false);
    }

    @Provide
    Arbitrary<Integer> specPlace() {
        return Arbitraries.integers().between(0, 3);
    }

    private static PipelineSpec spec(int place, String value) throws IOException, InvalidPipelineSpecException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root;
        try (InputStream in = HostileValuesTest.class.getClassLoader().getResourceAsStream(PipelineSpecReader.DEFAULT_RESOURCE)) {
            root = (ObjectNode) json.readTree(in);
        }
        ObjectNode attendanceStatus = (ObjectNode) root.path("entities").get(0).path("derived").get(0);
        ObjectNode language = (ObjectNode) root.path("entities").get(2).path("fields").get(7);
        switch (place) {
            case 0 -> language.put("default", value);
            case 1 -> ((ObjectNode) attendanceStatus.path("values")).put("TARDY", value);
            case 2 -> attendanceStatus.put("otherwise", value);
            default -> ((ObjectNode) attendanceStatus.path("values")).put("ZZ" + value.replace("\"", ""), "V");
        }
        return new PipelineSpecReader().read(json.writeValueAsString(root), "hostile.json");
    }

    private static List<String> render(RenderConfig config, PipelineSpec spec) throws TemplateException {
        RenderedBundle b = new Renderer(null).render(config, spec);
        List<String> sql = new ArrayList<>();
        b.statements().forEach(s -> sql.add(s.sql()));
        sql.addAll(b.postDeploy());
        sql.add(b.diagnosticsSql());
        sql.add(b.cloudSetupSql());
        return sql;
    }

    private static void assertSameStructure(List<String> baseline, List<String> hostile, String value, boolean wordsVary) {
        assertEquals(baseline.size(), hostile.size());
        for (int i = 0; i < baseline.size(); i++) {
            assertEquals(structure(baseline.get(i), wordsVary), structure(hostile.get(i), wordsVary),
                    "the value " + printable(value) + " changed the structure of:\n" + hostile.get(i));
        }
    }

    /** Token types and texts, with string literals reduced to their type (recursing into $$ bodies). */
    private static String structure(String sql, boolean wordsVary) {
        return SqlLexer.tokenize(sql).stream().filter(t -> t.type() != TokenType.WHITESPACE)
                .map(t -> shape(t, wordsVary)).collect(Collectors.joining(" "));
    }

    private static String shape(Token t, boolean wordsVary) {
        if (t.type() == TokenType.STRING) {
            return t.text().startsWith("$$") ? "$$[" + structure(t.value(), wordsVary) + "]" : "STRING";
        }
        if (t.type() == TokenType.COMMENT) {
            return "COMMENT";
        }
        if (wordsVary && (t.type() == TokenType.WORD || t.type() == TokenType.STAGE_REFERENCE)) {
            return t.type().name();
        }
        return t.type() + ":" + t.text();
    }

    private static String printable(String s) {
        return s.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }

}
