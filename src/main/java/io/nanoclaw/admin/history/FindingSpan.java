package io.nanoclaw.admin.history;

import java.time.Instant;

/** A finding from when it was first seen to when it was resolved ({@code resolvedAt} null while it stands). */
public record FindingSpan(String kind, String severity, String groupId, String folder, String sessionId,
        String message, Instant firstSeen, Instant resolvedAt) {
}
