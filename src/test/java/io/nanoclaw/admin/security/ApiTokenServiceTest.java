package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nanoclaw.admin.AttachedSampleInstallTest;

/** Tokens against the real admin store (H2 under the data directory). */
class ApiTokenServiceTest extends AttachedSampleInstallTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    ApiTokenRepository repository;

    @Test
    void anIssuedTokenAuthenticatesAndOnlyItsHashIsStored() {
        String name = "ci-" + System.nanoTime();
        String secret = tokens.issue(name, Role.VIEWER);

        assertThat(tokens.authenticate(secret)).hasValueSatisfying(token -> {
            assertThat(token.name()).isEqualTo(name);
            assertThat(token.role()).isEqualTo(Role.VIEWER);
        });
        ApiToken stored = repository.findByName(name).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(ApiTokenService.hash(secret)).doesNotContain(secret);
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
    }

    @Test
    void theEnvironmentTokenFollowsItsSecret() {
        tokens.ensure("env-" + System.nanoTime(), "first", Role.OPERATOR);
        String name = "env-rotating";
        tokens.ensure(name, "one", Role.OPERATOR);
        tokens.ensure(name, "two", Role.OPERATOR);

        assertThat(tokens.authenticate("one")).isEmpty();
        assertThat(tokens.authenticate("two")).map(ApiToken::name).hasValue(name);
    }
}
