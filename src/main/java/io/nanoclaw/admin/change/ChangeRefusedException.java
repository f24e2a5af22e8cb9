package io.nanoclaw.admin.change;

/**
 * A change that cannot be made as asked (a broken file that cannot be edited losslessly, a fix that does not apply,
 * a row that no file can be built from); answered as {@code 409 edit-refused}, with nothing changed.
 */
public class ChangeRefusedException extends RuntimeException {

    public ChangeRefusedException(String message) {
        super(message);
    }
}
