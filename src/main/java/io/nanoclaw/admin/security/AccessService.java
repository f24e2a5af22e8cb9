package io.nanoclaw.admin.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.install.AdminStore;
import io.nanoclaw.admin.install.AdminStoreConfig;
import io.nanoclaw.admin.web.InvalidInputException;

/**
 * Who may get in: named API tokens for scripts and accounts for the UI. Every change is recorded in the audit trail,
 * never with a token's secret or a password. Changes run one at a time (lock, then transaction, then commit), so two
 * operators deleting each other cannot leave the install without an OPERATOR.
 */
@Service
public class AccessService {

    static final String ISSUE_TOKEN = "ISSUE_TOKEN";
    static final String REVOKE_TOKEN = "REVOKE_TOKEN";
    static final String CREATE_OPERATOR = "CREATE_OPERATOR";
    static final String DELETE_OPERATOR = "DELETE_OPERATOR";

    /** The token that {@code NANOCLAW_ADMIN_TOKEN} sets at every start. */
    public static final String ENV_TOKEN_NAME = AdminAccount.ENV_TOKEN_NAME;

    /** The longest lifetime a token may be given: ten years. */
    static final int MAX_TOKEN_DAYS = 3650;
    /** The account that every start re-creates when it is missing. */
    public static final String ADMIN_USERNAME = AdminAccount.USERNAME;
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads no further, and Spring Security refuses longer passwords rather than cut them. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String NAME_RULE = "1 to 64 letters, digits, '.', '_' or '-'";

    private final ApiTokenRepository tokens;
    private final ApiTokenService tokenService;
    private final OperatorRepository operators;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final SessionRegistry sessions;
    private final TransactionTemplate transaction;
    private final ReentrantLock changes = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();

    AccessService(ApiTokenRepository tokens, ApiTokenService tokenService, OperatorRepository operators,
            PasswordEncoder encoder, AuditService audit, SessionRegistry sessions,
            @Qualifier(AdminStoreConfig.TRANSACTION_MANAGER) PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.tokenService = tokenService;
        this.operators = operators;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Every token, revoked ones included, oldest first. */
    @AdminStore.Transaction
    public List<TokenSummary> tokens() {
        return tokens.findAll().stream()
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(ApiToken::name))
                .map(token -> TokenSummary.of(token, clock.instant()))
                .toList();
    }

