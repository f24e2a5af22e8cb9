package io.nanoclaw.admin.security;

import org.springframework.security.core.AuthenticationException;

class InvalidApiTokenException extends AuthenticationException {

    InvalidApiTokenException() {
        super("The API token is unknown, revoked or expired.");
    }
}
