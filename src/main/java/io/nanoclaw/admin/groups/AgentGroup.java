package io.nanoclaw.admin.groups;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A row of NanoClaw's {@code agent_groups}. Times are kept as NanoClaw writes them (ISO-8601 text). */
@Table("agent_groups")
public record AgentGroup(
        @Id String id,
        String name,
        String folder,
        @Column("agent_provider") String agentProvider,
        @Column("created_at") String createdAt) {
}
