package io.nanoclaw.admin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before anything reads a body: one larger than {@code nanoclaw.requests.max-body} is answered 413 (by its
 * Content-Length, or as soon as a chunked body passes the limit), and a JSON body declared in a charset other than
 * UTF-8 is answered 415, since container.json and every JSON we read is UTF-8. Both as problem+json, nothing read.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBody;

    RequestBodyLimitFilter(RequestLimitsProperties limits) {
        this.maxBody = limits.maxBody().toBytes();
    }

    /** A chunked body that passed the limit; the advice answers it with 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBody) {
            refuse(response, ProblemType.PAYLOAD_TOO_LARGE, "The request body has " + request.getContentLengthLong()
                    + " bytes; at most " + maxBody + " are accepted (nanoclaw.requests.max-body). Nothing was changed.");
            return;
        }
        String charset = request.getCharacterEncoding();
        if (charset != null && isJson(request.getContentType()) && !isUtf8(charset)) {
            refuse(response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body is declared as " + charset + "; send JSON"
                    + " as UTF-8 (container.json is UTF-8). Nothing was changed.");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBody) : request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "");
        return name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8");
    }

    static void refuse(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ProblemJson.of(type, detail));
    }

    /** A request whose body stream fails once more than the limit was read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
