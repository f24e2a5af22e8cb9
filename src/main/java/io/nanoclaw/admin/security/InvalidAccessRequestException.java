package io.nanoclaw.admin.security;

/** A token or account request that breaks a rule (a name's characters, a password's length, a role). */
public class InvalidAccessRequestException extends RuntimeException {

    private final String field;

    public InvalidAccessRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request member at fault: {@code name}, {@code role}, {@code username} or {@code password}. */
    public String field() {
        return field;
    }
}
