package io.nanoclaw.admin.dbconfig;

import io.nanoclaw.admin.change.ChangeRefusedException;

/** A change that needs the group's {@code container_configs} row as it is, and the row is missing or broken. */
public class RowNotUsableException extends ChangeRefusedException {

    public RowNotUsableException(String message) {
        super(message);
    }
}
