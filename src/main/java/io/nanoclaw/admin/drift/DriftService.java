package io.nanoclaw.admin.drift;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.drift.DriftRules.GroupResult;

/**
 * Keeps the install's drift report current. A full scan runs at start, then every {@code nanoclaw.scan-interval}
 * (the safety net) and when asked; between scans, {@link #recheck} judges only the groups a change touched (ours,
 * before it answers, or one the install watcher saw) and puts them into the report. Listeners hear what changed.
 */
@Service
public class DriftService {

    private static final Logger log = LoggerFactory.getLogger(DriftService.class);
    private static final Set<FindingKind> INSTALL_LEVEL = Set.of(FindingKind.ORPHAN_FOLDER,
            FindingKind.SESSION_GROUP_MISSING, FindingKind.CONFIG_ROW_ORPHANED);

    private final DriftScanner scanner;
    private final List<Consumer<DriftReport>> reportListeners;
    private final List<DriftListener> listeners;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<DriftReport> latest = new AtomicReference<>();
    private volatile Instant fullScanAt;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public DriftService(DriftScanner scanner, List<Consumer<DriftReport>> reportListeners,
            List<DriftListener> listeners) {
        this.scanner = scanner;
        this.reportListeners = reportListeners;
        this.listeners = listeners;
    }

