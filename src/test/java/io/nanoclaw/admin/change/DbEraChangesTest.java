package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.AttachedDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/**
 * On a DB-era install the changes that would write only the file era's places (which NanoClaw ignores there) are
 * refused with a clear answer and change nothing; a session's override, which still reaches the host, goes through.
 */
class DbEraChangesTest extends AttachedDbEraSampleInstallTest {

    static final String RESEARCH = "ag-1776160900000-divrg1";
    static final String SUPPORT = "ag-1776161300000-sessov";

    @Autowired
    MockMvc mvc;

    @Test
    void changesNanoclawWouldIgnoreAreRefusedAndADryRunChangesNothing() throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);

        mvc.perform(api(put("/api/groups/" + RESEARCH + "/container-config")).header(HttpHeaders.IF_MATCH, "\"x\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"provider\":\"codex\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(api(post("/api/groups/" + RESEARCH + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"ALIGN_FROM_FILE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:edit-refused"));
        mvc.perform(api(post("/api/groups/" + RESEARCH + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"MATERIALIZE_FROM_DB\",\"dryRun\":true}"))
                .andExpect(status().isOk());

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void clearingASessionOverrideGoesThroughBecauseTheOverrideStillReachesTheHost() throws Exception {
        mvc.perform(api(post("/api/groups/" + SUPPORT + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"CLEAR_SESSION_OVERRIDE\",\"sessionId\":\"sess-1776165693000-2lcsdq\","
                                + "\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbChanges[0].table").value("SESSIONS"))
                .andExpect(jsonPath("$.plan.dbChanges[0].after").doesNotExist());
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
