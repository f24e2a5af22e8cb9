package io.nanoclaw.admin.notify;

import java.time.Instant;

import io.nanoclaw.admin.drift.GroupStatus;

/**
 * What a webhook receives (the {@code json} format).
 *
 * @param event {@code GROUP_BROKEN}, {@code NEW_ERROR}, {@code GROUP_FIXED} or {@code TEST}
 * @param finding the finding concerned; null for a status change without one
 */
public record Notification(String event, Group group, FindingRef finding, String summary, Instant at) {

    public record Group(String id, String folder, GroupStatus status, GroupStatus previousStatus) {
    }

    public record FindingRef(String kind, String severity, String sessionId, String message) {
    }

    /** The one line a Slack-compatible webhook shows. */
    String text() {
        String where = group == null ? "" : " " + group.folder() + " (" + group.id() + ")";
        return "NanoClaw Admin: " + event + where + ": " + summary;
    }
}
