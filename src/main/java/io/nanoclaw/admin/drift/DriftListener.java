package io.nanoclaw.admin.drift;

import java.util.List;

/**
 * Told after every full scan and every re-check, in the thread that made it, with the new report and what changed
 * (empty when nothing did). Listeners must be quick and must not throw: pushing events, recording history and
 * queueing notifications happen here.
 */
public interface DriftListener {

    /** Why the report changed. */
    enum Cause {
        /** A full scan (at start, on schedule, or asked for). */
        FULL_SCAN,
        /** A change made through this service re-checked the groups it touched. */
        OUR_CHANGE,
        /** The install watcher saw someone else change files or rows (NanoClaw's host, {@code ncl}, an editor). */
        OUTSIDE_CHANGE
    }

    void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause);
}
