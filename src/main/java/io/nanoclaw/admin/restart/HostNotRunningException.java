package io.nanoclaw.admin.restart;

/**
 * NanoClaw's host cannot be asked: the install is the embedded demo, {@code data/ncl.sock} does not exist, or nobody
 * listens on it (a crashed host leaves the file behind; a starting host creates it last). Nothing was sent.
 */
public class HostNotRunningException extends RuntimeException {

    public HostNotRunningException(String message) {
        super(message);
    }
}
