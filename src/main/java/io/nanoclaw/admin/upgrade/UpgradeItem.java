package io.nanoclaw.admin.upgrade;

import java.util.List;

import io.nanoclaw.admin.drift.Severity;

/**
 * One effect of the upgrade on one group.
 *
 * @param runnerNow the provider the runner starts today (file era)
 * @param runnerAfter the provider it starts after the upgrade
 * @param keys the keys concerned ({@link UpgradeCode#UPGRADE_DROPS_KEYS}); empty for the other codes
 * @param message a sentence for a person
 */
public record UpgradeItem(UpgradeCode code, Severity severity, String groupId, String folder, String runnerNow,
        String runnerAfter, List<String> keys, String message) {

    public UpgradeItem {
        keys = List.copyOf(keys);
    }

    static UpgradeItem of(UpgradeCode code, UpgradeGroupInput group, String runnerNow, String runnerAfter,
            List<String> keys, String message) {
        return new UpgradeItem(code, code.severity(), group.groupId(), group.folder(), runnerNow, runnerAfter, keys,
                message);
    }

    /** WARNING or ERROR: something the operator must look at before upgrading. */
    public boolean needsAttention() {
        return severity != Severity.INFO;
    }
}
