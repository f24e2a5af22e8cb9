package io.nanoclaw.admin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.AttachedDbEraSampleInstallTest;

/** A DB-era install as an operator and a script see it: the row, the file and the legacy column, side by side. */
class DbEraGroupPagesTest extends AttachedDbEraSampleInstallTest {

    static final String RESEARCH = "ag-1776160900000-divrg1";
    static final String MAIN = "ag-1776160800000-main01";
    static final String INTAKE = "e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b";
    static final String BILLING = "ag-1776161400000-badjsn";
    static final String OPS_BOT = "ag-1776161200000-legcy1";

    @Autowired
    MockMvc mvc;

    @Test
    void aHandEditedGroupShowsTheRowTheFileTheLegacyColumnAndWhatTheNextSpawnWrites() throws Exception {
        String html = page("/groups/" + RESEARCH, "OPERATOR");

        assertThat(html).contains("id=\"row-side\"").contains("id=\"file-side\"").contains("id=\"db-side\"")
                .contains("legacy: read by nothing").contains("id=\"file-differs\"")
                .contains("The next spawn will write this")
                .contains("-  &quot;provider&quot;: &quot;codex&quot;,")
                .contains("+  &quot;provider&quot;: &quot;claude&quot;,")
                .contains("DB-config era");
        assertThat(html).as("the runner's chain reads the row at the next spawn")
                .contains("Runner, at the next spawn:").contains("data-place=\"container_configs row\"");
    }

    @Test
    void aMaterialisedFileIsShownAsWhatTheHostWritesAndSecretsStayMaskedForViewers() throws Exception {
        String html = page("/groups/" + MAIN, "VIEWER");

        assertThat(html).contains("id=\"file-matches\"").doesNotContain("id=\"next-spawn\"")
                .doesNotContain("secret-cal-token").contains("••••••");
        assertThat(page("/groups/" + MAIN, "OPERATOR")).contains("secret-cal-token");
    }

    @Test
    void aGroupWithoutARowShowsTheRowTheBackFillWillInsert() throws Exception {
        String html = page("/groups/" + INTAKE, "VIEWER");

        assertThat(html).contains("id=\"no-row\"").contains("id=\"backfill-row\"")
                .contains("row the back-fill would create").contains("CONFIG_ROW_MISSING");
    }

    @Test
    void anInvalidRowShowsWhyAndNoNextSpawn() throws Exception {
        String html = page("/groups/" + BILLING, "VIEWER");

        assertThat(html).contains("id=\"row-problems\"").contains("mcp_servers is not valid JSON")
                .contains(ConfigRowView.HIDDEN).doesNotContain("id=\"next-spawn\"");
    }

    @Test
    void theProviderFormChangesTheRowAndStartsFromTheRowsProvider() throws Exception {
        String html = page("/groups/" + OPS_BOT, "OPERATOR");

        assertThat(html).contains("id=\"provider-form\"").contains("(the container_configs row, and container.json")
                .containsPattern("<option value=\"claude\"\\s+selected=\"selected\">claude</option>");
        assertThat(html).as("the attached sample has no host running").contains("host is not running");
    }

    @Test
    void theGroupsListShowsTheRowsProviderAndTheLegacyColumnApart() throws Exception {
        String html = page("/groups", "VIEWER");

        assertThat(html).contains("Row provider").contains("Legacy column").contains("NO ROW");
        String opsBot = row(html, "ops-bot");
        assertThat(opsBot).as("the row says claude, the legacy column codex")
                .contains("<code>claude</code>").contains("<code>codex</code>").doesNotContain("≠");
    }

    @Test
    void theListFiltersAndSortsByTheRowsProvider() throws Exception {
        mvc.perform(api(get("/api/groups?provider=codex")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].folder").value("coder"))
                .andExpect(jsonPath("$.content[0].era").value("DB_CONFIG"))
                .andExpect(jsonPath("$.content[0].configProvider").value("codex"))
                .andExpect(jsonPath("$.content[0].hasConfigRow").value(true))
                .andExpect(jsonPath("$.content[0].runnerProvider").value("codex"));
        mvc.perform(api(get("/api/groups?provider=opencode")))
                .andExpect(jsonPath("$.content[0].folder").value("travel"));
        mvc.perform(api(get("/api/groups?sort=provider,desc&size=3")))
                .andExpect(jsonPath("$.content[0].configProvider").value("opencode"))
                .andExpect(jsonPath("$.content[1].configProvider").value("codex"));
        mvc.perform(api(get("/api/groups/" + OPS_BOT)))
                .andExpect(jsonPath("$.dbProvider").value("codex"))
                .andExpect(jsonPath("$.configProvider").value("claude"))
                .andExpect(jsonPath("$.hostProvider").value("claude"))
                .andExpect(jsonPath("$.runnerProvider").value("claude"));
    }

    @Test
    void theSessionsListShowsTheGroupRowsProviderAndFiltersByIt() throws Exception {
        String html = page("/sessions?groupProvider=claude&hasOverride=true", "VIEWER");

        assertThat(html).contains("Group row provider").contains("host codex ≠ runner claude")
                .contains("data-session=\"sess-1776165693000-2lcsdq\"");
        assertThat(page("/sessions?groupProvider=codex&hasOverride=true", "VIEWER"))
                .contains("No session matches.");
    }

    @Test
    void everyDriftDocumentCarriesTheEra() throws Exception {
        mvc.perform(api(get("/api/drift")))
                .andExpect(jsonPath("$.era").value("DB_CONFIG"))
                .andExpect(jsonPath("$.summary.groups").value(12));
        mvc.perform(api(get("/api/groups/" + RESEARCH + "/drift")))
                .andExpect(jsonPath("$.era").value("DB_CONFIG"))
                .andExpect(jsonPath("$.findings[0].kind").value("CONFIG_FILE_DIVERGES_FROM_DB"))
                .andExpect(jsonPath("$.findings[0].fixes[0]").value("MATERIALIZE_FROM_DB"));
    }

    @Test
    void healthAndMetricsCountTheDbErasKinds() throws Exception {
        mvc.perform(api(post("/api/drift/scan"))).andExpect(status().isOk());

        mvc.perform(api(get("/actuator/health")))
                .andExpect(jsonPath("$.components.drift.status").value("DOWN"))
                .andExpect(jsonPath("$.components.drift.details.broken").value(3))
                .andExpect(jsonPath("$.components.drift.details.drifted").value(5));
        mvc.perform(api(get("/actuator/prometheus")))
                .andExpect(content().string(containsString(
                        "nanoclaw_drift_findings{kind=\"CONFIG_FILE_DIVERGES_FROM_DB\",severity=\"ERROR\"} 1")))
                .andExpect(content().string(containsString(
                        "nanoclaw_drift_findings{kind=\"CONFIG_ROW_MISSING\",severity=\"ERROR\"} 1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("GROUP_PROVIDER_MISMATCH"))));
    }

    @Test
    void theDashboardFiltersOfferTheDbErasKindsOnly() throws Exception {
        String html = page("/groups", "VIEWER");

        assertThat(html).contains("value=\"CONFIG_FILE_DIVERGES_FROM_DB\"")
                .doesNotContain("value=\"GROUP_PROVIDER_MISMATCH\"");
    }

    private String page(String path, String role) throws Exception {
        return mvc.perform(get(path).with(user("admin").roles(role))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static String row(String html, String folder) {
        int start = html.indexOf("data-folder=\"" + folder + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
