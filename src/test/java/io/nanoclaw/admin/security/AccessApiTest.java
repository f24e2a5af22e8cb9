package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.audit.AuditEvent;
import io.nanoclaw.admin.audit.AuditService;

/** Tokens and accounts through the API, against the running service and its real admin store. */
class AccessApiTest extends AttachedSampleInstallTest {

    static final String PASSWORD = "a long enough passphrase";
    static final AtomicInteger NEXT = new AtomicInteger();
    static String viewerToken;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    OperatorRepository operators;

    @Autowired
    ApiTokenService tokenService;

    @Autowired
    AccessService access;

    @Autowired
    AuditService audit;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void issueViewerToken(@Autowired ApiTokenService tokens) {
        if (viewerToken == null) {
            viewerToken = tokens.issue("access-viewer-" + System.nanoTime(), Role.VIEWER);
        }
    }

    @Test
    void anIssuedTokenIsShownOnceWorksForTheApiAndStopsWorkingWhenRevoked() throws Exception {
        String name = unique("ci.nightly");
        MvcResult issued = mvc.perform(asOperator(post("/api/tokens"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"role\":\"VIEWER\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.token").value(startsWith("nca_")))
                .andReturn();
        String secret = json.readTree(issued.getResponse().getContentAsString()).get("token").asString();

        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(secret))).andExpect(status().isOk());
        String list = mvc.perform(asOperator(get("/api/tokens")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].role").value(hasItem("VIEWER")))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].revokedAt").value(hasItem(nullValue())))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].createdAt").value(hasItem(not(nullValue()))))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(secret).doesNotContain(ApiTokenService.hash(secret)).doesNotContain("tokenHash");

        mvc.perform(asOperator(delete("/api/tokens/" + name))).andExpect(status().isNoContent());
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("revoked")));
        mvc.perform(asOperator(delete("/api/tokens/" + name))).andExpect(status().isNoContent());
        mvc.perform(asOperator(get("/api/tokens")))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].revokedAt").value(hasItem(not(nullValue()))));
    }

    @Test
    void aTokenGivenAnExpiryWorksUntilThenAndTellsWhenItWasLastUsed(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("adminJdbcOperations")
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate admin) throws Exception {
        String name = unique("short.lived");
        String secret = json.readTree(mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("token").asString();
        String token = "$[?(@.name == '" + name + "')]";
        mvc.perform(asOperator(get("/api/tokens")))
                .andExpect(jsonPath(token + ".state").value(hasItem("ACTIVE")))
                .andExpect(jsonPath(token + ".lastUsedAt").value(hasItem(nullValue())));
        java.time.Instant expiresAt = tokenService.authenticate(secret).orElseThrow().expiresAt();
        assertThat(expiresAt).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).minusSeconds(60),
                java.time.Instant.now().plus(java.time.Duration.ofDays(30)));

        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(secret))).andExpect(status().isOk());
        mvc.perform(asOperator(get("/api/tokens")))
                .andExpect(jsonPath(token + ".lastUsedAt").value(hasItem(not(nullValue()))));

        admin.update("UPDATE api_tokens SET expires_at = :past WHERE name = :name",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("name", name)
                        .addValue("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1))));
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(secret)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("expired")));
        mvc.perform(asOperator(get("/api/tokens"))).andExpect(jsonPath(token + ".state").value(hasItem("EXPIRED")));
    }

    @Test
    void anExpiryOutsideOneDayToTenYearsOrNotAWholeNumberIsRefused() throws Exception {
        for (String days : List.of("0", "-1", "3651", "\"30\"", "1.5")) {
            String name = unique("bad.expiry");
            mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"" + name + "\",\"expiresInDays\":" + days + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-request"));
            mvc.perform(asOperator(get("/api/tokens")))
                    .andExpect(jsonPath("$[?(@.name == '" + name + "')]").isEmpty());
        }
    }

    @Test
    void anOperatorTokenCanBeIssuedAndMayChangeThings() throws Exception {
        String name = unique("deploy");
        String secret = issue(name, "OPERATOR");

        mvc.perform(post("/api/drift/scan").header(HttpHeaders.AUTHORIZATION, bearer(secret)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tokens").header(HttpHeaders.AUTHORIZATION, bearer(secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].role").value(hasItem("OPERATOR")));
    }

    @Test
    void aTokenWithoutARoleIsAViewer() throws Exception {
        String name = unique("no-role");
        mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("VIEWER"));
    }

    @Test
    void invalidTokenRequestsAre400ProblemJsonNamingTheField() throws Exception {
        String[][] cases = {
                {"{\"name\":\"\",\"role\":\"VIEWER\"}", "name", "Give a token name"},
                {"{\"role\":\"VIEWER\"}", "name", "Give a token name"},
                {"{\"name\":\"has space\",\"role\":\"VIEWER\"}", "name", "not a valid token name"},
                {"{\"name\":\"" + "x".repeat(65) + "\",\"role\":\"VIEWER\"}", "name", "at most 64"},
                {"{\"name\":\"admin-env\",\"role\":\"OPERATOR\"}", "name", "NANOCLAW_ADMIN_TOKEN"},
                {"{\"name\":\"" + unique("ok") + "\",\"role\":\"ADMIN\"}", "role", "VIEWER or OPERATOR"},
        };
        for (String[] c : cases) {
            mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON).content(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-request"))
                    .andExpect(jsonPath("$.field").value(c[1]))
                    .andExpect(jsonPath("$.detail").value(containsString(c[2])));
        }
        mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTakenTokenNameIs409ConflictWhateverItsCase() throws Exception {
        String name = unique("dup");
        issue(name, "VIEWER");

        for (String again : new String[] {name, name.toUpperCase()}) {
            mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"" + again + "\",\"role\":\"VIEWER\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:conflict"))
                    .andExpect(jsonPath("$.field").value("name"))
                    .andExpect(jsonPath("$.detail").value(containsString(name)));
        }
    }

    @Test
    void revokingAnUnknownTokenIs404ProblemJson() throws Exception {
        mvc.perform(asOperator(delete("/api/tokens/no-such-token")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:not-found"))
                .andExpect(jsonPath("$.detail").value(containsString("no-such-token")));
    }

    @Test
    void withoutATokenEveryAccessCallIs401() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(get("/api/tokens"), post("/api/tokens"),
                delete("/api/tokens/x"), get("/api/operators"), post("/api/operators"), delete("/api/operators/x"))) {
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:unauthenticated"));
        }
    }

    @Test
    void aViewerTokenGets403OnEveryAccessCallReadingIncluded() throws Exception {
        String victim = unique("victim");
        issue(victim, "VIEWER");
        for (MockHttpServletRequestBuilder request : List.of(get("/api/tokens"),
                post("/api/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"sneaky\",\"role\":\"OPERATOR\"}"),
                delete("/api/tokens/" + victim), get("/api/operators"),
                post("/api/operators").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"sneaky\",\"password\":\"" + PASSWORD + "\",\"role\":\"OPERATOR\"}"),
                delete("/api/operators/admin"))) {
            mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:forbidden"));
        }
        assertThat(access.tokens()).filteredOn(token -> token.name().equals(victim)).singleElement()
                .satisfies(token -> assertThat(token.active()).isTrue());
        assertThat(operators.findByUsername("sneaky")).isEmpty();
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, bearer(viewerToken))).andExpect(status().isOk());
    }

    @Test
    void aCreatedViewerLogsInToTheUiReadsAndChangesNothing() throws Exception {
        String username = unique("viewer");
        mvc.perform(asOperator(post("/api/operators")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"VIEWER\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.createdAt").exists())
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        Operator stored = operators.findByUsername(username).orElseThrow();
        assertThat(stored.passwordHash()).doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, stored.passwordHash())).isTrue();

        MockHttpSession session = logIn(username, PASSWORD);
        mvc.perform(get("/groups").session(session)).andExpect(status().isOk());
        mvc.perform(post("/drift/scan").session(session).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/access").session(session)).andExpect(status().isForbidden());
        mvc.perform(formLogin().user(username).password(PASSWORD + "x")).andExpect(redirectedUrl("/login?error"));

        String list = mvc.perform(asOperator(get("/api/operators")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + username + "')].role").value(hasItem("VIEWER")))
                .andExpect(jsonPath("$[?(@.username == 'admin')].role").value(hasItem("OPERATOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(stored.passwordHash()).doesNotContain("passwordHash").doesNotContain(PASSWORD);
    }

    @Test
    void invalidAccountRequestsAre400ProblemJsonNamingTheField() throws Exception {
        String ok = unique("acct");
        String[][] cases = {
                {"{\"username\":\"" + ok + "\",\"password\":\"eleven-char\",\"role\":\"VIEWER\"}", "password", "at least 12"},
                {"{\"username\":\"" + ok + "\",\"role\":\"VIEWER\"}", "password", "at least 12"},
                {"{\"username\":\"" + ok + "\",\"password\":\"" + "é".repeat(37) + "\",\"role\":\"VIEWER\"}", "password", "72 bytes"},
                {"{\"username\":\"token:x\",\"password\":\"" + PASSWORD + "\",\"role\":\"VIEWER\"}", "username", "not a valid user name"},
                {"{\"password\":\"" + PASSWORD + "\",\"role\":\"VIEWER\"}", "username", "Give a user name"},
                {"{\"username\":\"" + ok + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"root\"}", "role", "VIEWER or OPERATOR"},
        };
        for (String[] c : cases) {
            mvc.perform(asOperator(post("/api/operators")).contentType(MediaType.APPLICATION_JSON).content(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-request"))
                    .andExpect(jsonPath("$.field").value(c[1]))
                    .andExpect(jsonPath("$.detail").value(containsString(c[2])));
        }
        assertThat(operators.findByUsername(ok)).isEmpty();
    }

    @Test
    void aTakenUsernameIs409Conflict() throws Exception {
        String username = unique("twin");
        createAccount(username, "VIEWER");

        mvc.perform(asOperator(post("/api/operators")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:conflict"))
                .andExpect(jsonPath("$.field").value("username"));
    }

    @Test
    void deletingAnAccountIs204AndEndsItsOpenSessions() throws Exception {
        String username = unique("leaver");
        createAccount(username, "VIEWER");
        MockHttpSession session = logIn(username, PASSWORD);
        mvc.perform(get("/groups").session(session)).andExpect(status().isOk());

        mvc.perform(asOperator(delete("/api/operators/" + username))).andExpect(status().isNoContent());

        assertThat(operators.findByUsername(username)).isEmpty();
        mvc.perform(get("/groups").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(asOperator(delete("/api/operators/" + username)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:not-found"));
    }

    @Test
    void anOperatorAccountCanBeCreatedAndDeletedButNeverTheLastOne() throws Exception {
        String username = unique("second-op");
        createAccount(username, "OPERATOR");
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(asOperator(delete("/api/operators/" + username))).andExpect(status().isNoContent());

        assertThat(operators.findAll()).as("this class leaves admin the only OPERATOR")
                .filteredOn(operator -> operator.role() == Role.OPERATOR).extracting(Operator::username)
                .containsExactly("admin");
        mvc.perform(asOperator(delete("/api/operators/admin")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("last OPERATOR")));
        assertThat(operators.findByUsername("admin")).isPresent();
    }

    @Test
    void everyChangeIsAuditedWithoutItsSecretOrPassword() throws Exception {
        String tokenName = unique("audited");
        String secret = issue(tokenName, "VIEWER");
        mvc.perform(asOperator(delete("/api/tokens/" + tokenName))).andExpect(status().isNoContent());
        String username = unique("audited-user");
        createAccount(username, "VIEWER");
        mvc.perform(asOperator(delete("/api/operators/" + username))).andExpect(status().isNoContent());

        assertThat(event(AccessService.ISSUE_TOKEN, tokenName).summary()).contains("VIEWER");
        assertThat(event(AccessService.REVOKE_TOKEN, tokenName).actor()).isEqualTo("token:admin-env");
        assertThat(event(AccessService.CREATE_OPERATOR, username).summary()).contains("VIEWER");
        assertThat(event(AccessService.DELETE_OPERATOR, username).actor()).isEqualTo("token:admin-env");
        assertThat(audit.find(null, null, null, Pageable.ofSize(1000)).getContent()).allSatisfy(event ->
                assertThat(String.join("|", event.summary(), String.valueOf(event.reason()),
                        String.valueOf(event.dbChanges()), String.valueOf(event.fileDiff())))
                        .doesNotContain(secret).doesNotContain(ApiTokenService.hash(secret)).doesNotContain(PASSWORD));
    }

    @Test
    void revokingARevokedTokenRecordsNothingMore() throws Exception {
        String name = unique("twice");
        issue(name, "VIEWER");
        mvc.perform(asOperator(delete("/api/tokens/" + name))).andExpect(status().isNoContent());
        mvc.perform(asOperator(delete("/api/tokens/" + name))).andExpect(status().isNoContent());

        assertThat(audit.find(null, AccessService.REVOKE_TOKEN, null, Pageable.ofSize(1000)).getContent())
                .filteredOn(event -> event.summary().contains("'" + name + "'")).hasSize(1);
    }

    @Test
    void aRevokedEnvironmentTokenWorksAgainWhenTheNextStartSetsIt() {
        // The same call AdminAccount makes at start for NANOCLAW_ADMIN_TOKEN, on a name of its own so the shared
        // admin-env token of the other tests keeps working.
        String name = unique("env");
        tokenService.ensure(name, "env-secret-" + name, Role.OPERATOR);
        access.revokeToken(name);
        assertThat(tokenService.authenticate("env-secret-" + name)).isEmpty();

        tokenService.ensure(name, "env-secret-" + name, Role.OPERATOR);

        assertThat(tokenService.authenticate("env-secret-" + name)).map(ApiToken::name).hasValue(name);
    }

    @Test
    void theOpenApiDocumentDescribesTokensAndAccounts() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/tokens'].post").exists())
                .andExpect(jsonPath("$.paths['/api/tokens/{name}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/operators'].get").exists())
                .andExpect(jsonPath("$.paths['/api/operators/{username}'].delete").exists());
    }

    private static MockHttpServletRequestBuilder asOperator(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }

    private static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private String issue(String name, String role) throws Exception {
        MvcResult result = mvc.perform(asOperator(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated())
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("token").asString();
    }

    private void createAccount(String username, String role) throws Exception {
        mvc.perform(asOperator(post("/api/operators")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated());
    }

    private MockHttpSession logIn(String username, String password) throws Exception {
        MvcResult login = mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private AuditEvent event(String action, String name) {
        return audit.find(null, action, null, Pageable.ofSize(1000)).getContent().stream()
                .filter(event -> event.action().equals(action) && event.summary().contains("'" + name + "'"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " event for " + name));
    }
}
