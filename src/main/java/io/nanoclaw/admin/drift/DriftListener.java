package io.nanoclaw.admin.drift;

import java.util.List;

/**
 * Told after every full scan and every re-check, in the thread that made it, with the new report and what changed
 * (empty when nothing did). Listeners must be quick and must not throw: pushing events, recording history and
 * queueing notifications happen here.
 */
public interface DriftListener {

    /**
     * @param fullScan true after a full scan, false after a re-check of some groups
     */
    void driftChanged(DriftReport report, List<GroupChange> changes, boolean fullScan);
}
