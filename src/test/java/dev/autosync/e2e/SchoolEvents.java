package dev.autosync.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Random school events for property tests: every event type (with case variants and unknown
 * types), decimals as numbers and strings, missing optional and required fields, bad values,
 * few keys and few timestamps (so events collide and tie), offsets that name the same instant
 * differently. Each event gets a unique event_id; replays repeat an event exactly.
 */
final class SchoolEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ATTENDANCE_TYPES = {"CHECK_IN", "check_in", "Check_In", "TARDY", "tardy", "ABSENT",
        "EXCUSED", "excused", "EARLY_DEPARTURE", "Early_Departure", "FIELD_TRIP", "", "CHECK-IN"};
    private static final String[] NAMES = {"Ana", "Zoë", "O'Brien", "李", "Nguyễn", "Ben \"B\" Lee", "back\\slash"};
    private static final String[] LANGUAGES = {"es", "en", "vi", "zh"};
    private static final Instant BASE = Instant.parse("2026-09-01T08:00:00Z");
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHoursMinutes(-5, -30)};

    private final Random r;
    private int next;

    SchoolEvents(long seed) {
        this.r = new Random(seed);
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    private String id(String prefix) {
        return prefix + "-" + (next++);
    }

    private String timestamp() {
        if (chance(3)) {
            return "not a time";
        }
        Instant t = BASE.plusSeconds(60L * r.nextInt(4));
        ZoneOffset o = pick(OFFSETS);
        return t.atOffset(o).format(java.time.format.DateTimeFormatter.ofPattern(chance(30)
                ? "uuuu-MM-dd'T'HH:mm:ss.SSSXXX" : "uuuu-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT));
    }

    private String studentId() {
        return "S" + (1 + r.nextInt(3));
    }

    ObjectNode attendance() {
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", id("att"));
        if (!chance(3)) {
            n.put("event_type", pick(ATTENDANCE_TYPES));
        }
        if (!chance(4)) {
            n.put("student_id", studentId());
        }
        if (chance(70)) {
            n.put("school_id", "SCH" + (1 + r.nextInt(2)));
        } else if (chance(50)) {
            n.putNull("school_id");
        }
        n.put("attendance_date", chance(4) ? pick(new String[] {"2026-02-30", "09/01/2026", "soon"}) : "2026-09-0" + (1 + r.nextInt(3)));
        n.put("event_timestamp", timestamp());
        return n;
    }

    ObjectNode grade() {
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", id("grd"));
        n.put("event_type", chance(80) ? "GRADE_POSTED" : "GRADE_CHANGED");
        n.put("student_id", studentId());
        n.put("course_id", "C" + (1 + r.nextInt(2)));
        if (!chance(3)) {
            n.put("assignment_id", "HW" + (1 + r.nextInt(2)));
        }
        putNumber(n, "score", true);
        putNumber(n, "max_score", false);
        n.put("graded_at", timestamp());
        return n;
    }

    private void putNumber(ObjectNode n, String field, boolean score) {
        int kind = r.nextInt(100);
        if (kind < 4) {
            return;
        }
        if (kind < 7) {
            n.put(field, pick(new String[] {"abc", "", "12,5", "1e99999"}));
            return;
        }
        if (!score && kind < 15) {
            n.put(field, 0);
            return;
        }
        int scale = r.nextInt(4);
        BigDecimal v = BigDecimal.valueOf(r.nextInt(score ? 120_000 : 200_000) + (score ? 0 : 1), 3).setScale(scale,
                java.math.RoundingMode.DOWN);
        if (chance(30)) {
            n.put(field, v.toPlainString());
        } else {
            n.put(field, v);
        }
    }

    ObjectNode studentRecord() {
        ObjectNode n = JSON.createObjectNode();
        n.put("event_id", id("stu"));
        n.put("event_type", pick(new String[] {"CREATE", "UPDATE", "TRANSFER"}));
        n.put("student_id", studentId());
        n.put("first_name", pick(NAMES));
        n.put("last_name", pick(NAMES));
        n.put("grade_level", String.valueOf(9 + r.nextInt(4)));
        if (!chance(3)) {
            n.put("school_id", "SCH" + (1 + r.nextInt(3)));
        }
        int lang = r.nextInt(3);
        if (lang == 0) {
            n.put("parent_language", pick(LANGUAGES));
        } else if (lang == 1) {
            n.putNull("parent_language");
        }
        n.put("event_timestamp", timestamp());
        return n;
    }

    ObjectNode event(String entity) {
        return switch (entity) {
            case "ATTENDANCE" -> attendance();
            case "GRADES" -> grade();
            case "STUDENTS" -> studentRecord();
            default -> throw new IllegalArgumentException(entity);
        };
    }

    List<ObjectNode> events(String entity, int count) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(event(entity));
        }
        return out;
    }

    /** The events plus exact replays of some of them, in a random order. */
    List<ObjectNode> withReplays(List<ObjectNode> events, int percent) {
        List<ObjectNode> out = new ArrayList<>(events);
        for (ObjectNode e : events) {
            if (chance(percent)) {
                out.add(e.deepCopy());
            }
        }
        Collections.shuffle(out, r);
        return out;
    }

    /** Splits records into 1..max files named {@code prefix-i}, each NDJSON or an array, some gzipped. */
    List<EventFile> split(List<ObjectNode> records, String prefix, int max) {
        List<ObjectNode> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, r);
        int files = Math.min(Math.max(1, shuffled.size()), 1 + r.nextInt(max));
        List<List<ObjectNode>> parts = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < shuffled.size(); i++) {
            parts.get(i < files ? i : r.nextInt(files)).add(shuffled.get(i));
        }
        List<EventFile> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            boolean array = chance(40);
            boolean gzip = chance(40);
            String name = prefix + "-" + i + ".json" + (gzip ? ".gz" : "");
            out.add(new EventFile(name, parts.get(i), encode(parts.get(i), array, gzip)));
        }
        return out;
    }

    static byte[] encode(List<ObjectNode> records, boolean array, boolean gzip) {
        try {
            String text;
            if (array) {
                text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records);
            } else {
                StringBuilder sb = new StringBuilder();
                for (ObjectNode n : records) {
                    sb.append(JSON.writeValueAsString(n)).append('\n');
                }
                text = sb.toString();
            }
            byte[] raw = text.getBytes(StandardCharsets.UTF_8);
            if (!gzip) {
                return raw;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
                z.write(raw);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file to upload: its name, the records in it and its bytes. */
    record EventFile(String name, List<ObjectNode> records, byte[] content) {
    }
}
