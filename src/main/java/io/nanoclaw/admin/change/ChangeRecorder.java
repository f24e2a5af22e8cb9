package io.nanoclaw.admin.change;

/**
 * Keeps what a change replaces in NanoClaw's DB (the DB-config era's row history). {@link ChangeExecutor} calls every
 * recorder inside the change's transaction, after its DB changes and file writes and just before the commit, so a
 * recorder reads the changed rows on the change's own connection. Throwing aborts the change: nothing is committed
 * and the files are put back, so a change that commits is always recorded.
 */
public interface ChangeRecorder {

    void beforeCommit(ChangePlan plan);
}
