package io.nanoclaw.admin.groups;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** NanoClaw's {@code agent_groups}. */
public interface AgentGroupRepository extends ListCrudRepository<AgentGroup, String>, GroupRowQueries {

    Optional<AgentGroup> findByFolder(String folder);
}
