package io.nanoclaw.admin.change;

/** The DB row changed since the plan was made (someone else wrote): nothing was changed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
