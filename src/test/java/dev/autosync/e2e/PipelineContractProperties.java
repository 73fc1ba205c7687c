package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autosync.e2e.SchoolEvents.EventFile;
import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.pipeline.EntitySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The properties of the pipeline contract ({@code design.md}), checked on the SQL that render
 * produces for the default pipeline, running on the emulator through snowflake-jdbc, against the
 * plain-Java {@link ContractModel}.
 */
class PipelineContractProperties {
    private static final List<String> ENTITIES = List.of("ATTENDANCE", "GRADES", "STUDENTS");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmulatorFixture fx;

    @BeforeContainer
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterContainer
    static void stop() {
        fx.close();
    }

    private static DeployedPipeline deploy() throws Exception {
        return new DeployedPipeline(fx, "PROP_" + DATABASES.incrementAndGet());
    }

    /** Uploads files for an entity and waits until the pipe has taken them all. */
    private static void load(DeployedPipeline p, EntitySpec e, List<EventFile> files) throws Exception {
        for (EventFile f : files) {
            p.put(e, f.name(), f.content());
        }
        p.refreshAndAwait(e, p.history(e).size() + files.size());
    }

    private static ContractModel model(EntitySpec e, List<ObjectNode> landed) {
        ContractModel m = new ContractModel(e);
        landed.forEach(m::land);
        return m;
    }

    // ------------------------------------------------------------------ 1. raw payload round trip

