package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.nanoclaw.admin.AttachedSampleInstallTest;

/** The Access page: what it lists, who may open it, and its four forms. */
class AccessPagesTest extends AttachedSampleInstallTest {

    static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessService access;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    OperatorRepository operators;

    @Test
    void operatorsSeeTheNavLinkAndThePageListsTokensAndAccountsWithoutSecrets() throws Exception {
        String name = unique("listed");
        String secret = tokens.issue(name, Role.VIEWER);

        assertThat(page("/")).contains("id=\"nav-access\"");
        String html = page("/access");
        assertThat(html).contains("data-token=\"admin-env\"").contains("from NANOCLAW_ADMIN_TOKEN")
                .contains("data-token=\"" + name + "\"").contains("id=\"revoke-" + name + "\"")
                .contains("data-username=\"admin\"").contains("id=\"issue-token\"").contains("id=\"create-operator\"")
                .contains("name=\"_csrf\"");
        assertThat(html).doesNotContain(secret).doesNotContain(ApiTokenService.hash(secret))
                .doesNotContain(operators.findByUsername("admin").orElseThrow().passwordHash());
    }

    @Test
    void viewersSeeNoLinkCannotOpenThePageAndCannotPostItsForms() throws Exception {
        String html = mvc.perform(get("/").with(viewer())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain("id=\"nav-access\"");

        mvc.perform(get("/access").with(viewer())).andExpect(status().isForbidden());
        mvc.perform(post("/access/tokens").param("name", "sneaky").param("role", "OPERATOR").with(viewer()).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/access/operators").param("username", "sneaky").param("password", "a long enough passphrase")
                .param("role", "OPERATOR").with(viewer()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/access/tokens/admin-env/revoke").with(viewer()).with(csrf())).andExpect(status().isForbidden());

        assertThat(access.tokens()).extracting(TokenSummary::name).doesNotContain("sneaky");
        assertThat(operators.findByUsername("sneaky")).isEmpty();
        assertThat(tokens.authenticate(OPERATOR_TOKEN)).isPresent();
    }

    @Test
    void everyFormNeedsItsCsrfToken() throws Exception {
        String name = unique("no-csrf");
        mvc.perform(post("/access/tokens").param("name", name).param("role", "VIEWER").with(operator()))
                .andExpect(status().isForbidden());

        assertThat(access.tokens()).extracting(TokenSummary::name).doesNotContain(name);
    }

    @Test
    void anIssuedTokenIsShownOnceInAFlashWithACopyHint() throws Exception {
        String name = unique("from-page");
        MvcResult issued = mvc.perform(post("/access/tokens").param("name", name).param("role", "OPERATOR")
                        .with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attributeExists("issued"))
                .andReturn();
        IssuedToken token = (IssuedToken) issued.getFlashMap().get("issued");
        assertThat(token.name()).isEqualTo(name);
        assertThat(token.role()).isEqualTo(Role.OPERATOR);
        assertThat(tokens.authenticate(token.token())).map(ApiToken::role).hasValue(Role.OPERATOR);

        String shown = mvc.perform(get("/access").with(operator()).flashAttrs(issued.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("value=\"" + token.token() + "\"").contains("shown this once");
        assertThat(page("/access")).doesNotContain(token.token()).doesNotContain("id=\"issued-token\"");
    }

    @Test
    void aTokenIssuedFromThePageMayBeGivenAnExpiryAndABlankOneNeverExpires() throws Exception {
        String lasting = unique("lasting");
        IssuedToken forever = (IssuedToken) mvc.perform(post("/access/tokens").param("name", lasting)
                        .param("role", "VIEWER").param("expiresInDays", "").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access")).andReturn().getFlashMap().get("issued");
        assertThat(tokens.authenticate(forever.token()).orElseThrow().expiresAt()).isNull();

        String weekly = unique("weekly");
        IssuedToken week = (IssuedToken) mvc.perform(post("/access/tokens").param("name", weekly)
                        .param("role", "VIEWER").param("expiresInDays", "7").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access")).andReturn().getFlashMap().get("issued");
        assertThat(tokens.authenticate(week.token()).orElseThrow().expiresAt())
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(7)).minusSeconds(60));
        assertThat(page("/access")).contains("active until");

        for (String bad : List.of("0", "soon")) {
            String html = mvc.perform(post("/access/tokens").param("name", unique("bad-expiry"))
                            .param("role", "VIEWER").param("expiresInDays", bad).with(operator()).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"token-expiry-error\"").contains("1 to 3650 days");
        }
    }

    @Test
    void anInvalidOrTakenTokenNameIsExplainedNextToTheField() throws Exception {
        String invalid = mvc.perform(post("/access/tokens").param("name", "two words").param("role", "VIEWER")
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("id=\"token-name-error\"").contains("not a valid token name")
                .contains("value=\"two words\"");

        String name = unique("taken");
        tokens.issue(name, Role.VIEWER);
        String taken = mvc.perform(post("/access/tokens").param("name", name).param("role", "VIEWER")
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(taken).contains("id=\"token-name-error\"").contains("A token named &#39;" + name + "&#39; exists");

        String role = mvc.perform(post("/access/tokens").param("name", unique("role")).param("role", "GOD")
                        .with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(role).contains("id=\"token-role-error\"");
    }

    @Test
    void aShortPasswordIsExplainedNextToTheFieldAndNeverSentBack() throws Exception {
        String username = unique("shorty");
        String html = mvc.perform(post("/access/operators").param("username", username).param("password", "short-pass1")
                        .param("role", "VIEWER").with(operator()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"password-error\"").contains("at least 12 characters")
                .contains("value=\"" + username + "\"").doesNotContain("short-pass1");
        assertThat(operators.findByUsername(username)).isEmpty();
    }

    @Test
    void anOperatorCreatesAnAccountThenDeletesIt() throws Exception {
        String username = unique("temp");
        mvc.perform(post("/access/operators").param("username", username).param("password", "a long enough passphrase")
                        .param("role", "VIEWER").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attribute("notice", containsString("Created account '" + username + "' (VIEWER)")));
        assertThat(operators.findByUsername(username)).map(Operator::role).hasValue(Role.VIEWER);
        assertThat(page("/access")).contains("data-username=\"" + username + "\"")
                .contains("id=\"delete-" + username + "\"");

        mvc.perform(post("/access/operators/" + username + "/delete").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attribute("notice", containsString("Deleted account '" + username + "'")));
        assertThat(operators.findByUsername(username)).isEmpty();
        assertThat(page("/access")).doesNotContain("data-username=\"" + username + "\"");
    }

    @Test
    void nobodyCanDeleteTheirOwnAccount() throws Exception {
        assertThat(page("/access")).doesNotContain("id=\"delete-admin\"");

        mvc.perform(post("/access/operators/admin/delete").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attribute("problem", containsString("your own account")));
        assertThat(operators.findByUsername("admin")).isPresent();
    }

    @Test
    void revokingFromThePageStopsTheTokenAndSaysSo() throws Exception {
        String name = unique("revoked");
        String secret = tokens.issue(name, Role.VIEWER);

        mvc.perform(post("/access/tokens/" + name + "/revoke").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attribute("notice", containsString("Revoked API token '" + name + "'")));
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(page("/access")).doesNotContain("id=\"revoke-" + name + "\"").contains("revoked ");

        mvc.perform(post("/access/tokens/nope-" + name + "/revoke").with(operator()).with(csrf()))
                .andExpect(redirectedUrl("/access"))
                .andExpect(flash().attribute("problem", containsString("No API token named")));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(operator())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static UserRequestPostProcessor operator() {
        return user("admin").roles("OPERATOR");
    }

    private static UserRequestPostProcessor viewer() {
        return user("v").roles("VIEWER");
    }

    private static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }
}
