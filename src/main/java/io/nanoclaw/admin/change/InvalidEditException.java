package io.nanoclaw.admin.change;

/** An edit request with a bad value (an unknown provider, a missing session id); nothing was changed. */
public class InvalidEditException extends RuntimeException {

    private final String field;

    public InvalidEditException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
