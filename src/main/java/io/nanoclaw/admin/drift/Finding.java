package io.nanoclaw.admin.drift;

import java.util.List;

/**
 * One disagreement.
 *
 * @param groupId null for an orphan folder
 * @param folder null for a session whose group is gone
 * @param sessionId null for group-level kinds
 * @param dbValue the DB value concerned, as stored
 * @param fileValue the container.json value concerned, as written
 * @param hostProvider what the host prepares (for the session, or for a new session of the group)
 * @param runnerProvider what the runner runs
 * @param message a sentence for a person
 * @param fixes what can be done about it, in the order we would suggest
 */
public record Finding(
        FindingKind kind,
        Severity severity,
        String groupId,
        String folder,
        String sessionId,
        String dbValue,
        String fileValue,
        String hostProvider,
        String runnerProvider,
        String message,
        List<Fix> fixes) {

    public boolean concernsSession() {
        return sessionId != null;
    }
}