    @Property(tries = 12)
    void everyLoadedRecordKeepsTheJsonSentAsItsRawPayload(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int count)
            throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        try (DeployedPipeline p = deploy()) {
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                List<EventFile> files = gen.split(gen.withReplays(gen.events(name, count), 20), "raw", 4);
                load(p, e, files);
                Map<String, JsonNode> sent = new HashMap<>();
                for (EventFile f : files) {
                    for (int i = 0; i < f.records().size(); i++) {
                        sent.put(f.name() + "#" + (i + 1), f.records().get(i));
                    }
                }
                List<Map<String, Object>> landing = p.landing(e);
                assertEquals(sent.size(), landing.size(), name + ": one landing row per record sent");
                for (Map<String, Object> row : landing) {
                    String file = row.get("FILE_NAME").toString();
                    assertEquals(e.folder() + "/", file.substring(0, file.lastIndexOf('/') + 1), "FILE_NAME is the stage path");
                    String at = file.substring(file.lastIndexOf('/') + 1) + "#" + FieldValues.canonical(row.get("FILE_ROW_NUMBER"));
                    JsonNode expected = sent.remove(at);
                    assertTrue(expected != null, name + ": landing row " + at + " matches no record sent (or matches twice)");
                    assertEquals(FieldValues.canonicalJson(expected), FieldValues.canonicalJson((JsonNode) row.get("RAW_PAYLOAD")), name + " " + at);
                }
            }
        }
    }

    // ------------------------------------------------------------------ 2. event type -> status

    @Property(tries = 15)
    void attendanceStatusComesFromTheEventTypeCaseInsensitively(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int count)
            throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        Map<String, String> mapping = Map.of("CHECK_IN", "PRESENT", "TARDY", "TARDY", "ABSENT", "ABSENT", "EXCUSED", "EXCUSED",
                "EARLY_DEPARTURE", "EARLY_DISMISSAL");
        try (DeployedPipeline p = deploy()) {
            EntitySpec e = p.entity("ATTENDANCE");
            List<ObjectNode> events = gen.events("ATTENDANCE", count);
            load(p, e, gen.split(events, "status", 3));
            p.runTask(e);
            List<Map<String, Object>> rows = p.normalised(e);
            for (Map<String, Object> row : rows) {
                String type = (String) row.get("EVENT_TYPE");
                assertEquals(mapping.getOrDefault(type.toUpperCase(Locale.ROOT), "UNKNOWN"), row.get("STATUS"), "event type " + type);
            }
            assertNormalisedMatchesModel(p, e, model(e, events));
        }
    }

    // ------------------------------------------------------------------ 3. idempotency and convergence

    @Property(tries = 10)
    void replayingResplittingAndReorderingConvergesOnTheSameTables(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 25) int count) throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        Random r = new Random(seed);
        try (DeployedPipeline p = deploy()) {
            Map<String, List<ObjectNode>> all = new HashMap<>();
            for (String name : ENTITIES) {
                all.put(name, gen.events(name, count));
            }
            // first delivery: the events in random files, in two batches with task runs in between
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                List<EventFile> files = gen.split(all.get(name), "first", 5);
                int cut = r.nextInt(files.size() + 1);
                load(p, e, files.subList(0, cut));
                p.runTask(e);
                load(p, e, files.subList(cut, files.size()));
            }
            p.runTasks();
            Map<String, List<String>> first = new HashMap<>();
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                assertNormalisedMatchesModel(p, e, model(e, all.get(name)));
                first.put(name, snapshot(p, e));
            }
            // replay: the same events again, split differently and reordered, the tasks run any number of times
            for (String name : ENTITIES) {
                load(p, p.entity(name), gen.split(gen.withReplays(all.get(name), 30), "replay", 5));
            }
            int runs = 1 + r.nextInt(2);
            for (int i = 0; i < runs; i++) {
                p.runTasks();
            }
            for (String name : ENTITIES) {
                assertEquals(first.get(name), snapshot(p, p.entity(name)), name + " changed after a replay");
            }
        }
    }

    private static List<String> snapshot(DeployedPipeline p, EntitySpec e) throws Exception {
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> row : p.normalised(e)) {
            rows.add(canonicalRow(row));
        }
        rows.sort(null);
        return rows;
    }

    private static String canonicalRow(Map<String, Object> row) {
        Map<String, String> out = new TreeMap<>();
        row.forEach((k, v) -> out.put(k, FieldValues.canonical(v)));
        return out.toString();
    }

    static void assertNormalisedMatchesModel(DeployedPipeline p, EntitySpec e, ContractModel m) throws Exception {
        List<String> expected = new ArrayList<>();
        m.normalised().values().forEach(row -> expected.add(canonicalRow(row)));
        expected.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", snapshot(p, e)), e.name() + " normalised table");
        List<String> expectedRejects = new ArrayList<>();
        m.rejects().forEach(x -> expectedRejects.add(FieldValues.canonical(x.eventId()) + " | " + x.reason()));
        expectedRejects.sort(null);
        List<String> actualRejects = new ArrayList<>();
        for (Map<String, Object> row : p.rejects(e)) {
            actualRejects.add(FieldValues.canonical(row.get(e.eventId())) + " | " + row.get("REJECT_REASON"));
        }
        actualRejects.sort(null);
        assertEquals(String.join("\n", expectedRejects), String.join("\n", actualRejects), e.name() + " rejects table");
    }

    // ------------------------------------------------------------------ 4. malformed files

    @Property(tries = 10)
    void aMalformedFileIsSkippedWholeAndReportedWhileTheOthersLoad(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 20) int count,
                                                                   @ForAll @IntRange(min = 1, max = 3) int bad) throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        Random r = new Random(seed);
        try (DeployedPipeline p = deploy()) {
            EntitySpec e = p.entity(ENTITIES.get(r.nextInt(ENTITIES.size())));
            List<EventFile> good = gen.split(gen.events(e.name(), count), "good", 4);
            List<EventFile> files = new ArrayList<>(good);
            List<String> badNames = new ArrayList<>();
            for (int i = 0; i < bad; i++) {
                EventFile f = malformed(gen, e, r, i);
                files.add(r.nextInt(files.size() + 1), f);
                badNames.add(f.name());
            }
            load(p, e, files);
            List<String> history = p.history(e);
            assertEquals(files.size(), history.size(), "one history entry per file: " + history);
            int goodRows = 0;
            for (EventFile f : good) {
                goodRows += f.records().size();
            }
            for (String h : history) {
                String[] col = h.split("\\|", -1);
                String file = col[0].substring(col[0].lastIndexOf('/') + 1);
                if (badNames.contains(file)) {
                    assertEquals("Load failed", col[1], h);
                    assertEquals("0", col[2], "a bad file loads no rows: " + h);
                    assertFalse(col[3].isBlank() || col[3].equals("null"), "the first error is reported: " + h);
                } else {
                    assertEquals("Loaded", col[1], h);
                }
            }
            assertEquals(goodRows, p.landing(e).size(), "every record of the good files landed");
            List<String> errorLog = p.q("SELECT FILE_NAME, STATUS FROM " + p.name("AUTOSYNC_ERROR_LOG"));
            for (String name : badNames) {
                assertTrue(errorLog.stream().anyMatch(x -> x.contains(name) && x.contains("Load failed")),
                        name + " is in AUTOSYNC_ERROR_LOG: " + errorLog);
            }
        }
    }

    /** A file that is not valid JSON: truncated, garbage, or NDJSON that goes bad after good lines. */
    private static EventFile malformed(SchoolEvents gen, EntitySpec e, Random r, int i) {
        String name = "bad-" + i + ".json";
        List<ObjectNode> some = gen.events(e.name(), 1 + r.nextInt(3));
        String good = new String(SchoolEvents.encode(some, false, false), StandardCharsets.UTF_8);
        String text = switch (r.nextInt(3)) {
            // cut inside the first record: half the whole file could end exactly at a line break
            // (two records of equal length) and leave valid NDJSON
            case 0 -> good.substring(0, good.indexOf('\n') / 2);
            case 1 -> good + "{\"event_id\": \"x\", \"student_id\": }\n";
            default -> "this is not json at all\n";
        };
        return new EventFile(name, List.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ 5. nothing lost

    @Property(tries = 10)
    void everyLandingRowIsNormalisedRejectedOrSuperseded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int count)
            throws Exception {
        SchoolEvents gen = new SchoolEvents(seed);
        try (DeployedPipeline p = deploy()) {
            for (String name : ENTITIES) {
                EntitySpec e = p.entity(name);
                List<ObjectNode> sent = gen.withReplays(gen.events(name, count), 25);
                load(p, e, gen.split(sent, "all", 4));
                p.runTask(e);
                ContractModel m = model(e, sent);
                List<Map<String, Object>> landing = p.landing(e);
                List<Map<String, Object>> rejects = p.rejects(e);
                List<Map<String, Object>> normalised = p.normalised(e);
                Map<String, Map<String, Object>> byKey = new HashMap<>();
                for (Map<String, Object> row : normalised) {
                    byKey.put(key(e, row), row);
                }
                Map<String, Integer> rejected = new HashMap<>();
                for (Map<String, Object> row : rejects) {
                    rejected.merge(row.get("FILE_NAME") + "#" + FieldValues.canonical(row.get("FILE_ROW_NUMBER")), 1, Integer::sum);
                }
                long superseded = 0;
                for (Map<String, Object> row : landing) {
                    String at = row.get("FILE_NAME") + "#" + FieldValues.canonical(row.get("FILE_ROW_NUMBER"));
                    if (rejected.remove(at) != null) {
                        continue;
                    }
                    Map<String, Object> winner = byKey.get(key(e, row));
                    assertTrue(winner != null, name + ": landing row " + at + " is neither rejected nor normalised");
                    Object id = row.get(e.eventId());
                    if (!id.equals(winner.get(e.eventId()))) {
                        superseded++;
                        assertTrue(notOlder(e, winner, row), name + ": " + at + " lost to an older event");
                    }
                }
                assertTrue(rejected.isEmpty(), name + ": rejects that match no landing row: " + rejected.keySet());
                long winners = landing.size() - rejects.size() - superseded;
                assertTrue(winners >= normalised.size(), name + ": landing = normalised + rejected + superseded");
                assertEquals(m.landed(), landing.size(), name + " landing rows");
                assertEquals(m.rejects().size(), rejects.size(), name + " rejected rows");
                assertEquals(m.normalised().size(), normalised.size(), name + " normalised rows");
                assertEquals(m.landed(), normalised.size() + rejects.size() + m.superseded(), name + " nothing lost");
            }
        }
    }

    private static String key(EntitySpec e, Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : e.keys()) {
            sb.append(FieldValues.canonical(row.get(k))).append('\u0001');
        }
        return sb.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean notOlder(EntitySpec e, Map<String, Object> winner, Map<String, Object> row) {
        int c = ((Comparable) winner.get(e.orderBy())).compareTo(row.get(e.orderBy()));
        return c > 0 || c == 0 && ((Comparable) winner.get(e.eventId())).compareTo(row.get(e.eventId())) >= 0;
    }

    static JsonNode text(String s) {
        return JsonNodeFactory.instance.textNode(s);
    }
}
