package io.nanoclaw.admin.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.nanoclaw.admin.audit.AuditService;

/**
 * The log-in form's password check behind {@link LoginThrottle}: a locked user name or a slowed address is refused
 * before its password is read; a wrong user name or password is counted. Every failure, refusal and lock goes to the
 * audit trail (actor {@value #ACTOR}) with the user name tried and the client address, never the password.
 */
final class LoginGuard implements AuthenticationProvider {

    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String LOGIN_LOCKED = "LOGIN_LOCKED";
    static final String LOGIN_REFUSED = "LOGIN_REFUSED";
    /** Nobody is logged in when a log-in fails; the user name tried is in the summary, not taken as the actor. */
    static final String ACTOR = "anonymous";

    private static final int SHOWN_NAME_CHARS = 64;

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditService audit;

    LoginGuard(AuthenticationProvider passwords, LoginThrottle throttle, AuditService audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = address(attempt);
        Optional<LoginThrottle.Refusal> refusal = throttle.check(username, address);
        if (refusal.isPresent()) {
            LoginThrottle.Reason reason = refusal.get().reason();
            Duration remaining = refusal.get().remaining();
            record(LOGIN_REFUSED, "Refused log-in as " + shown(username) + " from " + address
                    + (reason == LoginThrottle.Reason.USER_LOCKED
                            ? ": the user name is locked for " + describe(remaining) + " more"
                            : ": too many failures from this address; it may try again in " + describe(remaining))
                    + " (password not checked)");
            throw new LoginRefusedException(reason == LoginThrottle.Reason.USER_LOCKED
                    ? lockedMessage(remaining)
                    : "Too many failed log-ins from your address. Wait " + describe(remaining) + ", then try again.");
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            // An unknown user name is a BadCredentialsException too: the answer never tells which it was.
            LoginThrottle.Failure failure = throttle.failed(username, address);
            var settings = throttle.settings();
            record(LOGIN_FAILED, "Failed log-in as " + shown(username) + " from " + address + " ("
                    + failure.recentFailures() + " of " + settings.maxFailures() + " within "
                    + describe(settings.failureWindow()) + ")");
            if (failure.lockedNow()) {
                record(LOGIN_LOCKED, "Locked log-in as " + shown(username) + " for " + describe(settings.lockout())
                        + " after " + settings.maxFailures() + " failures within " + describe(settings.failureWindow())
                        + " (the last from " + address + ")");
                throw new LoginRefusedException(lockedMessage(settings.lockout()));
            }
            throw e;
        }
        throttle.succeeded(username);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void record(String action, String summary) {
        audit.record(AuditService.Entry.of(action, null, null, null, null, summary, null, null), ACTOR);
    }

    private static String lockedMessage(Duration remaining) {
        return "Too many failed log-ins for this user name: it is locked for " + describe(remaining)
                + ". Try again after that.";
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "an unknown address";
    }

    /** The user name as tried, quoted, cut and without control characters: it is whatever the form carried. */
    static String shown(String username) {
        if (username == null) {
            return "''";
        }
        String clean = username.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (clean.length() > SHOWN_NAME_CHARS ? clean.substring(0, SHOWN_NAME_CHARS) + "…" : clean) + "'";
    }

    /** Whole minutes (rounded up) from a minute on, whole seconds (rounded up, at least 1) below. */
    static String describe(Duration duration) {
        long seconds = Math.max(1, duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0));
        if (seconds >= 60) {
            long minutes = (seconds + 59) / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
