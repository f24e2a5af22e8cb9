package io.nanoclaw.admin.security;

public class OperatorNotFoundException extends RuntimeException {

    public OperatorNotFoundException(String username) {
        super("No account named '" + username + "'");
    }
}
