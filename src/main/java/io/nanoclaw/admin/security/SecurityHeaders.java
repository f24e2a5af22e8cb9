package io.nanoclaw.admin.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers every answer carries: pages, the API, errors, static files, and Tomcat's own answers to requests that
 * never reach a servlet. No page of ours has inline script, inline style or {@code on…=} handlers, so the policy allows
 * scripts and styles from this origin only. The one exception is the API explorer under {@value #API_EXPLORER}
 * (Swagger UI, a third party's bundle, which applies inline styles): there styles may be inline too; its scripts
 * still come from this origin only.
 *
 * <p>Two writers, one set of values: the security filter chains write them (they also run for the error dispatch),
 * and {@link Valve}, first in Tomcat's engine, writes them before anything else runs, for the answers no filter chain
 * sees (the request body limit's 413, Tomcat's own 400s). A header already set is never written twice.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
            + " base-uri 'self'; form-action 'self'";
    /** {@link #CONTENT_SECURITY_POLICY} with inline styles allowed, for Swagger UI only. */
    public static final String API_EXPLORER_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
            "style-src 'self' 'unsafe-inline';");
    public static final String FRAME_OPTIONS = "DENY";
    public static final String CONTENT_TYPE_OPTIONS = "nosniff";
    public static final String REFERRER_POLICY = "no-referrer";

    static final String API_EXPLORER = "/swagger-ui/";
    private static final String CSP = "Content-Security-Policy";
    private static final RequestMatcher API_EXPLORER_PATHS = PathPatternRequestMatcher.pathPattern(API_EXPLORER + "**");

    private SecurityHeaders() {
    }

    /** The same values, for a security filter chain's {@code headers(…)}. */
    static Customizer<HeadersConfigurer<HttpSecurity>> forFilterChain() {
        return headers -> headers
                .addHeaderWriter((request, response) -> setIfAbsent(response, CSP,
                        API_EXPLORER_PATHS.matches(request) ? API_EXPLORER_POLICY : CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /**
     * @param path the request's path within the application, decoded and normalized
     */
    static void writeTo(HttpServletResponse response, String path) {
        setIfAbsent(response, CSP, path != null && path.startsWith(API_EXPLORER) ? API_EXPLORER_POLICY
                : CONTENT_SECURITY_POLICY);
        setIfAbsent(response, "X-Frame-Options", FRAME_OPTIONS);
        setIfAbsent(response, "X-Content-Type-Options", CONTENT_TYPE_OPTIONS);
        setIfAbsent(response, "Referrer-Policy", REFERRER_POLICY);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }

    /** Writes the headers on every request that reaches Tomcat's engine, before any filter runs. */
    static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String uri = request.getDecodedRequestURI();
            String context = request.getContextPath();
            writeTo(response, uri != null && context != null && uri.startsWith(context)
                    ? uri.substring(context.length()) : uri);
            getNext().invoke(request, response);
        }
    }
}
