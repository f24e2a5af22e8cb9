package io.nanoclaw.admin.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.AttachedSampleInstallTest;

/** {@code /actuator/prometheus} with the default {@code nanoclaw.metrics.open=false}: a bearer token of any role. */
class MetricsEndpointTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenService tokens;

    @Test
    void withoutATokenItIs401ProblemJsonAskingForOne() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("nanoclaw_drift"))));
    }

    @Test
    void anUnknownTokenIs401() throws Exception {
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("not-a-token")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("unknown, revoked or expired")));
    }

    @Test
    void aLoggedInUiSessionIsNotEnough() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("admin").password(ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
        mvc.perform(get("/groups").session(session)).andExpect(status().isOk());

        mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aViewerTokenAndAnOperatorTokenBothReadIt() throws Exception {
        String viewer = tokens.issue("scraper-" + System.nanoTime(), Role.VIEWER);

        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nanoclaw_drift_groups")));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("nanoclaw_drift_findings")));
    }
}