    /** A new token; its secret is in the answer and nowhere else. */
    public IssuedToken issueToken(TokenRequest request) {
        String name = checkName("name", request.name(), "token name");
        if (ENV_TOKEN_NAME.equalsIgnoreCase(name)) {
            throw InvalidInputException.field("name",
                    "'" + ENV_TOKEN_NAME + "' is kept for the token set by NANOCLAW_ADMIN_TOKEN; choose another name.");
        }
        Role role = role(request.role());
        Duration lifetime = lifetime(request.expiresInDays());
        return change(() -> {
            tokens.findAll().stream().filter(token -> token.name().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(token -> {
                        throw new AccessConflictException("name", "A token named '" + token.name() + "' exists"
                                + (token.isActive() ? "" : " (revoked; names are not reused)")
                                + "; choose another name.");
                    });
            String secret = tokenService.issue(name, role, lifetime);
            record(ISSUE_TOKEN, "Issued API token '" + name + "' (" + role + ")"
                    + (lifetime == null ? "" : ", expiring in " + request.expiresInDays() + " day(s)"));
            return new IssuedToken(name, role, secret);
        });
    }

    /**
     * Revokes the named token: it stops working at once. Revoking a revoked token changes nothing and records
     * nothing. {@value #ENV_TOKEN_NAME} works again after the next start if {@code NANOCLAW_ADMIN_TOKEN} is still set.
     */
    public TokenSummary revokeToken(String name) {
        return change(() -> {
            ApiToken token = tokens.findByName(name).orElseThrow(() -> new TokenNotFoundException(name));
            if (!token.isActive()) {
                return TokenSummary.of(token, clock.instant());
            }
            ApiToken revoked = tokens.save(token.withRevokedAt(clock.instant()));
            record(REVOKE_TOKEN, "Revoked API token '" + name + "' (" + token.role() + ")"
                    + (ENV_TOKEN_NAME.equals(name) ? "; the next start sets it again if NANOCLAW_ADMIN_TOKEN is set" : ""));
            return TokenSummary.of(revoked, clock.instant());
        });
    }

    private static Duration lifetime(Integer days) {
        if (days == null) {
            return null;
        }
        if (days < 1 || days > MAX_TOKEN_DAYS) {
            throw InvalidInputException.field("expiresInDays", "expiresInDays is " + days + "; give 1 to "
                    + MAX_TOKEN_DAYS + " days, or leave it empty for a token that works until revoked.");
        }
        return Duration.ofDays(days);
    }

    /** Every account, by user name. */
    @AdminStore.Transaction
    public List<OperatorSummary> operators() {
        return operators.findAll().stream()
                .sorted(Comparator.comparing(Operator::username))
                .map(OperatorSummary::of)
                .toList();
    }

    /** A new account that can log in to the UI at once; only the password's hash is stored. */
    public OperatorSummary createOperator(OperatorRequest request) {
        String username = checkName("username", request.username(), "user name");
        String password = checkPassword(request.password());
        Role role = role(request.role());
        return change(() -> {
            operators.findAll().stream().filter(operator -> operator.username().equalsIgnoreCase(username))
                    .findFirst().ifPresent(operator -> {
                        throw new AccessConflictException("username",
                                "An account named '" + operator.username() + "' exists; choose another user name.");
                    });
            Operator saved = operators.save(new Operator(null, username, encoder.encode(password), role,
                    clock.instant()));
            record(CREATE_OPERATOR, "Created account '" + username + "' (" + role + ")");
            return OperatorSummary.of(saved);
        });
    }

    /**
     * Deletes an account and ends its open sessions. Never the caller's own account, never the last OPERATOR.
     * {@value #ADMIN_USERNAME} is created again (with a new password) at the next start.
     *
     * @param caller the name of whoever asks (a user name, or {@code token:<name>} for an API token)
     */
    public void deleteOperator(String username, String caller) {
        change(() -> {
            Operator operator = operators.findByUsername(username)
                    .orElseThrow(() -> new OperatorNotFoundException(username));
            if (operator.username().equals(caller)) {
                throw new AccessConflictException("username",
                        "You cannot delete your own account; another OPERATOR can.");
            }
            if (operator.role() == Role.OPERATOR && operators.findAll().stream()
                    .filter(other -> other.role() == Role.OPERATOR).count() == 1) {
                throw new AccessConflictException("username", "'" + username
                        + "' is the last OPERATOR account; create another OPERATOR account first.");
            }
            operators.delete(operator);
            record(DELETE_OPERATOR, "Deleted account '" + username + "' (" + operator.role() + ")"
                    + (ADMIN_USERNAME.equals(username) ? "; the next start creates it again" : ""));
            return null;
        });
        endSessionsOf(username);
    }

    private <T> T change(Supplier<T> change) {
        changes.lock();
        try {
            return transaction.execute(status -> change.get());
        } finally {
            changes.unlock();
        }
    }

    private void record(String action, String summary) {
        audit.record(new AuditService.Entry(action, null, null, null, null, summary, null, null));
    }

    private void endSessionsOf(String username) {
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }

    private static String checkName(String field, String value, String what) {
        if (value == null || value.isEmpty()) {
            throw InvalidInputException.field(field, "Give a " + what + ": " + NAME_RULE + ".");
        }
        if (value.length() > 64) {
            throw InvalidInputException.field(field,
                    "A " + what + " has at most 64 characters; this one has " + value.length() + ".");
        }
        if (!NAME.matcher(value).matches()) {
            throw InvalidInputException.field(field,
                    "'" + value + "' is not a valid " + what + ": use " + NAME_RULE + ".");
        }
        return value;
    }

    private static String checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw InvalidInputException.field("password",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw InvalidInputException.field("password",
                    "A password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no further).");
        }
        return password;
    }

    /** VIEWER when absent: the lesser role unless asked for more. */
    private static Role role(String value) {
        if (value == null || value.isBlank()) {
            return Role.VIEWER;
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("role", "The role is VIEWER or OPERATOR, not '"
                    + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'.");
        }
    }
}
