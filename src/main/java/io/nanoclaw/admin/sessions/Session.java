package io.nanoclaw.admin.sessions;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of NanoClaw's {@code sessions}. {@code agentProvider} is the per-session override: it wins over the group on
 * the host, and never reaches the runner.
 */
@Table("sessions")
public record Session(
        @Id String id,
        @Column("agent_group_id") String agentGroupId,
        @Column("messaging_group_id") String messagingGroupId,
        @Column("thread_id") String threadId,
        @Column("agent_provider") String agentProvider,
        String status,
        @Column("container_status") String containerStatus,
        @Column("last_active") String lastActive,
        @Column("created_at") String createdAt) {

    /** NanoClaw treats NULL and '' alike: no override. */
    public boolean hasOverride() {
        return agentProvider != null && !agentProvider.isEmpty();
    }
}
