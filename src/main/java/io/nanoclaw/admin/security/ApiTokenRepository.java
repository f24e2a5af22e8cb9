package io.nanoclaw.admin.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import io.nanoclaw.admin.install.AdminStore;

@AdminStore
public interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    Optional<ApiToken> findByName(String name);

    @Modifying
    @Query("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
    void markUsed(Long id, Instant at);
}
