package dev.autosync.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.render.RenderFixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContractModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EntitySpec entity(String name) {
        return RenderFixtures.schoolSpec().entities().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static ContractModel land(String entity, String... records) throws Exception {
        ContractModel m = new ContractModel(entity(entity));
        for (String r : records) {
            m.land(JSON.readTree(r));
        }
        return m;
    }

    @Test
    void theNewestEventWinsWhateverTheOrderAndTiesGoToTheLargerEventId() throws Exception {
        String older = "{\"event_id\":\"e9\",\"event_type\":\"ABSENT\",\"student_id\":\"S1\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T08:00:00Z\"}";
        String newer = "{\"event_id\":\"e1\",\"event_type\":\"check_in\",\"student_id\":\"S1\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T10:00:00+01:00\"}";
        String tie = "{\"event_id\":\"e2\",\"event_type\":\"TARDY\",\"student_id\":\"S1\",\"attendance_date\":\"2026-09-01\",\"event_timestamp\":\"2026-09-01T09:00:00Z\"}";
        for (List<String> order : List.of(List.of(older, newer, tie), List.of(tie, newer, older), List.of(newer, older, tie, tie))) {
            ContractModel m = land("ATTENDANCE", order.toArray(String[]::new));
            Map<String, Object> row = m.normalised().values().iterator().next();
            assertEquals("e2", row.get("EVENT_ID"));
            assertEquals("TARDY", row.get("STATUS"));
            assertEquals(order.size() - 1, m.superseded());
        }
    }

    @Test
    void rejectsNameTheFirstFailingField() throws Exception {
        ContractModel m = land("GRADES",
                "{\"event_id\":\"g1\",\"event_type\":\"X\",\"course_id\":\"C\",\"assignment_id\":\"A\",\"score\":1,\"graded_at\":\"2026-09-01T08:00:00Z\"}",
                "{\"event_id\":\"g2\",\"event_type\":\"X\",\"student_id\":\"S\",\"course_id\":\"C\",\"assignment_id\":\"A\",\"score\":\"abc\",\"graded_at\":\"2026-09-01T08:00:00Z\"}");
        assertEquals(List.of("missing student_id", "invalid NUMBER(7,2) in score: abc"),
                m.rejects().stream().map(ContractModel.Reject::reason).toList());
        assertEquals(0, m.normalised().size());
    }

    @Test
    void percentagesFollowSnowflakeDecimalArithmetic() throws Exception {
        String g = "{\"event_id\":\"g\",\"event_type\":\"X\",\"student_id\":\"S\",\"course_id\":\"C\",\"assignment_id\":\"%s\",%s\"graded_at\":\"2026-09-01T08:00:00Z\"}";
        ContractModel m = land("GRADES", g.formatted("a", "\"score\":0.29,\"max_score\":200,"),
                g.formatted("b", "\"score\":5,\"max_score\":0,"), g.formatted("c", "\"score\":5,"),
                g.formatted("d", "\"score\":\"99999.99\",\"max_score\":0.01,"));
        Map<String, Object> byAssignment = new java.util.HashMap<>();
        m.normalised().values().forEach(r -> byAssignment.put((String) r.get("ASSIGNMENT_ID"), r.get("PERCENTAGE")));
        assertEquals(new BigDecimal("0.15"), byAssignment.get("a"), "0.29 / 200 * 100 = 0.145, rounded half up");
        assertNull(byAssignment.get("b"), "max_score 0");
        assertNull(byAssignment.get("c"), "max_score missing");
        assertNull(byAssignment.get("d"), "too large for NUMBER(6,2)");
    }

    @Test
    void aMissingParentLanguageDefaultsToEnglish() throws Exception {
        ContractModel m = land("STUDENTS", "{\"event_id\":\"s1\",\"event_type\":\"CREATE\",\"student_id\":\"S\",\"school_id\":\"A\",\"parent_language\":null,\"event_timestamp\":\"2026-09-01T08:00:00Z\"}");
        assertEquals("en", m.normalised().values().iterator().next().get("PARENT_LANGUAGE"));
    }
}
