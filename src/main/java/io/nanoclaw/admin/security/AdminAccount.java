package io.nanoclaw.admin.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the {@code admin} operator exists before anyone can log in. Its password comes from
 * {@code NANOCLAW_ADMIN_PASSWORD} (and follows it when it changes), or is generated on the first start and printed
 * once. {@code NANOCLAW_ADMIN_TOKEN}, when set, becomes the OPERATOR token {@code admin-env}.
 */
@Component
class AdminAccount implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    static final String ENV_TOKEN_NAME = "admin-env";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

    private final OperatorRepository operators;
    private final ApiTokenService tokens;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;

    AdminAccount(OperatorRepository operators, ApiTokenService tokens, PasswordEncoder encoder,
            AdminProperties properties) {
        this.operators = operators;
        this.tokens = tokens;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureAdmin();
        if (properties.token() != null && !properties.token().isBlank()) {
            tokens.ensure(ENV_TOKEN_NAME, properties.token(), Role.OPERATOR);
            log.info("API token '{}' (OPERATOR) is set from NANOCLAW_ADMIN_TOKEN", ENV_TOKEN_NAME);
        }
    }

    private void ensureAdmin() {
        String given = properties.password();
        boolean hasGiven = given != null && !given.isBlank();
        var existing = operators.findByUsername(USERNAME);
        if (existing.isPresent()) {
            if (hasGiven && !encoder.matches(given, existing.get().passwordHash())) {
                operators.save(existing.get().withPasswordHash(encoder.encode(given)));
                log.info("The password of '{}' was updated from NANOCLAW_ADMIN_PASSWORD", USERNAME);
            }
            return;
        }
        String password = hasGiven ? given : generatePassword();
        operators.save(new Operator(null, USERNAME, encoder.encode(password), Role.OPERATOR, Clock.systemUTC().instant()));
        if (hasGiven) {
            log.info("Created operator '{}' with the password from NANOCLAW_ADMIN_PASSWORD", USERNAME);
        } else {
            log.warn("""

                    ================================================================
                    Created operator '{}' with a generated password:

                        {}

                    It is shown this once and stored only as a hash. Set
                    NANOCLAW_ADMIN_PASSWORD to choose your own.
                    ================================================================""", USERNAME, password);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
