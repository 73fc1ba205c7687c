package dev.autosync.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSpecReaderTest {
    private final PipelineSpecReader reader = new PipelineSpecReader();

    @Test
    void theDefaultSpecIsTheSchoolContract() throws Exception {
        PipelineSpec spec = reader.readDefault();
        assertEquals(List.of("ATTENDANCE", "GRADES", "STUDENTS"), spec.entities().stream().map(EntitySpec::name).toList());
        EntitySpec attendance = spec.entity("ATTENDANCE").orElseThrow();
        assertEquals(List.of("STUDENT_ID", "ATTENDANCE_DATE"), attendance.keys());
        MappedColumn status = (MappedColumn) attendance.derived().get(0);
        assertEquals("STATUS", status.column());
        assertEquals("EARLY_DISMISSAL", status.values().get("EARLY_DEPARTURE"));
        assertEquals("UNKNOWN", status.otherwise());
        EntitySpec grades = spec.entity("GRADES").orElseThrow();
        assertEquals("NUMBER(7,2)", grades.field("SCORE").orElseThrow().type().sql());
        assertEquals("NUMBER(6,2)", grades.derived().get(0).type().sql());
        EntitySpec students = spec.entity("STUDENTS").orElseThrow();
        assertEquals("en", students.field("PARENT_LANGUAGE").orElseThrow().defaultValue());
        assertEquals(List.of("STUDENT_ID"), students.keys());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLocation() {
        String bad = """
                {"entities": [
                  {"name": "select", "fields": []},
                  {"name": "GRADES", "folder": "../x",
                   "fields": [
                     {"column": "EVENT_ID", "path": "event_id", "type": "VARCHAR", "required": true},
                     {"column": "EVENT_ID", "path": "id2", "type": "VARCHAR"},
                     {"column": "SCORE", "path": "score", "type": "NUMBER(40,2)"},
                     {"column": "BAD NAME", "path": "a..b", "type": "TEXTY", "required": "yes"},
                     {"column": "LANG", "path": "lang", "type": "VARCHAR", "required": true, "default": "en"}
                   ],
                   "keys": ["STUDENT_ID"],
                   "orderBy": "GRADED_AT",
                   "colour": "blue",
                   "derived": [{"kind": "magic", "column": "X"}]
                  }
                ]}""";
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class, () -> reader.read(bad, "bad.json"));
        String m = e.getMessage();
        assertTrue(m.startsWith("The pipeline spec bad.json has "), m);
        List<String> expected = List.of(
                "entities[0].name: 'select' is a reserved word",
                "entities[0].fields: must be a non-empty array",
                "entities[0].keys: must be a non-empty array",
                "entities[1].folder: '../x' has a '..' segment",
                "entities[1].fields[1].column: column EVENT_ID is declared twice",
                "entities[1].fields[2].type: precision 40 is outside 1..38",
                "entities[1].fields[3].column: 'BAD NAME' must start with a letter",
                "entities[1].fields[3].path: 'a..b' is not a JSON path",
                "entities[1].fields[3].type: 'TEXTY' is not a supported type",
                "entities[1].fields[3].required: must be true or false",
                "entities[1].fields[4].default: a required field cannot have a default",
                "entities[1].colour: unknown property",
                "entities[1].derived[0].kind: 'magic' is not a derived column kind");
        for (String x : expected) {
            assertTrue(m.contains(x), "missing problem <" + x + "> in:\n" + m);
        }
        assertTrue(e.problems().size() >= expected.size());
        assertTrue(m.contains("1. "), "problems are numbered");
    }

    @Test
    void keysAndOrderingMustBeRequiredFieldsOfTheEntity() {
        String bad = """
                {"entities": [{"name": "E", "fields": [
                   {"column": "EVENT_ID", "path": "event_id", "type": "VARCHAR", "required": true},
                   {"column": "K", "path": "k", "type": "VARCHAR"},
                   {"column": "TS", "path": "ts", "type": "VARCHAR", "required": true}],
                 "keys": ["K", "NOPE"], "orderBy": "TS"}]}""";
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class, () -> reader.read(bad, "x"));
        assertTrue(e.getMessage().contains("entities[0].keys[0]: a key K must be a required field"), e.getMessage());
        assertTrue(e.getMessage().contains("entities[0].keys[1]: a key must be one of the entity's fields, but NOPE is not"), e.getMessage());
        assertTrue(e.getMessage().contains("entities[0].orderBy: field TS has type VARCHAR"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class,
                () -> reader.read("{\"entities\": [\n  {\"name\": \"A\",, }\n]}", "broken.json"));
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class,
                () -> reader.read("{\"entities\": [], \"entities\": []}", "dup.json"));
        assertTrue(e.getMessage().contains("Duplicate field 'entities'"), e.getMessage());
    }

    @Test
    void wrongTypesAreNamed() {
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class,
                () -> reader.read("{\"entities\": [{\"name\": 5, \"fields\": {}, \"keys\": \"K\"}]}", "t.json"));
        assertTrue(e.getMessage().contains("entities[0].name: must be a string, not number"), e.getMessage());
        assertTrue(e.getMessage().contains("entities[0].fields: must be a non-empty array"), e.getMessage());
    }

    @Test
    void aMissingFileSaysHowToFixIt() {
        InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class,
                () -> reader.read(Path.of("no/such/spec.json"), "no/such/spec.json"));
        assertTrue(e.getMessage().contains("-Dautosync.pipeline"), e.getMessage());
    }

    @Test
    void aFourthEntityIsAccepted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, """
                {"version": 1, "entities": [{"name": "COURSES", "folder": "courses",
                  "fields": [
                    {"column": "EVENT_ID", "path": "event_id", "type": "VARCHAR", "required": true},
                    {"column": "COURSE_ID", "path": "course.id", "type": "VARCHAR", "required": true},
                    {"column": "CREDITS", "path": "course.credits", "type": "NUMBER(4,1)", "default": 0},
                    {"column": "ACTIVE", "path": "active", "type": "BOOLEAN"},
                    {"column": "UPDATED_AT", "path": "updated at", "type": "TIMESTAMP_NTZ", "required": true}],
                  "keys": ["COURSE_ID"], "orderBy": "UPDATED_AT"}]}""");
        PipelineSpec spec = reader.read(file);
        FieldSpec credits = spec.entities().get(0).field("CREDITS").orElseThrow();
        assertEquals(List.of("course", "credits"), credits.path());
        assertEquals("0", credits.defaultValue());
        assertFalse(credits.required());
    }

    /**
     * Issue 12: an entity's folder may be a nested path (library/loans). A stage path is a case-sensitive prefix
     * (en/sql-reference/sql/copy-into-table.md, FROM ... path), so two folders where one is a prefix of the other
     * would load files twice (en/user-guide/data-load-snowpipe-auto-s3.md: overlapping pipes).
     */
    @Test
    void foldersMayBeNestedPathsAndEachBrokenRuleIsNamed() throws Exception {
        String nested = """
                {"entities": [%s]}""";
        String entity = """
                {"name": "%s", "folder": "%s", "fields": [
                   {"column": "EVENT_ID", "path": "event_id", "type": "VARCHAR", "required": true},
                   {"column": "TS", "path": "ts", "type": "TIMESTAMP_TZ", "required": true}],
                 "keys": ["EVENT_ID"], "orderBy": "TS"}""";
        PipelineSpec ok = reader.read(nested.formatted(String.join(",", entity.formatted("LOANS", "library/loans"),
                entity.formatted("ATTENDANCE", "exports/attendance/2026"), entity.formatted("GRADES", "exports/grades"))), "ok");
        assertEquals(List.of("library/loans", "exports/attendance/2026", "exports/grades"),
                ok.entities().stream().map(EntitySpec::folder).toList());
        List<List<String>> refused = List.of(
                List.of("/library", "starts or ends with /"),
                List.of("library/", "starts or ends with /"),
                List.of("library//loans", "has an empty segment (//)"),
                List.of("library/./loans", "has a '.' segment"),
                List.of("exports/a b", "the segment 'a b' may contain only letters, digits, _ . and -"),
                List.of("year=2026", "the segment 'year=2026' may contain only"),
                List.of("x".repeat(201), "is 201 characters long; a folder may have at most 200"));
        for (List<String> r : refused) {
            InvalidPipelineSpecException e = assertThrows(InvalidPipelineSpecException.class,
                    () -> reader.read(nested.formatted(entity.formatted("E", r.get(0))), "bad"));
            assertTrue(e.getMessage().contains("entities[0].folder: ") && e.getMessage().contains(r.get(1)), r + ": " + e.getMessage());
        }
        InvalidPipelineSpecException overlap = assertThrows(InvalidPipelineSpecException.class, () -> reader.read(nested.formatted(
                entity.formatted("A", "exports") + "," + entity.formatted("B", "exports/grades") + "," + entity.formatted("C", "Exports")), "overlap"));
        assertTrue(overlap.getMessage().contains("entities[1].folder: 'exports/grades' overlaps the folder 'exports' of A"),
                overlap.getMessage());
        assertFalse(overlap.getMessage().contains("entities[2]"), "paths are case-sensitive: Exports is another folder");
    }
}
