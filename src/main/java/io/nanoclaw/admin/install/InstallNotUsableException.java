package io.nanoclaw.admin.install;

/** The configured install cannot be used (no DB, not a NanoClaw schema we understand); start-up stops. */
public class InstallNotUsableException extends RuntimeException {

    private final String action;

    public InstallNotUsableException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
