package io.nanoclaw.admin.security;

import java.time.Instant;

/**
 * An API token as lists show it: never its secret, never its hash.
 *
 * @param state {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}
 * @param revokedAt null while not revoked
 * @param expiresAt null when it works until revoked
 * @param lastUsedAt when it last authenticated a request (to the minute); null = never
 */
public record TokenSummary(String name, Role role, State state, Instant createdAt, Instant revokedAt,
        Instant expiresAt, Instant lastUsedAt) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    static TokenSummary of(ApiToken token, Instant now) {
        State state = !token.isActive() ? State.REVOKED : token.worksAt(now) ? State.ACTIVE : State.EXPIRED;
        return new TokenSummary(token.name(), token.role(), state, token.createdAt(), token.revokedAt(),
                token.expiresAt(), token.lastUsedAt());
    }

    /** It authenticates requests now. */
    public boolean active() {
        return state == State.ACTIVE;
    }

    /** Not revoked yet (an expired token may still be revoked, to say so for good). */
    public boolean revocable() {
        return state != State.REVOKED;
    }
}
