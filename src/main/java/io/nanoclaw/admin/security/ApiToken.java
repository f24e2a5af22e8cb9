package io.nanoclaw.admin.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A named bearer token for scripts. Only the SHA-256 of the secret is stored. */
@Table("api_tokens")
public record ApiToken(@Id Long id, String name, String tokenHash, Role role, Instant createdAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }

    ApiToken withTokenHash(String hash) {
        return new ApiToken(id, name, hash, role, createdAt, revokedAt);
    }

    ApiToken withRevokedAt(Instant at) {
        return new ApiToken(id, name, tokenHash, role, createdAt, at);
    }
}
