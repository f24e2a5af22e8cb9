package io.nanoclaw.admin.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the log-in page: {@code /login?error} for a wrong user name or password, {@code /login?refused} with the
 * reason in the session (for the page to show) when throttling refused the attempt.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    /** The session attribute {@code login.html} reads the refusal from. */
    static final String REFUSAL = "nanoclawLoginRefusal";

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof LoginRefusedException) {
            request.getSession().setAttribute(REFUSAL, exception.getMessage());
            redirects.sendRedirect(request, response, "/login?refused");
        } else {
            redirects.sendRedirect(request, response, "/login?error");
        }
    }
}
