package io.nanoclaw.admin.change;


/** An edit that cannot be made as asked (a broken file that cannot be edited losslessly, a fix that does not apply). */
public class EditRefusedException extends ChangeRefusedException {

    public EditRefusedException(String message) {
        super(message);
    }
}
