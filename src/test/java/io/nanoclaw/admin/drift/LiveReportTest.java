package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/** File era: the very next read after a change through the service shows the new state, without a rescan. */
class LiveReportTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void afterAlignEveryMismatchedGroupTheReportListsNoneAndCountsTheGroupAligned() throws Exception {
        String before = body(get("/api/drift"));
        assertThat(before).contains("GROUP_PROVIDER_MISMATCH");
        int aligned = number("/api/drift", "$.summary.aligned");
        Integer metricBefore = alignedGauge();

        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"db\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].applied").value(true));

        mvc.perform(api(get("/api/drift")).param("kind", "GROUP_PROVIDER_MISMATCH"))
                .andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath("$.summary.aligned").value(aligned + 1));
        mvc.perform(api(get("/api/groups/" + SampleInstall.OPS_BOT_ID + "/drift")))
                .andExpect(jsonPath("$.groups[0].status").value("ALIGNED"));
        assertThat(alignedGauge()).isEqualTo(metricBefore + 1);
        String page = mvc.perform(get("/groups").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("op").roles("OPERATOR")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("(?s)ops-bot.*?ALIGNED");
    }

    @Test
    void aCreatedGroupIsInTheReportAtOnceAndADeletedOneIsGone() throws Exception {
        String created = body(api(post("/api/groups")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Live\",\"folder\":\"live-one\",\"agentProvider\":\"claude\"}"));
        String id = com.jayway.jsonpath.JsonPath.read(created, "$.groupId");
        mvc.perform(api(get("/api/drift")))
                .andExpect(jsonPath("$.groups[?(@.folder == 'live-one')].status").value(
                        org.hamcrest.Matchers.hasItem("ALIGNED")));

        mvc.perform(api(delete("/api/groups/" + id))).andExpect(status().isOk());
        mvc.perform(api(get("/api/drift")))
                .andExpect(jsonPath("$.groups[?(@.folder == 'live-one')]").isEmpty())
                .andExpect(jsonPath("$.findings[?(@.folder == 'live-one')]").isEmpty());
    }

    private Integer alignedGauge() throws Exception {
        String metrics = body(api(get("/actuator/prometheus")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("nanoclaw_drift_groups\\{status=\"ALIGNED\"\\} ([0-9.]+)")
                .matcher(metrics);
        assertThat(m.find()).as("the aligned gauge is exported").isTrue();
        return (int) Double.parseDouble(m.group(1));
    }

    private int number(String url, String path) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(body(get(url)), path);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(api(request)).andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString();
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
