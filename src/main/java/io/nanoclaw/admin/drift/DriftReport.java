package io.nanoclaw.admin.drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.nanoclaw.admin.install.InstallEra;

/**
 * The result of a scan: every group's status and every finding, worst first.
 *
 * @param era the era the install was judged by ({@code FILE} or {@code DB_CONFIG}), detected from its DB
 * @param inputs what the scan judged against (known providers, mount allowlist) and any warnings it has
 */
public record DriftReport(InstallEra era, Instant scannedAt, DriftSummary summary, List<GroupDrift> groups, List<Finding> findings,
        ScanInputs inputs) {

    public static DriftReport of(InstallEra era, Instant scannedAt, List<GroupDrift> groups, List<Finding> findings,
            ScanInputs inputs) {
        List<Finding> sorted = findings.stream().sorted(FindingOrder.WORST_FIRST).toList();
        return new DriftReport(era, scannedAt, summarise(groups, sorted), List.copyOf(groups), sorted, inputs);
    }

    /** A report of a file-era install. */
    public static DriftReport of(Instant scannedAt, List<GroupDrift> groups, List<Finding> findings, ScanInputs inputs) {
        return of(InstallEra.FILE, scannedAt, groups, findings, inputs);
    }

    /** The same report with only the findings (and groups) that pass; the summary stays that of the whole scan. */
    public DriftReport filtered(Predicate<Finding> findingFilter, Predicate<GroupDrift> groupFilter) {
        return new DriftReport(era, scannedAt, summary, groups.stream().filter(groupFilter).toList(),
                findings.stream().filter(findingFilter).toList(), inputs);
    }

    public boolean allAligned() {
        return summary.aligned() == summary.groups() && findings.stream().allMatch(f -> f.severity() == Severity.INFO);
    }

    private static DriftSummary summarise(List<GroupDrift> groups, List<Finding> findings) {
        int aligned = 0;
        int drifted = 0;
        int broken = 0;
        for (GroupDrift group : groups) {
            switch (group.status()) {
                case ALIGNED -> aligned++;
                case DRIFTED -> drifted++;
                case BROKEN -> broken++;
            }
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0);
        }
        for (Finding finding : findings) {
            bySeverity.merge(finding.severity(), 1, Integer::sum);
        }
        return new DriftSummary(groups.size(), aligned, drifted, broken, bySeverity);
    }
}
