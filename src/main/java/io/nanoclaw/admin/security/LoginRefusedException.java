package io.nanoclaw.admin.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A log-in refused without its password being checked (or on the failure that locked the user name): its message is
 * shown on the log-in page and says the same whether or not an account has that name.
 */
class LoginRefusedException extends AuthenticationException {

    LoginRefusedException(String message) {
        super(message);
    }
}
