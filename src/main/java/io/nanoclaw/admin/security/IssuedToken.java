package io.nanoclaw.admin.security;

/** A token just issued. {@code token} is the secret: shown this once, stored only as its SHA-256. */
public record IssuedToken(String name, Role role, String token) {

    @Override
    public String toString() {
        return "IssuedToken[name=" + name + ", role=" + role + ", token=(hidden)]";
    }
}
