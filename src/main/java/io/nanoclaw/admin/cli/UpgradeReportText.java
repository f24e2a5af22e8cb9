package io.nanoclaw.admin.cli;

import java.io.PrintStream;

import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.upgrade.BackfillColumn;
import io.nanoclaw.admin.upgrade.UpgradeGroup;
import io.nanoclaw.admin.upgrade.UpgradeItem;
import io.nanoclaw.admin.upgrade.UpgradeReport;

/** {@code scan --upgrade-preview} as a person reads it: the upgrade's effects, or the next back-fill, and counts. */
final class UpgradeReportText {

    private final PrintStream out;

    UpgradeReportText(PrintStream out) {
        this.out = out;
    }

    void print(UpgradeReport report, InstallLayout install) {
        if (report.era().isDbConfig()) {
            printBackfill(report, install);
        } else {
            printUpgrade(report, install);
        }
    }

    private void printUpgrade(UpgradeReport report, InstallLayout install) {
        out.printf("NanoClaw upgrade preview of %s at %s: what the first start of NanoClaw 2.0.48+ will do."
                + " Nothing is written.%n", install.root(), report.previewedAt());
        out.printf("%d groups; %d items: %d ERROR, %d WARNING, %d INFO%n", report.groups().size(),
                report.items().size(), report.count(Severity.ERROR), report.count(Severity.WARNING),
                report.count(Severity.INFO));
        out.println();
        out.printf("%-24s %-28s %s%n", "GROUP", "RUNNER NOW -> AFTER", "BACK-FILL PROVIDER");
        for (UpgradeGroup group : report.groups()) {
            String runner = group.runnerNow() + " -> " + group.runnerAfter() + (group.switchesRunner() ? " (!)" : "");
            out.printf("%-24s %-28s %s%n", group.folder(), runner, shown(group.backfillProvider()));
        }
        if (!report.items().isEmpty()) {
            out.println();
            out.printf("%-8s %-28s %-24s %s%n", "SEVERITY", "CODE", "GROUP", "WHAT HAPPENS");
            for (UpgradeItem item : report.items()) {
                out.printf("%-8s %-28s %-24s %s%n", item.severity(), item.code(), item.folder(), item.message());
            }
        }
        out.println();
        int blocking = report.failingBackfills().size();
        out.println(blocking == 0 ? "None of the groups stops the upgraded host from starting."
                : blocking + " group(s) stop the upgraded host from starting: fix their container.json first.");
        out.println(report.needsAttention() ? "Look at the WARNING and ERROR items before upgrading (exit code 2)."
                : "Nothing to look at before upgrading.");
    }

    private void printBackfill(UpgradeReport report, InstallLayout install) {
        out.printf("NanoClaw back-fill preview of %s at %s: the install is in the DB-config era; nothing is"
                + " written.%n", install.root(), report.previewedAt());
        if (report.groups().isEmpty()) {
            out.println("Every group has a container_configs row: the next host start back-fills nothing.");
            return;
        }
        out.printf("%d group(s) without a container_configs row: the next host start back-fills them, in this"
                + " order.%n", report.groups().size());
        for (UpgradeGroup group : report.groups()) {
            out.println();
            out.printf("%s (%s, %s)%n", group.folder(), group.name(), group.groupId());
            if (group.backfill().fails()) {
                out.println("  the host will not start: " + group.backfill().failure());
                continue;
            }
            for (BackfillColumn column : group.backfillColumns()) {
                out.printf("  %-24s %s%n", column.column(), column.value());
            }
            if (group.backfill().fileContentLost()) {
                out.println("  container.json cannot be used: the row gets defaults.");
            }
            if (!group.backfill().droppedKeys().isEmpty()) {
                out.println("  not copied: " + String.join(", ", group.backfill().droppedKeys()));
            }
        }
        out.println();
        int failing = report.failingBackfills().size();
        out.println(failing == 0 ? "Every back-fill succeeds: the next host start goes through."
                : failing + " back-fill(s) will fail: the next host start stops (exit code 2).");
    }

    private static String shown(String provider) {
        if (provider == null) {
            return "NULL";
        }
        return provider.isEmpty() ? "'' (empty)" : provider;
    }
}
