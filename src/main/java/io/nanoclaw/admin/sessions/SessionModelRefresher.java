package io.nanoclaw.admin.sessions;

import java.util.List;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.drift.DbChangeListener;
import io.nanoclaw.admin.drift.DriftListener;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.GroupChange;
import io.nanoclaw.admin.install.CoalescingReloader;

/**
 * Keeps {@link SessionModel} current: a group a change of ours touched has its sessions read again at once; a full
 * scan reloads every session before it returns; an outside change or any commit the watcher saw in the DB reloads
 * them off the request and watcher threads, coalesced.
 */
@Component
class SessionModelRefresher implements DriftListener, DbChangeListener {

    private final SessionModel model;
    private final CoalescingReloader reloader;

    SessionModelRefresher(SessionModel model) {
        this.model = model;
        this.reloader = new CoalescingReloader("session-model-reload", model::reload);
    }

    @Override
    public void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause) {
        if (cause == Cause.FULL_SCAN) {
            model.reload(); // in the scan's thread: what a scan reports, the lists show when it returns
            return;
        }
        if (cause == Cause.OUTSIDE_CHANGE) {
            reloader.request();
            return;
        }
        for (GroupChange change : changes) {
            if (change.groupId() != null) {
                model.refreshGroup(change.groupId());
            }
        }
    }

    @Override
    public void dbChanged() {
        reloader.request();
    }
}
