package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.audit.AuditEvent;
import io.nanoclaw.admin.audit.AuditService;

/**
 * The log-in form under repeated failures, with the default settings (5 failures lock a user name for 15 minutes; an
 * address is slowed after 10). Each test logs in from an address of its own, so the tests do not slow each other.
 */
class LoginLockoutTest extends AttachedSampleInstallTest {

    static final String PASSWORD = "lockout-test-passphrase";
    static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessService access;

    @Autowired
    AuditService audit;

    @Test
    void theFifthWrongPasswordLocksTheAccountAndThenEvenTheRightPasswordIsRefused() throws Exception {
        String username = account();
        String address = address();
        for (int i = 1; i <= 4; i++) {
            logIn(username, "wrong-" + i, address).andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        }

        MvcResult locking = logIn(username, "wrong-5", address).andExpect(redirectedUrl("/login?refused"))
                .andExpect(unauthenticated()).andReturn();
        MvcResult refused = logIn(username, PASSWORD, address).andExpect(redirectedUrl("/login?refused"))
                .andExpect(unauthenticated()).andReturn();
        logIn(username, PASSWORD, address()).andExpect(redirectedUrl("/login?refused"));

        String message = "Too many failed log-ins for this user name: it is locked for 15 minutes.";
        assertThat(loginPage(locking)).contains("id=\"login-error\"").contains(message)
                .doesNotContain("Wrong user name or password");
        assertThat(loginPage(refused)).contains(message);

        List<AuditEvent> failed = events(LoginGuard.LOGIN_FAILED, username);
        assertThat(failed).hasSize(5).allSatisfy(event -> {
            assertThat(event.actor()).isEqualTo(LoginGuard.ACTOR);
            assertThat(event.summary()).contains("'" + username + "'").contains("from " + address);
        });
        assertThat(failed).extracting(AuditEvent::summary).anySatisfy(summary -> assertThat(summary).contains("(5 of 5"));
        assertThat(events(LoginGuard.LOGIN_LOCKED, username)).singleElement().satisfies(event ->
                assertThat(event.summary()).contains("for 15 minutes after 5 failures"));
        assertThat(events(LoginGuard.LOGIN_REFUSED, username)).hasSize(2).allSatisfy(event ->
                assertThat(event.summary()).contains("locked").contains("password not checked"));
        assertThat(audit.find(null, "LOGIN_", null, Pageable.ofSize(10_000)).getContent()).allSatisfy(event ->
                assertThat(event.summary()).doesNotContain(PASSWORD).doesNotContain("wrong-"));
    }

    @Test
    void anUnknownUserNameIsLockedWithTheSameAnswersSoTheyTellNothingAboutWhoExists() throws Exception {
        String known = account();
        String unknown = "nobody-" + NEXT.incrementAndGet();
        String address = address();
        for (int i = 1; i <= 4; i++) {
            MvcResult a = logIn(known, "wrong", address).andReturn();
            MvcResult b = logIn(unknown, "wrong", address).andReturn();
            assertThat(b.getResponse().getRedirectedUrl()).isEqualTo(a.getResponse().getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        MvcResult knownLocked = logIn(known, "wrong", address).andReturn();
        MvcResult unknownLocked = logIn(unknown, "wrong", address).andReturn();

        assertThat(unknownLocked.getResponse().getRedirectedUrl()).isEqualTo("/login?refused")
                .isEqualTo(knownLocked.getResponse().getRedirectedUrl());
        assertThat(errorShown(loginPage(unknownLocked))).isEqualTo(errorShown(loginPage(knownLocked)))
                .contains("locked for 15 minutes");
        assertThat(events(LoginGuard.LOGIN_LOCKED, unknown)).hasSize(1);
        assertThat(events(LoginGuard.LOGIN_FAILED, unknown)).hasSize(5);
    }

    @Test
    void theRightPasswordBeforeTheLimitLogsInAndStartsTheCountAfresh() throws Exception {
        String username = account();
        String address = address();
        for (int i = 0; i < 4; i++) {
            logIn(username, "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        logIn(username, PASSWORD, address).andExpect(redirectedUrl("/")).andExpect(authenticated());

        for (int i = 0; i < 4; i++) {
            logIn(username, "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        logIn(username, PASSWORD, address).andExpect(redirectedUrl("/")).andExpect(authenticated());
        assertThat(events(LoginGuard.LOGIN_LOCKED, username)).isEmpty();
    }

    @Test
    void anAddressWithManyFailuresIsSlowedWhateverUserNameItTries() throws Exception {
        String address = address();
        for (int i = 0; i < 11; i++) {
            // Two tries per user name: no user name reaches its lock, the address reaches its limit.
            logIn("slowed-" + NEXT.get() + "-" + (i / 2), "wrong", address).andExpect(redirectedUrl("/login?error"));
        }
        String username = account();

        MvcResult slowed = logIn(username, PASSWORD, address).andExpect(redirectedUrl("/login?refused"))
                .andExpect(unauthenticated()).andReturn();

        assertThat(loginPage(slowed)).contains("Too many failed log-ins from your address. Wait 1 second");
        assertThat(events(LoginGuard.LOGIN_REFUSED, username)).singleElement().satisfies(event ->
                assertThat(event.summary()).contains("from " + address).contains("too many failures from this address"));
        logIn(username, PASSWORD, address()).andExpect(redirectedUrl("/"));
    }

    @Test
    void aPasswordTypedAsTheUserNameIsCutInTheAuditTrailAndControlCharactersAreReplaced() throws Exception {
        String address = address();
        logIn("line\nbreak" + "x".repeat(100), "wrong", address).andExpect(redirectedUrl("/login?error"));

        assertThat(audit.find(LoginGuard.ACTOR, LoginGuard.LOGIN_FAILED, null, Pageable.ofSize(10_000)).getContent())
                .filteredOn(event -> event.summary().contains("from " + address)).singleElement()
                .satisfies(event -> assertThat(event.summary()).contains("'line?break" + "x".repeat(54) + "…'")
                        .doesNotContain("\n"));
    }

    private ResultActions logIn(String username, String password, String address)
            throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address)));
    }

    private String loginPage(MvcResult failure) throws Exception {
        MockHttpSession session = (MockHttpSession) failure.getRequest().getSession(false);
        return mvc.perform(get(failure.getResponse().getRedirectedUrl()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String account() {
        return access.createOperator(new OperatorRequest("locker-" + NEXT.incrementAndGet(), PASSWORD, "VIEWER"))
                .username();
    }

    private static String errorShown(String page) {
        Matcher error = Pattern.compile("<p class=\"error\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(page);
        assertThat(error.find()).as("an error is shown").isTrue();
        return error.group(1);
    }

    /** An address of the test's own, so that no test slows another (10 failures from one address are free). */
    private static String address() {
        int n = NEXT.incrementAndGet();
        return "10.77." + (n / 250) + "." + (1 + n % 250);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private List<AuditEvent> events(String action, String username) {
        return audit.find(null, action, null, Pageable.ofSize(10_000)).getContent().stream()
                .filter(event -> event.action().equals(action) && event.summary().contains("'" + username + "'"))
                .toList();
    }
}
