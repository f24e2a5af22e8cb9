package io.nanoclaw.admin.containerconfig;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

import io.nanoclaw.admin.install.AdminStore;

@AdminStore
public interface ConfigVersionRepository extends ListCrudRepository<ConfigVersion, Long> {

    List<ConfigVersion> findByFolderOrderByReplacedAtDesc(String folder);
}
