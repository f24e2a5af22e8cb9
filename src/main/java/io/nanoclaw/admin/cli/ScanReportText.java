package io.nanoclaw.admin.cli;

import java.io.PrintStream;
import java.util.Map;

import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.DriftSummary;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.GroupDrift;
import io.nanoclaw.admin.drift.GroupStatus;
import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.install.InstallLayout;

/** The scan as a person reads it in a terminal or a cron mail: a summary, the groups that are not aligned, the findings. */
final class ScanReportText {

    private final PrintStream out;

    ScanReportText(PrintStream out) {
        this.out = out;
    }

    void print(DriftReport report, InstallLayout install) {
        DriftSummary summary = report.summary();
        Map<Severity, Integer> findings = summary.findings();
        out.printf("NanoClaw drift scan of %s at %s%n", install.root(), report.scannedAt());
        out.printf("Era: %s%n", report.era().label());
        out.printf("%d groups: %d aligned, %d drifted, %d broken; findings: %d ERROR, %d WARNING, %d INFO%n",
                summary.groups(), summary.aligned(), summary.drifted(), summary.broken(),
                findings.get(Severity.ERROR), findings.get(Severity.WARNING), findings.get(Severity.INFO));
        report.inputs().warnings().forEach(warning -> out.println("warning: " + warning));
        long notAligned = report.groups().stream().filter(g -> g.status() != GroupStatus.ALIGNED).count();
        if (notAligned > 0) {
            out.println();
            out.printf("%-8s %-24s %-12s %-12s%n", "STATUS", "GROUP", "HOST", "RUNNER");
            for (GroupDrift group : report.groups()) {
                if (group.status() != GroupStatus.ALIGNED) {
                    out.printf("%-8s %-24s %-12s %-12s%n", group.status(), group.folder(), group.hostProvider(),
                            group.runnerProvider());
                }
            }
        }
        if (!report.findings().isEmpty()) {
            out.println();
            out.printf("%-8s %-27s %-24s %s%n", "SEVERITY", "KIND", "GROUP", "WHAT HAPPENS");
            for (Finding finding : report.findings()) {
                String where = finding.folder() != null ? finding.folder() : finding.groupId();
                out.printf("%-8s %-27s %-24s %s%n", finding.severity(), finding.kind(), where, finding.message());
            }
        }
        out.println();
        out.println(report.allAligned() ? "Every group is aligned." : "Drift found (exit code 2).");
    }
}
