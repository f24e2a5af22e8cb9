package io.nanoclaw.admin.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A named bearer token for scripts. Only the SHA-256 of the secret is stored.
 *
 * @param expiresAt when it stops working by itself; null = until revoked
 * @param lastUsedAt when it last authenticated a request (to the minute); null = never
 */
@Table("api_tokens")
public record ApiToken(@Id Long id, String name, String tokenHash, Role role, Instant createdAt, Instant revokedAt,
        Instant expiresAt, Instant lastUsedAt) {

    /** Not revoked (it may still have expired: see {@link #worksAt}). */
    public boolean isActive() {
        return revokedAt == null;
    }

    public boolean worksAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    ApiToken withTokenHash(String hash) {
        return new ApiToken(id, name, hash, role, createdAt, revokedAt, expiresAt, lastUsedAt);
    }

    ApiToken withRevokedAt(Instant at) {
        return new ApiToken(id, name, tokenHash, role, createdAt, at, expiresAt, lastUsedAt);
    }

    ApiToken withExpiresAt(Instant at) {
        return new ApiToken(id, name, tokenHash, role, createdAt, revokedAt, at, lastUsedAt);
    }
}
