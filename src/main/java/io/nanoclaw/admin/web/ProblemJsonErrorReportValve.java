package io.nanoclaw.admin.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers (a request it refuses before any servlet runs: bad bytes in the path, headers too
 * large, a malformed request line) as problem+json instead of Tomcat's HTML page, naming no internals.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        ProblemType type = ProblemType.forStatus(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? "The request could not be read (its path, headers or body are malformed)."
                : known == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE ? "The request headers are too large."
                : title + ".";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                ProblemType typed = type.status().value() == status ? type
                        : status < 500 ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL;
                writer.write(ProblemJson.of(typed.uri().toString(), title, status, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing more to say
        }
    }
}
