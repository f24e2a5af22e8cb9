package io.nanoclaw.admin.upgrade;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.nanoclaw.admin.drift.Severity;
import io.nanoclaw.admin.install.InstallEra;

/**
 * What the next start of a DB-era NanoClaw host will do, group by group. For a file-era install: the upgrade's effects
 * ({@link UpgradeItem}s) on every group. For a DB-era install: the groups still without a row, with the row the
 * back-fill will insert or the failure that will stop the host. Nothing is written to produce it.
 *
 * @param groups in name order, the order in which the back-fill visits them
 * @param items every group's items, worst first (then in group order)
 * @param counts items by severity, every severity present
 */
public record UpgradeReport(InstallEra era, Instant previewedAt, List<UpgradeGroup> groups, List<UpgradeItem> items,
        Map<Severity, Integer> counts) {

    public UpgradeReport {
        groups = List.copyOf(groups);
        items = List.copyOf(items);
        Map<Severity, Integer> ordered = new EnumMap<>(Severity.class);
        ordered.putAll(counts);
        counts = Collections.unmodifiableMap(ordered);
    }

    public static UpgradeReport of(InstallEra era, Instant previewedAt, List<UpgradeGroup> groups) {
        List<UpgradeItem> items = groups.stream().flatMap(group -> group.items().stream())
                .sorted(Comparator.comparing(UpgradeItem::severity)).toList();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        items.forEach(item -> counts.merge(item.severity(), 1, Integer::sum));
        return new UpgradeReport(era, previewedAt, groups, items, counts);
    }

    /** Any WARNING or ERROR item: the upgrade changes something the operator should look at first. */
    public boolean needsAttention() {
        return items.stream().anyMatch(UpgradeItem::needsAttention);
    }

    /** The groups whose back-fill throws: each one alone stops the host's start. */
    public List<UpgradeGroup> failingBackfills() {
        return groups.stream().filter(group -> group.backfill().fails()).toList();
    }

    /** The same report with MCP server {@code env} values masked in the rows, for readers who may not see secrets. */
    public UpgradeReport withSecretsMasked() {
        return new UpgradeReport(era, previewedAt, groups.stream().map(MaskedSecrets::of).toList(), items, counts);
    }

    public int count(Severity severity) {
        return counts.getOrDefault(severity, 0);
    }
}
