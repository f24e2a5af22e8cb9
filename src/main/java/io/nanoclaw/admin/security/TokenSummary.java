package io.nanoclaw.admin.security;

import java.time.Instant;

/** An API token as lists show it: never its secret, never its hash. {@code revokedAt} is null while it works. */
public record TokenSummary(String name, Role role, Instant createdAt, Instant revokedAt) {

    static TokenSummary of(ApiToken token) {
        return new TokenSummary(token.name(), token.role(), token.createdAt(), token.revokedAt());
    }

    public boolean active() {
        return revokedAt == null;
    }
}
