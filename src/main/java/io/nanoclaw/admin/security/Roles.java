package io.nanoclaw.admin.security;

import org.springframework.security.core.Authentication;

/** Questions about the caller's role that pages and the API ask. */
public final class Roles {

    private Roles() {
    }

    /** MCP server secrets are shown to operators only. */
    public static boolean canSeeSecrets(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> Role.OPERATOR.authority().equals(authority.getAuthority()));
    }
}
