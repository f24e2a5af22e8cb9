package io.nanoclaw.admin.history;

import java.time.Instant;

/**
 * One moment in a group's life, newest first on its page.
 *
 * @param kind {@code FINDING_APPEARED}, {@code FINDING_RESOLVED}, {@code CHANGED_HERE} (through this service, from the
 *        audit trail) or {@code CHANGED_OUTSIDE} (seen by the install watcher, made by someone else)
 * @param who the actor of a change made here; null otherwise
 */
public record TimelineEntry(Instant at, String kind, String text, String who) {
}
