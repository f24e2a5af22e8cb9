package io.nanoclaw.admin.drift;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps the latest scan. Scans at start, then every {@code nanoclaw.scan-interval}, and when asked; a single group
 * can be re-checked on its own at any time.
 */
@Service
public class DriftService {

    private static final Logger log = LoggerFactory.getLogger(DriftService.class);

    private final DriftScanner scanner;
    private final List<Consumer<DriftReport>> listeners;
    private final AtomicReference<DriftReport> latest = new AtomicReference<>();

    public DriftService(DriftScanner scanner, List<Consumer<DriftReport>> listeners) {
        this.scanner = scanner;
        this.listeners = listeners;
    }

    /** Rescans now and returns the new report. */
    public synchronized DriftReport scan() {
        long started = System.nanoTime();
        DriftReport report = scanner.scan();
        latest.set(report);
        listeners.forEach(listener -> listener.accept(report));
        log.info("Drift scan: {} groups ({} aligned, {} drifted, {} broken), {} findings in {} ms",
                report.summary().groups(), report.summary().aligned(), report.summary().drifted(),
                report.summary().broken(), report.findings().size(), (System.nanoTime() - started) / 1_000_000);
        return report;
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

    /** A fresh check of one group, reading its row and file now. */
    public Optional<DriftReport> checkGroup(String groupId) {
        return scanner.scanGroup(groupId);
    }

    /** The ids of the groups the latest scan gave this status. */
    public Set<String> groupsWithStatus(GroupStatus status) {
        return latest().groups().stream().filter(g -> g.status() == status).map(GroupDrift::id)
                .collect(Collectors.toSet());
    }

    /** The ids of the groups with at least one finding of this kind in the latest scan. */
    public Set<String> groupsWithKind(FindingKind kind) {
        return latest().findings().stream().filter(f -> f.kind() == kind && f.groupId() != null).map(Finding::groupId)
                .collect(Collectors.toSet());
    }
}