    /** Rescans now and returns the new report. */
    public synchronized DriftReport scan() {
        long started = System.nanoTime();
        DriftReport previous = latest.get();
        DriftReport report = scanner.scan();
        fullScanAt = report.scannedAt();
        publish(previous, report, DriftListener.Cause.FULL_SCAN);
        log.info("Drift scan: {} groups ({} aligned, {} drifted, {} broken), {} findings in {} ms",
                report.summary().groups(), report.summary().aligned(), report.summary().drifted(),
                report.summary().broken(), report.findings().size(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /**
     * Judges these groups afresh and puts them into the report (a group whose row is gone leaves it); when the set of
     * groups changed, the orphan folders are judged again too. Returns each group's own fresh report.
     */
    public Map<String, Optional<DriftReport>> recheck(Collection<String> groupIds) {
        return recheck(groupIds, DriftListener.Cause.OUR_CHANGE);
    }

    /** {@link #recheck(Collection)}, saying why: a change of ours, or one the install watcher saw. */
    public synchronized Map<String, Optional<DriftReport>> recheck(Collection<String> groupIds,
            DriftListener.Cause cause) {
        DriftReport previous = latest();
        Map<String, Optional<GroupResult>> results = scanner.judgeGroups(new LinkedHashSet<>(groupIds));
        Instant now = clock.instant();
        Map<String, GroupDrift> groups = new LinkedHashMap<>();
        previous.groups().forEach(group -> groups.put(group.id(), group));
        boolean membershipChanged = false;
        for (Map.Entry<String, Optional<GroupResult>> result : results.entrySet()) {
            boolean known = groups.containsKey(result.getKey());
            if (result.getValue().isPresent()) {
                groups.put(result.getKey(), result.getValue().get().drift());
                membershipChanged |= !known;
            } else {
                groups.remove(result.getKey());
                membershipChanged |= known;
            }
        }
        boolean orphansAgain = membershipChanged;
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : previous.findings()) {
            boolean rechecked = finding.groupId() != null && results.containsKey(finding.groupId())
                    && !INSTALL_LEVEL.contains(finding.kind());
            boolean orphan = orphansAgain && finding.kind() == FindingKind.ORPHAN_FOLDER;
            if (!rechecked && !orphan) {
                findings.add(finding);
            }
        }
        results.values().forEach(result -> result.ifPresent(r -> findings.addAll(r.findings())));
        if (orphansAgain) {
            findings.addAll(scanner.orphanFolders(groups.values().stream().map(GroupDrift::folder)
                    .collect(Collectors.toSet())));
        }
        DriftReport report = DriftReport.of(previous.era(), now, List.copyOf(groups.values()), findings,
                previous.inputs());
        publish(previous, report, cause, results.keySet());
        Map<String, Optional<DriftReport>> answers = new LinkedHashMap<>();
        results.forEach((id, result) -> answers.put(id, result.map(r -> DriftReport.of(previous.era(), now,
                List.of(r.drift()), r.findings(), previous.inputs()))));
        return answers;
    }

    /** Judges the orphan folders again (a folder came or went under groups/ that no group uses). */
    public synchronized void recheckOrphanFolders() {
        DriftReport previous = latest();
        List<Finding> findings = new ArrayList<>(previous.findings().stream()
                .filter(finding -> finding.kind() != FindingKind.ORPHAN_FOLDER).toList());
        findings.addAll(scanner.orphanFolders(previous.groups().stream().map(GroupDrift::folder)
                .collect(Collectors.toSet())));
        publish(previous, DriftReport.of(previous.era(), clock.instant(), previous.groups(), findings,
                previous.inputs()), DriftListener.Cause.OUTSIDE_CHANGE);
    }

    /** {@link #recheck(Collection)} of one group: its fresh report, empty when its row is gone. */
    public Optional<DriftReport> recheck(String groupId) {
        return recheck(List.of(groupId)).get(groupId);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${nanoclaw.scan-interval:5m}")
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("The scheduled drift scan failed; the previous report stays: {}", e.getMessage());
        }
    }

    /** The latest report; before the first scan has finished, waits for it (or runs it) rather than scanning twice. */
    public DriftReport latest() {
        DriftReport report = latest.get();
        if (report != null) {
            return report;
        }
        synchronized (this) {
            report = latest.get();
            return report != null ? report : scan();
        }
    }

    /** The latest report if a scan has run; for health and metrics, which must not trigger a scan. */
    public Optional<DriftReport> latestIfScanned() {
        return Optional.ofNullable(latest.get());
    }

    /** When the last full scan finished (re-checks between scans keep the report current); null before the first. */
    public Instant fullScanAt() {
        return fullScanAt;
    }

    /** A fresh check of one group, reading its row and file now, without changing the report (dry runs). */
    public Optional<DriftReport> checkGroup(String groupId) {
        return scanner.scanGroup(groupId);
    }

    /**
     * The ids of the groups with this status and a finding of this kind in the latest report (a null criterion does
     * not narrow); null when both are null (every group).
     */
    public Set<String> groupsMatching(GroupStatus status, FindingKind kind) {
        Set<String> ids = status == null ? null : groupsWithStatus(status);
        if (kind != null) {
            Set<String> withKind = groupsWithKind(kind);
            ids = ids == null ? withKind : ids.stream().filter(withKind::contains).collect(Collectors.toSet());
        }
        return ids;
    }

    /** A group's status in the latest report; null for a group the report does not know (yet). */
    public GroupStatus statusOf(String groupId) {
        DriftReport report = latest();
        StatusIndex index = statusIndex;
        if (index == null || index.report() != report) {
            Map<String, GroupStatus> statuses = new HashMap<>(report.groups().size() * 2);
            report.groups().forEach(group -> statuses.put(group.id(), group.status()));
            index = new StatusIndex(report, statuses);
            statusIndex = index;
        }
        return index.statuses().get(groupId);
    }

    private record StatusIndex(DriftReport report, Map<String, GroupStatus> statuses) {
    }

    private volatile StatusIndex statusIndex;

    /** The ids of the groups the latest report gives this status. */
    public Set<String> groupsWithStatus(GroupStatus status) {
        return latest().groups().stream().filter(g -> g.status() == status).map(GroupDrift::id)
                .collect(Collectors.toSet());
    }

    /** The ids of the groups with at least one finding of this kind in the latest report. */
    public Set<String> groupsWithKind(FindingKind kind) {
        return latest().findings().stream().filter(f -> f.kind() == kind && f.groupId() != null).map(Finding::groupId)
                .collect(Collectors.toSet());
    }

    /** Grows with every new report (a scan or a re-check), for ETags: equal generation, equal report. */
    public long generation() {
        return generation.get();
    }

    private void publish(DriftReport previous, DriftReport report, DriftListener.Cause cause) {
        publish(previous, report, cause, Set.of());
    }

    /** Listeners hear every group that changed, and every group re-checked (changed or not: its rows may have). */
    private void publish(DriftReport previous, DriftReport report, DriftListener.Cause cause, Set<String> rechecked) {
        latest.set(report);
        generation.incrementAndGet();
        List<GroupChange> changes = new ArrayList<>(changes(previous, report));
        Set<String> told = changes.stream().map(GroupChange::groupId).collect(Collectors.toSet());
        Map<String, List<Finding>> findings = rechecked.isEmpty() ? Map.of() : byGroup(report);
        for (GroupDrift group : report.groups()) {
            if (rechecked.contains(group.id()) && !told.contains(group.id())) {
                List<Finding> now = findings.getOrDefault(group.id(), List.of());
                changes.add(new GroupChange(group.id(), group.folder(), group.status(), group.status(), now,
                        List.of(), List.of()));
            }
        }
        reportListeners.forEach(listener -> listener.accept(report));
        for (DriftListener listener : listeners) {
            try {
                listener.driftChanged(report, changes, cause);
            } catch (RuntimeException e) {
                log.warn("A drift listener failed ({}): {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Every group whose status or findings differ between the two reports (all of them against no report). */
    static List<GroupChange> changes(DriftReport previous, DriftReport report) {
        Map<String, GroupDrift> before = new HashMap<>();
        Map<String, List<Finding>> findingsBefore = byGroup(previous);
        if (previous != null) {
            previous.groups().forEach(group -> before.put(group.id(), group));
        }
        Map<String, List<Finding>> findingsAfter = byGroup(report);
        List<GroupChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GroupDrift group : report.groups()) {
            seen.add(group.id());
            GroupDrift was = before.get(group.id());
            change(group.id(), group.folder(), was == null ? null : was.status(), group.status(),
                    findingsBefore.getOrDefault(group.id(), List.of()), findingsAfter.getOrDefault(group.id(), List.of()),
                    was == null).ifPresent(changes::add);
        }
        for (GroupDrift gone : before.values()) {
            if (!seen.contains(gone.id())) {
                changes.add(new GroupChange(gone.id(), gone.folder(), gone.status(), null, List.of(), List.of(),
                        findingsBefore.getOrDefault(gone.id(), List.of())));
            }
        }
        change(null, null, null, null, findingsBefore.getOrDefault(null, List.of()),
                findingsAfter.getOrDefault(null, List.of()), false).ifPresent(changes::add);
        return changes;
    }

    private static Optional<GroupChange> change(String id, String folder, GroupStatus was, GroupStatus now,
            List<Finding> before, List<Finding> after, boolean isNew) {
        Set<FindingKey> beforeKeys = before.stream().map(FindingKey::of).collect(Collectors.toSet());
        Set<FindingKey> afterKeys = after.stream().map(FindingKey::of).collect(Collectors.toSet());
        List<Finding> appeared = after.stream().filter(f -> !beforeKeys.contains(FindingKey.of(f))).toList();
        List<Finding> resolved = before.stream().filter(f -> !afterKeys.contains(FindingKey.of(f))).toList();
        if (!isNew && was == now && appeared.isEmpty() && resolved.isEmpty() && before.equals(after)) {
            return Optional.empty();
        }
        return Optional.of(new GroupChange(id, folder, was, now, after, appeared, resolved));
    }

    /** Findings by group id; install-level findings (an orphan folder, a session of no group) under null. */
    private static Map<String, List<Finding>> byGroup(DriftReport report) {
        Map<String, List<Finding>> byGroup = new HashMap<>();
        if (report != null) {
            for (Finding finding : report.findings()) {
                String key = INSTALL_LEVEL.contains(finding.kind()) ? null : finding.groupId();
                byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
            }
        }
        return byGroup;
    }
}
