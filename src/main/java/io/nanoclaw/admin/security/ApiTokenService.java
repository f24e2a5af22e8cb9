package io.nanoclaw.admin.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.nanoclaw.admin.install.AdminStore;

/** Issues and checks API tokens. A token is 32 random bytes; the store keeps only its SHA-256. */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock = Clock.systemUTC();

    public ApiTokenService(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** A new token that works until revoked; the secret is returned once and never stored. */
    @AdminStore.Transaction
    public String issue(String name, Role role) {
        return issue(name, role, null);
    }

    /** A new token that stops working after {@code lifetime} (null = until revoked). */
    @AdminStore.Transaction
    public String issue(String name, Role role, Duration lifetime) {
        String secret = "nca_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant now = clock.instant();
        tokens.save(new ApiToken(null, name, hash(secret), role, now, null, lifetime == null ? null : now.plus(lifetime),
                null));
        return secret;
    }

    /**
     * Makes the named token carry exactly this secret and work (for a token given in the environment): a revoked one
     * works again, since the environment still names it.
     */
    @AdminStore.Transaction
    public void ensure(String name, String secret, Role role) {
        String hash = hash(secret);
        Optional<ApiToken> existing = tokens.findByName(name);
        if (existing.isEmpty()) {
            tokens.save(new ApiToken(null, name, hash, role, clock.instant(), null, null, null));
        } else if (!existing.get().tokenHash().equals(hash) || !existing.get().isActive()
                || existing.get().expiresAt() != null) {
            tokens.save(existing.get().withTokenHash(hash).withRevokedAt(null).withExpiresAt(null));
        }
    }

    /**
     * The working token (not revoked, not expired) with this secret, if any; its last use is noted, at most once a
     * minute, so a busy script does not write to the store on every request. The secret is never compared itself: its SHA-256 is looked up, so how
     * long the store takes to match a hash tells nothing about the secret (finding a secret whose hash shares a prefix
     * with a stored one is as hard as guessing the secret), which is what a constant-time comparison would protect.
     */
    @AdminStore.Transaction
    public Optional<ApiToken> authenticate(String secret) {
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByTokenHash(hash(secret)).filter(found -> found.worksAt(now));
        token.filter(found -> found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(LAST_USED_STEP)))
                .ifPresent(found -> tokens.markUsed(found.id(), now.truncatedTo(ChronoUnit.SECONDS)));
        return token;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
