package io.nanoclaw.admin.security;

/**
 * An account to create, from the API's JSON body or the Access page's form.
 *
 * @param username 1–64 characters out of {@code A-Z a-z 0-9 . _ -}, unique
 * @param password at least 12 characters and at most 72 bytes in UTF-8 (bcrypt reads no further)
 * @param role {@code VIEWER} (the default when absent) or {@code OPERATOR}
 */
public record OperatorRequest(String username, String password, String role) {

    /** Without the password, so that no log line or error message can carry it. */
    @Override
    public String toString() {
        return "OperatorRequest[username=" + username + ", password=(hidden), role=" + role + "]";
    }
}
