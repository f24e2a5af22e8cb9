package io.nanoclaw.admin.restart;

/**
 * NanoClaw's host could not be talked to although its socket is there (permission denied), or it gave no usable
 * answer: none in time, the connection closed early, an answer too large or not an {@code ncl} response.
 *
 * <p>{@link #requestSent()} says whether the whole request went out: if it did, the host may have acted on it.
 */
public class HostNoAnswerException extends RuntimeException {

    private final boolean requestSent;

    public HostNoAnswerException(String message, boolean requestSent) {
        super(message);
        this.requestSent = requestSent;
    }

    public HostNoAnswerException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean requestSent() {
        return requestSent;
    }
}
