package io.nanoclaw.admin.security;

import io.nanoclaw.admin.web.InvalidInputException;

/** The Access page's token form, as typed: {@code expiresInDays} is text until it is read as a number of days. */
public record TokenForm(String name, String role, String expiresInDays) {

    static TokenForm empty() {
        return new TokenForm(null, Role.VIEWER.name(), null);
    }

    TokenRequest toRequest() {
        String days = expiresInDays == null ? "" : expiresInDays.strip();
        if (days.isEmpty()) {
            return new TokenRequest(name, role, null);
        }
        try {
            return new TokenRequest(name, role, Integer.valueOf(days));
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("expiresInDays", "expiresInDays is '" + days + "', not a whole number;"
                    + " give 1 to " + AccessService.MAX_TOKEN_DAYS + " days, or leave it empty for a token that works"
                    + " until revoked.");
        }
    }
}
