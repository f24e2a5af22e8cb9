package io.nanoclaw.admin.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.nanoclaw.admin.change.ConflictException;
import io.nanoclaw.admin.containerconfig.StaleVersionException;
import io.nanoclaw.admin.drift.UnknownGroupException;
import io.nanoclaw.admin.change.ChangeRefusedException;
import io.nanoclaw.admin.change.InvalidConfigException;
import io.nanoclaw.admin.web.InvalidInputException;
import io.nanoclaw.admin.change.PreconditionRequiredException;
import io.nanoclaw.admin.change.StaleEditException;
import io.nanoclaw.admin.groups.GroupNotFoundException;
import io.nanoclaw.admin.install.InvalidFolderException;
import io.nanoclaw.admin.install.SqliteBusy;
import io.nanoclaw.admin.restart.HostNoAnswerException;
import io.nanoclaw.admin.restart.HostNotRunningException;
import io.nanoclaw.admin.restart.HostRefusedException;
import io.nanoclaw.admin.security.AccessConflictException;
import io.nanoclaw.admin.security.OperatorNotFoundException;
import io.nanoclaw.admin.security.TokenNotFoundException;
import io.nanoclaw.admin.sessions.SessionNotFoundException;

/** Every error of the REST API as an RFC 9457 problem with a stable type; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    @ExceptionHandler({GroupNotFoundException.class, SessionNotFoundException.class, UnknownGroupException.class,
            TokenNotFoundException.class, OperatorNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, WebRequest request) {
        return problem(ProblemType.NOT_FOUND.problem(e.getMessage()), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, WebRequest request) {
        return e.place() == InvalidInputException.Place.PARAMETER
                ? problem(ProblemType.INVALID_PARAMETER, e, request, "parameter", e.name())
                : problem(ProblemType.INVALID_REQUEST, e, request, "field", e.name());
    }

    @ExceptionHandler(InvalidFolderException.class)
    ResponseEntity<ProblemDetail> invalidFolder(InvalidFolderException e, WebRequest request) {
        return problem(ProblemType.INVALID_REQUEST, e, request, "folder", e.folder());
    }

    @ExceptionHandler(AccessConflictException.class)
    ResponseEntity<ProblemDetail> accessConflict(AccessConflictException e, WebRequest request) {
        return problem(ProblemType.CONFLICT, e, request, "field", e.field());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> rowConflict(ConflictException e, WebRequest request) {
        return problem(ProblemType.CONFLICT, e, request);
    }

    @ExceptionHandler(ChangeRefusedException.class)
    ResponseEntity<ProblemDetail> editRefused(ChangeRefusedException e, WebRequest request) {
        return problem(ProblemType.EDIT_REFUSED, e, request);
    }

    @ExceptionHandler(InvalidConfigException.class)
    ResponseEntity<ProblemDetail> invalidConfig(InvalidConfigException e, WebRequest request) {
        return problem(ProblemType.INVALID_CONFIG, e, request, "violations", e.violations());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(PreconditionRequiredException e, WebRequest request) {
        return problem(ProblemType.VERSION_REQUIRED, e, request);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleFile(StaleVersionException e, WebRequest request) {
        return problem(ProblemType.STALE_VERSION, e, request, "currentEtag", e.current().version().etag());
    }

    /** 412 with what a script (or the editor) needs to merge: the current ETag and the diffs. */
    @ExceptionHandler(StaleEditException.class)
    ResponseEntity<ProblemDetail> staleEdit(StaleEditException e, WebRequest request) {
        ProblemDetail problem = ProblemType.STALE_VERSION.problem(e.getMessage());
        problem.setProperty("currentEtag", e.current().etag());
        problem.setProperty("otherChange", e.otherChange());
        problem.setProperty("diff", e.yourChange());
        return ResponseEntity.status(problem.getStatus()).eTag(e.current().etag())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(withInstance(problem, request));
    }

    @ExceptionHandler(HostNotRunningException.class)
    ResponseEntity<ProblemDetail> hostNotRunning(HostNotRunningException e, WebRequest request) {
        return problem(ProblemType.HOST_NOT_RUNNING, e, request);
    }

    /** The host's own error code and message as members, for scripts. */
    @ExceptionHandler(HostRefusedException.class)
    ResponseEntity<ProblemDetail> hostRefused(HostRefusedException e, WebRequest request) {
        return problem(ProblemType.HOST_REFUSED, e, request, "code", e.code(), "message", e.hostMessage());
    }

    /** requestSent: whether the host may have acted on the request although it gave no usable answer. */
    @ExceptionHandler(HostNoAnswerException.class)
    ResponseEntity<ProblemDetail> hostNoAnswer(HostNoAnswerException e, WebRequest request) {
        log.warn("NanoClaw's host gave no usable answer on {}: {}", describe(request), e.getMessage());
        return problem(ProblemType.HOST_NO_ANSWER, e, request, "requestSent", e.requestSent());
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(org.springframework.dao.DataAccessException e, WebRequest request) {
        if (SqliteBusy.isBusy(e)) {
            return busy(e, request);
        }
        return unexpected(e, request);
    }

    /** A commit that failed: busy (a reader holding a rollback-journal DB at commit) is 503 like any busy write. */
    @ExceptionHandler(org.springframework.transaction.TransactionException.class)
    ResponseEntity<ProblemDetail> transaction(org.springframework.transaction.TransactionException e,
            WebRequest request) {
        if (SqliteBusy.isBusy(e)) {
            return busy(e, request);
        }
        return unexpected(e, request);
    }

    /** SQLite busy past its timeout (a NanoClaw host holding the write lock): try again later, not a 500. */
    @ExceptionHandler({TransientDataAccessException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e, WebRequest request) {
        log.warn("NanoClaw's database is busy: {}", e.getMessage());
        ProblemDetail problem = ProblemType.INSTALL_BUSY.problem(
                "NanoClaw's database stayed locked by another writer; nothing was changed. Try again in a moment.");
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(withInstance(problem, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", describe(request), e);
        return problem(ProblemType.INTERNAL.problem("Something went wrong on our side; the log has the details."),
                request);
    }

    /** A body that passed the size limit while it was read (a chunked one) is 413, not a malformed body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemType.PAYLOAD_TOO_LARGE.problem("Nothing was changed: "
                        + tooLarge.getMessage() + " (nanoclaw.requests.max-body).");
                withInstance(problem, request);
                return ResponseEntity.status(ProblemType.PAYLOAD_TOO_LARGE.status())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        }
        ProblemDetail problem = ProblemType.INVALID_REQUEST.problem("The body could not be read as JSON of the"
                + " expected shape" + position(ex) + ". Nothing was changed.");
        withInstance(problem, request);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Where in the body Jackson stopped, when it says. */
    private static String position(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && jackson.getLocation() != null
                    && jackson.getLocation().getLineNr() > 0) {
                return " (at line " + jackson.getLocation().getLineNr() + ", column "
                        + jackson.getLocation().getColumnNr() + ")";
            }
        }
        return "";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            ProblemType type = ProblemType.forStatus(statusCode.value());
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(statusCode.value() == 400 ? ProblemType.INVALID_PARAMETER.uri() : type.uri());
            }
            withInstance(problem, request);
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(response.getHeaders());
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, problemHeaders, response.getStatusCode());
        }
        return response;
    }

    /** A problem of this type with the exception's message as detail, and extra members as name/value pairs. */
    private static ResponseEntity<ProblemDetail> problem(ProblemType type, RuntimeException e, WebRequest request,
            Object... members) {
        ProblemDetail problem = type.problem(e.getMessage());
        for (int i = 0; i + 1 < members.length; i += 2) {
            problem.setProperty((String) members[i], members[i + 1]);
        }
        return problem(problem, request);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem, WebRequest request) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(problem, request));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && problem.getInstance() == null) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return problem;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
