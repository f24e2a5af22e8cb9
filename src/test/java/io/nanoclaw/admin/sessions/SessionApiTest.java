package io.nanoclaw.admin.sessions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class SessionApiTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void listsEverySessionNewestFirst() throws Exception {
        mvc.perform(api("/api/sessions?size=200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(SampleInstall.SESSIONS))
                .andExpect(jsonPath("$.content[0].createdAt").value("2026-04-14T11:24:24.000Z"));
    }

    @Test
    void filtersByGroupStatusAndOverride() throws Exception {
        mvc.perform(api("/api/sessions?groupId=" + SampleInstall.SUPPORT_ID + "&hasOverride=true&sort=agentProvider"))
                .andExpect(jsonPath("$.content[*].agentProvider").value(contains("claude", "codex", "opencode")));
        mvc.perform(api("/api/sessions?groupId=" + SampleInstall.SUPPORT_ID + "&hasOverride=true&status=closed"))
                .andExpect(jsonPath("$.content[*].agentProvider").value(contains("opencode")));
        mvc.perform(api("/api/sessions?hasOverride=false&size=200"))
                .andExpect(jsonPath("$.page.totalElements").value(SampleInstall.SESSIONS - 4));
        mvc.perform(api("/api/sessions?status=closed&size=200"))
                .andExpect(jsonPath("$.content[*].status").value(everyItem(is("closed"))));
    }

    @Test
    void pagesDoNotOverlap() throws Exception {
        String first = mvc.perform(api("/api/sessions?size=10&page=0")).andReturn().getResponse().getContentAsString();
        String third = mvc.perform(api("/api/sessions?size=10&page=2")).andReturn().getResponse().getContentAsString();

        mvc.perform(api("/api/sessions?size=10&page=2")).andExpect(jsonPath("$.content.length()").value(5));
        org.assertj.core.api.Assertions.assertThat(first).isNotEqualTo(third);
    }

    @Test
    void oneSession() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(api("/api/sessions?hasOverride=true&status=active&sort=agentProvider,desc&groupId="
                + SampleInstall.SUPPORT_ID)).andReturn().getResponse().getContentAsString(), "$.content[0].id");

        mvc.perform(api("/api/sessions/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agentProvider").value("codex"))
                .andExpect(jsonPath("$.agentGroupId").value(SampleInstall.SUPPORT_ID))
                .andExpect(jsonPath("$.status").value("active"));
    }

    @Test
    void unknownSessionIs404AndBadFiltersAre400() throws Exception {
        mvc.perform(api("/api/sessions/sess-nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api("/api/sessions?status=running"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("status"));
        mvc.perform(api("/api/sessions?hasOverride=maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(api("/api/sessions?sort=secret"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("createdAt")));
    }

    @Test
    void sortsByAnyListedColumn() throws Exception {
        for (String key : SessionService.SORTABLE) {
            mvc.perform(api("/api/sessions?sort=" + key + ",desc")).andExpect(status().isOk());
        }
        mvc.perform(api("/api/sessions?groupId=" + SampleInstall.SUPPORT_ID + "&sort=status"))
                .andExpect(jsonPath("$.content[*].status").value(containsInAnyOrder("active", "active", "active", "closed")))
                .andExpect(jsonPath("$.content[3].status").value("closed"));
    }

    private static MockHttpServletRequestBuilder api(String path) {
        return get(path).header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
