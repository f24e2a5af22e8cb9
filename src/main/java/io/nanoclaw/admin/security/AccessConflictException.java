package io.nanoclaw.admin.security;

/**
 * A token or account change that the current state forbids: a name already taken, deleting the last OPERATOR or
 * your own account.
 */
public class AccessConflictException extends RuntimeException {

    private final String field;

    public AccessConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request member at fault ({@code name}, {@code username}), or null when it is the state as a whole. */
    public String field() {
        return field;
    }
}
