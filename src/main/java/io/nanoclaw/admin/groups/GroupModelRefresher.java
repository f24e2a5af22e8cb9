package io.nanoclaw.admin.groups;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.drift.DbChangeListener;
import io.nanoclaw.admin.drift.DriftListener;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.GroupChange;
import io.nanoclaw.admin.install.CoalescingReloader;

/**
 * Keeps {@link GroupModel} current: the groups a re-check touched are read again at once (so a change of ours shows
 * in the very next list); a full scan reloads every group before it returns; any commit the watcher saw in the DB
 * reloads them off the request and watcher threads, coalesced.
 */
@Component
class GroupModelRefresher implements DriftListener, DbChangeListener {

    private final GroupModel model;
    private final CoalescingReloader reloader;

    GroupModelRefresher(GroupModel model) {
        this.model = model;
        this.reloader = new CoalescingReloader("group-model-reload", model::reload);
    }

    @Override
    public void driftChanged(DriftReport report, List<GroupChange> changes, Cause cause) {
        if (cause == Cause.FULL_SCAN) {
            model.reload(); // in the scan's thread: what a scan reports, the lists show when it returns
            return;
        }
        Set<String> ids = changes.stream().map(GroupChange::groupId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (!ids.isEmpty()) {
            model.refresh(ids);
        }
    }

    @Override
    public void dbChanged() {
        reloader.request();
    }
}
