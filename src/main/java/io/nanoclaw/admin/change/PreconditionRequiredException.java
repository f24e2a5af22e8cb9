package io.nanoclaw.admin.change;

/** A write to container.json without If-Match: it must say which version it is based on. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send If-Match with the ETag of the container.json you read (GET .../container-config), or \"absent\""
                + " to create the file; a write without it could overwrite someone else's edit.");
    }
}
