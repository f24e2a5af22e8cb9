package io.nanoclaw.admin.upgrade;

import java.util.List;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.dbconfig.BackfillResult;

/**
 * What the next DB-era host start does to one group.
 *
 * @param runnerNow the provider the runner starts today (file era: container.json's, or claude); null in the DB era,
 *        where a group without a row starts no container at all
 * @param runnerAfter the provider the runner starts once the row exists, lower-cased
 * @param backfillProvider the provider the back-fill stores in the row, as written (null: none, or it fails)
 * @param fileState what the back-fill finds in {@code groups/<folder>/container.json}
 * @param backfill the row it inserts, or why it throws
 * @param items the effects worth telling (file era); empty in the DB era
 */
public record UpgradeGroup(String groupId, String folder, String name, String runnerNow, String runnerAfter,
        String backfillProvider, ConfigFileState fileState, BackfillResult backfill, List<UpgradeItem> items) {

    public UpgradeGroup {
        items = List.copyOf(items);
    }

    /** The back-filled row column by column; empty when the back-fill fails. */
    public List<BackfillColumn> backfillColumns() {
        return backfill.row() == null ? List.of() : BackfillColumn.of(backfill.row());
    }

    public boolean switchesRunner() {
        return runnerNow != null && !runnerNow.equals(runnerAfter);
    }
}
