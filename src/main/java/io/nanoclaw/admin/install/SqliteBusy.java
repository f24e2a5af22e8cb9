package io.nanoclaw.admin.install;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a failure is SQLite's "database is busy/locked" (a NanoClaw host holding the write lock past our busy
 * timeout). Spring has no SQLite error codes, so it arrives as an uncategorized SQL exception: look at the cause.
 */
public final class SqliteBusy {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqliteBusy() {
    }

    public static boolean isBusy(Throwable failure) {
        if (failure instanceof org.springframework.dao.TransientDataAccessException
                || failure instanceof org.springframework.dao.PessimisticLockingFailureException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                int primary = sql.getErrorCode() & 0xFF;
                String message = String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT);
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || message.contains("SQLITE_BUSY")
                        || message.contains("SQLITE_LOCKED")) {
                    return true;
                }
            }
        }
        return false;
    }
}
