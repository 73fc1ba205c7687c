package dev.autosync.status;

import dev.autosync.pipeline.Freshness;
import dev.autosync.warehouse.Warehouse;
import dev.autosync.warehouse.WarehouseException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the freshness view (one row per entity: newest event loaded, limit, school hours) and
 * judges each entity with a limit at {@code now}: over the limit in school time is DEGRADED, with
 * the reason. Without the view (a manifest from before it) there is nothing to judge.
 */
final class FreshnessJudge {
    private FreshnessJudge() {
    }

    /**
     * {@code sql}: {@link dev.autosync.render.MonitoringQueries#freshness}, which the Streamlit page runs too (and judges
     * with a Python port of this rule, checked against it by FreshnessRuleAgreementTest); null: no view, nothing to judge.
     */
    static List<StatusReport.Freshness> read(Warehouse w, String sql, Instant now, List<String> problems) throws WarehouseException {
        List<StatusReport.Freshness> out = new ArrayList<>();
        if (sql == null) {
            return out;
        }
        try (Statement s = w.jdbc().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp t = rs.getTimestamp("NEWEST_EVENT_AT");
                long limit = rs.getLong("FRESHNESS_LIMIT_MINUTES");
                Freshness f = rs.wasNull() ? null : Freshness.of(limit, rs.getString("SCHOOL_DAYS"),
                        rs.getString("SCHOOL_HOURS_FROM"), rs.getString("SCHOOL_HOURS_TO"), rs.getString("TIME_ZONE"));
                out.add(judge(rs.getString("ENTITY"), t == null ? null : t.toInstant(), f, now, problems));
            }
        } catch (SQLException e) {
            throw w.failure(sql, e);
        }
        return out;
    }

    static StatusReport.Freshness judge(String entity, Instant newest, Freshness f, Instant now, List<String> problems) {
        Long age = newest == null ? null : Math.max(0, Duration.between(newest, now).toMinutes());
        boolean stale = false;
        if (f != null) {
            if (newest == null) {
                stale = f.inWindow(now);
                if (stale) {
                    problems.add(entity + " has no events yet; its freshness limit is " + f.describe());
                }
            } else {
                Duration active = f.activeElapsed(newest, now);
                stale = active.compareTo(f.limit()) > 0;
                if (stale) {
                    problems.add(entity + ": the newest event was loaded " + Freshness.minutes(Duration.ofMinutes(age)) + " ago ("
                            + newest + "), " + Freshness.minutes(active) + " of it in school time, over the freshness limit of "
                            + f.describe());
                }
            }
        }
        return new StatusReport.Freshness(entity, newest == null ? null : newest.toString(), age,
                f == null ? null : f.limit().toMinutes(), f == null ? null : f.describe().substring(f.describe().indexOf(" on ") + 4), stale);
    }
}
