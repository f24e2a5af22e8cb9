package io.nanoclaw.admin.history;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nanoclaw.admin.drift.DriftListener;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftSummary;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKey;
import io.nanoclaw.admin.drift.GroupChange;
import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.install.AdminStoreConfig;

/**
 * Drift over time, in the admin store: a point per full scan (and per re-check that changed the counts), each finding's
 * first-seen and resolved time, and the changes others made that the watcher saw. A full scan reconciles the standing
 * findings with what it found, so first-seen times survive restarts and nothing stays open by mistake.
 */
@Component
public class DriftHistory implements DriftListener {

    static final int MAX_POINTS = 10_000;

    private final NamedParameterJdbcTemplate admin;
    private final TransactionTemplate transactions;
    private final HistoryProperties properties;
    private final Clock clock = Clock.systemUTC();
    /** Standing findings' first-seen times, by key; loaded from the store at the first report. */
    private volatile Map<String, Instant> standing;
    private volatile int[] lastPoint;

    DriftHistory(@Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate admin,
            @Qualifier(AdminStoreConfig.TRANSACTION_MANAGER) PlatformTransactionManager transactionManager,
            HistoryProperties properties) {
        this.admin = admin;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Override
    public synchronized void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Map<String, Instant> open = standing();
            if (cause == Cause.FULL_SCAN) {
                reconcile(open, report.findings(), now);
                prune(now);
            } else {
                for (GroupChange change : changes) {
                    change.resolved().forEach(finding -> resolve(open, FindingKey.of(finding).text(), now));
                    change.appeared().forEach(finding -> appear(open, finding, now));
                    if (cause == Cause.OUTSIDE_CHANGE && change.groupId() != null && change.changed()) {
                        admin.update("INSERT INTO outside_changes (at, group_id, folder, summary) VALUES (:at, :group,"
                                + " :folder, :summary)", new MapSqlParameterSource("at", Timestamp.from(now))
                                .addValue("group", change.groupId()).addValue("folder", change.folder())
                                .addValue("summary", cut(outsideSummary(change))));
                    }
                }
            }
            point(report.summary(), cause, now);
        });
    }

    /** The points between {@code from} and {@code to}, oldest first (at most {@value #MAX_POINTS}, the newest). */
    public List<DriftPoint> points(Instant from, Instant to) {
        List<DriftPoint> points = admin.query("SELECT at, groups_aligned, groups_drifted, groups_broken, findings_error,"
                + " findings_warning, findings_info FROM drift_points WHERE at >= :from AND at <= :to ORDER BY at DESC,"
                + " id DESC LIMIT " + MAX_POINTS, new MapSqlParameterSource("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)), (rs, row) -> new DriftPoint(rs.getTimestamp("at").toInstant(),
                        ordered("ALIGNED", rs.getInt(2), "DRIFTED", rs.getInt(3), "BROKEN", rs.getInt(4)),
                        ordered("ERROR", rs.getInt(5), "WARNING", rs.getInt(6), "INFO", rs.getInt(7))));
        List<DriftPoint> oldestFirst = new ArrayList<>(points);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Since when this finding stands; null if it was not recorded (yet). */
    public Instant firstSeen(Finding finding) {
        return standing().get(FindingKey.of(finding).text());
    }

    /** Every standing finding with its first-seen time, oldest first. */
    public List<FindingSpan> standingFindings() {
        return admin.query("SELECT kind, severity, group_id, folder, session_id, message, first_seen, resolved_at FROM"
                + " finding_history WHERE resolved_at IS NULL ORDER BY first_seen, id", new MapSqlParameterSource(),
                (rs, row) -> span(rs));
    }

    /** A group's findings as they came and went, its changes made here and those seen from outside, newest first. */
    public List<TimelineEntry> timeline(String groupId, int limit) {
        MapSqlParameterSource group = new MapSqlParameterSource("group", groupId);
        List<TimelineEntry> entries = new ArrayList<>();
        admin.query("SELECT kind, severity, group_id, folder, session_id, message, first_seen, resolved_at FROM"
                + " finding_history WHERE group_id = :group ORDER BY first_seen DESC LIMIT " + limit, group,
                (rs, row) -> span(rs)).forEach(span -> {
                    String what = span.kind() + " (" + span.severity() + ")"
                            + (span.sessionId() == null ? "" : " for session " + span.sessionId());
                    entries.add(new TimelineEntry(span.firstSeen(), "FINDING_APPEARED", what + ": " + span.message(),
                            null));
                    if (span.resolvedAt() != null) {
                        entries.add(new TimelineEntry(span.resolvedAt(), "FINDING_RESOLVED", what + " resolved", null));
                    }
                });
        // Notification deliveries name the group in the audit trail but changed nothing in it.
        admin.query("SELECT at, actor, action, summary FROM audit_events WHERE group_id = :group"
                + " AND action NOT LIKE 'NOTIFY_%' ORDER BY at DESC LIMIT " + limit, group, (rs, row) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "CHANGED_HERE",
                        rs.getString("action") + ": " + rs.getString("summary"), rs.getString("actor")))
                .forEach(entries::add);
        admin.query("SELECT at, summary FROM outside_changes WHERE group_id = :group ORDER BY at DESC LIMIT " + limit,
                group, (rs, row) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), "CHANGED_OUTSIDE",
                        "Changed outside NanoClaw Admin: " + rs.getString("summary"), null)).forEach(entries::add);
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries.size() > limit ? List.copyOf(entries.subList(0, limit)) : entries;
    }

    private Map<String, Instant> standing() {
        Map<String, Instant> open = standing;
        if (open == null) {
            open = new ConcurrentHashMap<>();
            for (Map.Entry<String, Instant> row : admin.query("SELECT finding_key, first_seen FROM finding_history"
                    + " WHERE resolved_at IS NULL", new MapSqlParameterSource(), (rs, n) -> Map.entry(
                            rs.getString(1), rs.getTimestamp(2).toInstant()))) {
                open.putIfAbsent(row.getKey(), row.getValue());
            }
            standing = open;
        }
        return open;
    }

    private void reconcile(Map<String, Instant> open, List<Finding> findings, Instant now) {
        Map<String, Finding> found = new HashMap<>();
        findings.forEach(finding -> found.putIfAbsent(FindingKey.of(finding).text(), finding));
        for (String key : List.copyOf(open.keySet())) {
            if (!found.containsKey(key)) {
                resolve(open, key, now);
            }
        }
        found.forEach((key, finding) -> {
            if (!open.containsKey(key)) {
                appear(open, finding, now);
            }
        });
    }

    private void appear(Map<String, Instant> open, Finding finding, Instant now) {
        String key = FindingKey.of(finding).text();
        if (open.putIfAbsent(key, now) == null) {
            admin.update("INSERT INTO finding_history (finding_key, kind, severity, group_id, folder, session_id,"
                    + " message, first_seen) VALUES (:key, :kind, :severity, :group, :folder, :session, :message, :at)",
                    new MapSqlParameterSource("key", cut(key)).addValue("kind", finding.kind().name())
                            .addValue("severity", finding.severity().name()).addValue("group", finding.groupId())
                            .addValue("folder", finding.folder()).addValue("session", finding.sessionId())
                            .addValue("message", cut(finding.message())).addValue("at", Timestamp.from(now)));
        }
    }

    private void resolve(Map<String, Instant> open, String key, Instant now) {
        if (open.remove(key) != null) {
            admin.update("UPDATE finding_history SET resolved_at = :at WHERE finding_key = :key AND resolved_at IS NULL",
                    new MapSqlParameterSource("key", cut(key)).addValue("at", Timestamp.from(now)));
        }
    }

    private void point(DriftSummary summary, Cause cause, Instant now) {
        int[] counts = {summary.aligned(), summary.drifted(), summary.broken(), count(summary, Severity.ERROR),
                count(summary, Severity.WARNING), count(summary, Severity.INFO)};
        if (cause != Cause.FULL_SCAN && java.util.Arrays.equals(counts, lastPoint)) {
            return;
        }
        lastPoint = counts;
        admin.update("INSERT INTO drift_points (at, cause, groups_aligned, groups_drifted, groups_broken, findings_error,"
                + " findings_warning, findings_info) VALUES (:at, :cause, :a, :d, :b, :e, :w, :i)",
                new MapSqlParameterSource("at", Timestamp.from(now)).addValue("cause", cause.name())
                        .addValue("a", counts[0]).addValue("d", counts[1]).addValue("b", counts[2])
                        .addValue("e", counts[3]).addValue("w", counts[4]).addValue("i", counts[5]));
    }

    private void prune(Instant now) {
        MapSqlParameterSource before = new MapSqlParameterSource("before",
                Timestamp.from(now.minus(properties.retention())));
        admin.update("DELETE FROM drift_points WHERE at < :before", before);
        admin.update("DELETE FROM finding_history WHERE resolved_at IS NOT NULL AND resolved_at < :before", before);
        admin.update("DELETE FROM outside_changes WHERE at < :before", before);
    }

    private static String outsideSummary(GroupChange change) {
        StringBuilder text = new StringBuilder();
        if (change.statusChanged()) {
            text.append(change.before() == null ? "appeared" : change.before().name()).append(" → ")
                    .append(change.after() == null ? "gone" : change.after().name());
        } else {
            text.append("still ").append(change.after());
        }
        change.appeared().forEach(f -> text.append("; new ").append(f.kind()));
        change.resolved().forEach(f -> text.append("; resolved ").append(f.kind()));
        return text.toString();
    }

    private static FindingSpan span(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new FindingSpan(rs.getString("kind"), rs.getString("severity"), rs.getString("group_id"),
                rs.getString("folder"), rs.getString("session_id"), rs.getString("message"),
                rs.getTimestamp("first_seen").toInstant(), resolved == null ? null : resolved.toInstant());
    }

    private static int count(DriftSummary summary, Severity severity) {
        return summary.findings().getOrDefault(severity, 0);
    }

    private static Map<String, Integer> ordered(String k1, int v1, String k2, int v2, String k3, int v3) {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }

    private static String cut(String text) {
        return text.length() <= 1200 ? text : text.substring(0, 1199) + "…";
    }
}
