package io.nanoclaw.admin.audit;

import org.springframework.data.repository.ListCrudRepository;

import io.nanoclaw.admin.install.AdminStore;

@AdminStore
public interface AuditRepository extends ListCrudRepository<AuditEvent, Long> {
}
