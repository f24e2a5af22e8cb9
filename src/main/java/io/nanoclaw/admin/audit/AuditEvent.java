package io.nanoclaw.admin.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One change made through the service.
 *
 * @param actor the operator's user name, or {@code token:<name>} for an API token
 * @param action what was done, e.g. {@code SET_GROUP_PROVIDER}, {@code FIX:ALIGN_FROM_DB}, {@code EDIT_CONTAINER_CONFIG}
 * @param dbChanges the DB changes, one per line: {@code table.column[row]: before -> after}
 * @param fileDiff the unified diff of every file written
 */
@Table("audit_events")
public record AuditEvent(
        @Id Long id,
        Instant at,
        String actor,
        String action,
        String groupId,
        String folder,
        String sessionId,
        String reason,
        String summary,
        String dbChanges,
        String fileDiff) {
}
