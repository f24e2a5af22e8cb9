package io.nanoclaw.admin.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The stable {@code type} of every problem the API answers with; scripts may switch on it. */
public enum ProblemType {
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed for this role"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    EDIT_REFUSED("edit-refused", HttpStatus.CONFLICT, "The edit cannot be made as asked"),
    INVALID_CONFIG("invalid-config", HttpStatus.BAD_REQUEST, "Invalid container.json"),
    STALE_VERSION("stale-version", HttpStatus.PRECONDITION_FAILED, "container.json changed since it was read"),
    VERSION_REQUIRED("version-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match required"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    HOST_NOT_RUNNING("host-not-running", HttpStatus.CONFLICT, "NanoClaw's host is not running"),
    HOST_REFUSED("host-refused", HttpStatus.CONFLICT, "NanoClaw's host refused the request"),
    HOST_NO_ANSWER("host-no-answer", HttpStatus.BAD_GATEWAY, "NanoClaw's host gave no usable answer"),
    INSTALL_BUSY("install-busy", HttpStatus.SERVICE_UNAVAILABLE, "NanoClaw's database is busy"),
    INTERNAL("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String PREFIX = "urn:nanoclaw-admin:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }

    /** The type for a bare status (framework errors that carry no type of their own). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
