package io.nanoclaw.admin.sessions;

import org.springframework.data.repository.ListCrudRepository;

/** NanoClaw's {@code sessions}. */
public interface SessionRepository extends ListCrudRepository<Session, String> {
}
