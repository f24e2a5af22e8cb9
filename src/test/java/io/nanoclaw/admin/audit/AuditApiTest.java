package io.nanoclaw.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;

/** GET /api/audit and the /audit page, over changes made through the API in each test. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditApiTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenService tokens;

    @Test
    void events_come_newest_first_with_who_what_why_and_the_exact_changes() throws Exception {
        String first = unique("first");
        String second = unique("second");
        setProvider(SampleInstall.OPS_BOT_ID, "opencode", first);
        setProvider(SampleInstall.OPS_BOT_ID, "claude", second);

        JsonNode page = audit("groupId=" + SampleInstall.OPS_BOT_ID + "&action=SET_GROUP_PROVIDER&size=200", OPERATOR_TOKEN);

        List<String> reasons = reasons(page);
        assertThat(reasons).contains(first, second);
        assertThat(reasons.indexOf(second)).as("newest first").isLessThan(reasons.indexOf(first));
        JsonNode newest = page.get("content").get(0);
        assertThat(newest.get("reason").stringValue()).isEqualTo(second);
        assertThat(newest.get("actor").stringValue()).isEqualTo("token:admin-env");
        assertThat(newest.get("folder").stringValue()).isEqualTo("ops-bot");
        assertThat(newest.get("dbChanges").stringValue())
                .isEqualTo("agent_groups.agent_provider[" + SampleInstall.OPS_BOT_ID + "]: 'opencode' -> 'claude'");
        assertThat(newest.get("fileDiff").stringValue()).contains("-  \"provider\": \"opencode\"")
                .contains("+  \"provider\": \"claude\"");
        assertThat(newest.get("at").stringValue()).endsWith("Z");
    }

    @Test
    void the_action_filter_is_a_prefix_and_the_group_filter_is_exact() throws Exception {
        mvc.perform(api(post("/api/groups/" + SampleInstall.OPS_BOT_ID + "/fixes"), OPERATOR_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"fix\":\"ALIGN_FROM_DB\"}"))
                .andExpect(status().isOk());
        setProvider(SampleInstall.TRAVEL_ID, "codex", unique("travel"));

        JsonNode fixes = audit("action=FIX:&size=200", OPERATOR_TOKEN);
        assertThat(fixes.get("content").valueStream().map(e -> e.get("action").stringValue()).toList())
                .isNotEmpty().allSatisfy(action -> assertThat(action).startsWith("FIX:")).contains("FIX:ALIGN_FROM_DB");

        JsonNode travel = audit("groupId=" + SampleInstall.TRAVEL_ID + "&size=200", OPERATOR_TOKEN);
        assertThat(travel.get("content").valueStream().map(e -> e.get("groupId").stringValue()).toList())
                .isNotEmpty().containsOnly(SampleInstall.TRAVEL_ID);
        assertThat(audit("actor=nobody-at-all", OPERATOR_TOKEN).get("page").get("totalElements").asLong()).isZero();
    }

    @Test
    void the_list_pages_with_the_usual_page_and_size() throws Exception {
        setProvider(SampleInstall.OPS_BOT_ID, "opencode", unique("paging-1"));
        setProvider(SampleInstall.OPS_BOT_ID, "codex", unique("paging-2"));

        JsonNode firstPage = audit("groupId=" + SampleInstall.OPS_BOT_ID + "&size=1", OPERATOR_TOKEN);
        JsonNode secondPage = audit("groupId=" + SampleInstall.OPS_BOT_ID + "&size=1&page=1", OPERATOR_TOKEN);

        assertThat(firstPage.get("content")).hasSize(1);
        assertThat(firstPage.get("page").get("size").asInt()).isEqualTo(1);
        assertThat(firstPage.get("page").get("totalPages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(secondPage.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(secondPage.get("content").get(0).get("id").asLong())
                .isNotEqualTo(firstPage.get("content").get(0).get("id").asLong());
    }

    @Test
    void viewers_read_the_trail_without_file_diffs_which_can_hold_secrets() throws Exception {
        setProvider(SampleInstall.OPS_BOT_ID, "opencode", unique("viewer"));
        String viewer = tokens.issue(unique("audit-viewer"), Role.VIEWER);

        JsonNode newest = audit("groupId=" + SampleInstall.OPS_BOT_ID, viewer).get("content").get(0);

        assertThat(newest.get("dbChanges").stringValue()).contains("'codex' -> 'opencode'");
        assertThat(newest.get("fileDiff").isNull()).isTrue();
    }

    @Test
    void the_api_needs_a_token_and_refuses_a_bad_page_size() throws Exception {
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        mvc.perform(api(get("/api/audit").param("size", "5000"), OPERATOR_TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("size"));
    }

    @Test
    void the_audit_page_lists_the_events_with_their_changes_and_hides_diffs_from_viewers() throws Exception {
        String reason = unique("page");
        setProvider(SampleInstall.OPS_BOT_ID, "opencode", reason);

        String asOperator = mvc.perform(get("/audit").param("groupId", SampleInstall.OPS_BOT_ID)
                        .with(user("admin").roles("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asOperator).contains(reason).contains("data-action=\"SET_GROUP_PROVIDER\"")
                .contains("&#39;codex&#39; -&gt; &#39;opencode&#39;")
                .contains("<span class=\"add\">+  &quot;provider&quot;: &quot;opencode&quot;</span>")
                .doesNotContain("id=\"diffs-hidden\"");

        String asViewer = mvc.perform(get("/audit").param("groupId", SampleInstall.OPS_BOT_ID)
                        .with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asViewer).contains(reason).contains("id=\"diffs-hidden\"")
                .doesNotContain("<span class=\"add\">+  &quot;provider&quot;");
    }

    @Test
    void the_audit_page_filters_and_pages_with_links_that_keep_the_filter() throws Exception {
        setProvider(SampleInstall.OPS_BOT_ID, "opencode", unique("link-1"));
        setProvider(SampleInstall.OPS_BOT_ID, "codex", unique("link-2"));

        String html = mvc.perform(get("/audit?groupId=" + SampleInstall.OPS_BOT_ID + "&size=1")
                        .with(user("admin").roles("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html.split("data-event=", -1)).hasSize(2);
        assertThat(html).contains("groupId=" + SampleInstall.OPS_BOT_ID + "&amp;size=1&amp;page=1")
                .containsPattern("Page 1 of \\d+");
    }

    private void setProvider(String groupId, String provider, String reason) throws Exception {
        mvc.perform(api(patch("/api/groups/" + groupId), OPERATOR_TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("agentProvider", provider, "reason", reason))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));
    }

    private JsonNode audit(String query, String token) throws Exception {
        String body = mvc.perform(api(get("/api/audit?" + query), token)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static List<String> reasons(JsonNode page) {
        return page.get("content").valueStream().map(e -> e.get("reason").isNull() ? "" : e.get("reason").stringValue())
                .toList();
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(token));
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
