package dev.autosync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autosync.pipeline.DerivedColumn;
import dev.autosync.pipeline.EntitySpec;
import dev.autosync.pipeline.FieldSpec;
import dev.autosync.pipeline.FieldType;
import dev.autosync.pipeline.MappedColumn;
import dev.autosync.pipeline.PercentageColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline contract of {@code design.md} for one entity, in plain Java: what the normalised
 * and rejects tables hold after any set of records has landed, whatever their order or batching.
 * Tests and the {@code e2e} goal compare the warehouse against it.
 */
public final class ContractModel {
    /** Snowflake's quotient scale for a dividend of scale s: max(s, min(s + 6, 12)). */
    private static final int MAX_QUOTIENT_SCALE = 12;

    private final EntitySpec entity;
    private final Map<List<Object>, Map<String, Object>> rows = new LinkedHashMap<>();
    private final List<Reject> rejects = new ArrayList<>();
    private long landed;

    /** A landing row the task sends to the rejects table. */
    public record Reject(Object eventId, String reason, JsonNode payload) {
    }

    public ContractModel(EntitySpec entity) {
        this.entity = entity;
    }

    public EntitySpec entity() {
        return entity;
    }

    /** One record lands (one landing row); the task's rules apply to it. */
    public void land(JsonNode record) {
        landed++;
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec f : entity.fields()) {
            values.put(f.column(), FieldValues.landing(f, record));
        }
        String reason = rejectReason(record, values);
        if (reason != null) {
            rejects.add(new Reject(values.get(entity.eventId()), reason, record));
            return;
        }
        for (DerivedColumn d : entity.derived()) {
            values.put(d.column(), derive(d, values));
        }
        List<Object> key = entity.keys().stream().map(values::get).toList();
        Map<String, Object> current = rows.get(key);
        if (current == null || newer(values, current)) {
            rows.put(key, values);
        }
    }

    /** The first failing check, in field order, as the task's CASE computes it; null when the record is valid. */
    private String rejectReason(JsonNode record, Map<String, Object> values) {
        for (FieldSpec f : entity.fields()) {
            if (values.get(f.column()) != null) {
                continue;
            }
            String raw = FieldValues.text(record, f.path());
            if (f.required() && raw == null) {
                return "missing " + f.pathText();
            }
            boolean convertible = f.type().kind() != FieldType.Kind.VARCHAR && f.type().kind() != FieldType.Kind.VARIANT;
            if (convertible && raw != null) {
                return "invalid " + f.type().sql() + " in " + f.pathText() + ": " + left(raw, 100);
            }
        }
        return null;
    }

    private static String left(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private boolean newer(Map<String, Object> candidate, Map<String, Object> current) {
        int byOrder = compare(candidate.get(entity.orderBy()), current.get(entity.orderBy()));
        if (byOrder != 0) {
            return byOrder > 0;
        }
        return compare(candidate.get(entity.eventId()), current.get(entity.eventId())) > 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        Comparator<Object> c = (x, y) -> ((Comparable) x).compareTo(y);
        return Comparator.nullsFirst(c).compare(a, b);
    }

    private static Object derive(DerivedColumn d, Map<String, Object> values) {
        if (d instanceof MappedColumn m) {
            Object source = values.get(m.source());
            if (source != null) {
                String s = source.toString();
                String probe = m.caseInsensitive() ? s.toUpperCase(Locale.ROOT) : s;
                String mapped = m.values().get(probe);
                if (mapped != null) {
                    return mapped;
                }
            }
            return m.otherwise();
        }
        PercentageColumn p = (PercentageColumn) d;
        BigDecimal num = (BigDecimal) values.get(p.numerator());
        BigDecimal den = (BigDecimal) values.get(p.denominator());
        if (num == null || den == null || den.signum() == 0) {
            return null;
        }
        int s = num.scale();
        BigDecimal quotient = num.divide(den, Math.max(s, Math.min(s + 6, MAX_QUOTIENT_SCALE)), RoundingMode.HALF_UP);
        BigDecimal pct = quotient.multiply(BigDecimal.valueOf(100)).setScale(p.type().scale(), RoundingMode.HALF_UP);
        BigDecimal limit = BigDecimal.TEN.pow(p.type().precision() - p.type().scale());
        return pct.abs().compareTo(limit) >= 0 ? null : pct;
    }

    public long landed() {
        return landed;
    }

    /** The normalised table: one row per key, column name to canonical value. */
    public Map<List<Object>, Map<String, Object>> normalised() {
        return Collections.unmodifiableMap(rows);
    }

    public List<Reject> rejects() {
        return List.copyOf(rejects);
    }

    /** Valid landing rows that lost to a newer event (or a replay) of the same key. */
    public long superseded() {
        return landed - rejects.size() - rows.size();
    }
}
