package io.nanoclaw.admin.dbconfig;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

import io.nanoclaw.admin.install.AdminStore;

@AdminStore
public interface ConfigRowVersionRepository extends ListCrudRepository<ConfigRowVersion, Long> {

    List<ConfigRowVersion> findByAgentGroupIdOrderByIdDesc(String agentGroupId);

    Optional<ConfigRowVersion> findFirstByAgentGroupIdAndRowVersionOrderByIdDesc(String agentGroupId, String rowVersion);
}
