package io.nanoclaw.admin.security;

/**
 * A token to issue, from the API's JSON body or the Access page's form.
 *
 * @param name 1–64 characters out of {@code A-Z a-z 0-9 . _ -}, unique
 * @param role {@code VIEWER} (the default when absent) or {@code OPERATOR}
 * @param expiresInDays 1–3650: the token stops working by itself that many days after it is issued; absent = it works
 *        until revoked
 */
public record TokenRequest(String name, String role, Integer expiresInDays) {
}
