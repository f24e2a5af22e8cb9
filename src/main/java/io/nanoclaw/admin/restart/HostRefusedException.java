package io.nanoclaw.admin.restart;

/**
 * NanoClaw's host answered {@code ok:false}: it did not do what was asked.
 *
 * <p>{@link #code()} is the host's error code ({@code handler-error}, {@code invalid-args}, {@code unknown-command},
 * {@code transport-error}, …) and {@link #hostMessage()} its message, both as the host sent them.
 */
public class HostRefusedException extends RuntimeException {

    private final String code;
    private final String hostMessage;

    public HostRefusedException(String command, String code, String hostMessage) {
        super("NanoClaw's host refused " + command + ": " + hostMessage + " (" + code + ")");
        this.code = code;
        this.hostMessage = hostMessage;
    }

    public String code() {
        return code;
    }

    public String hostMessage() {
        return hostMessage;
    }
}
