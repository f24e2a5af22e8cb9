package io.nanoclaw.admin.security;

public class TokenNotFoundException extends RuntimeException {

    public TokenNotFoundException(String name) {
        super("No API token named '" + name + "'");
    }
}
