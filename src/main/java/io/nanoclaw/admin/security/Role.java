package io.nanoclaw.admin.security;

/** What an operator or token may do. An OPERATOR may do everything a VIEWER may. */
public enum Role {
    /** Reads everything except secrets. */
    VIEWER,
    /** Reads everything and changes things. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
