package io.nanoclaw.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first operator and the first token, from the environment.
 *
 * @param password the {@code admin} account's password ({@code NANOCLAW_ADMIN_PASSWORD}); unset = generated once
 * @param token an OPERATOR API token named {@code admin-env} ({@code NANOCLAW_ADMIN_TOKEN}); unset = none
 */
@ConfigurationProperties("nanoclaw.admin")
public record AdminProperties(String password, String token) {
}
