package io.nanoclaw.admin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class GroupPagesTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesNeedALogin() throws Exception {
        mvc.perform(get("/groups")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theGroupsListShowsBothSidesAndMarksTheDisagreement() throws Exception {
        String html = page("/groups");

        assertThat(html).contains("data-folder=\"ops-bot\" class=\"attention\"")
                .contains("host codex ≠ runner claude")
                .contains("MALFORMED")
                .doesNotContain("id=\"demo-banner\"");
        assertThat(html.indexOf("data-folder=\"archive\"")).isLessThan(html.indexOf("data-folder=\"writer\""));
        String writerRow = html.substring(html.indexOf("data-folder=\"writer\""), html.indexOf("</tr>", html.indexOf("data-folder=\"writer\"")));
        assertThat(writerRow).as("a malformed file shows its state, not an unset provider")
                .contains("MALFORMED").doesNotContain("(unset)");
    }

    @Test
    void theListFiltersAndSortsAndItsLinksKeepTheFilter() throws Exception {
        String html = page("/groups?q=o&sort=sessions,desc");

        assertThat(html).contains("Sessions ▼").doesNotContain("data-folder=\"writer\"");
        assertThat(html).contains("href=\"http://localhost/groups?q=o&amp;sort=name,asc\"");
    }

    @Test
    void theListPagesWithLinksThatKeepTheSort() throws Exception {
        String html = page("/groups?size=4&sort=folder,asc");

        assertThat(html).contains("Page 1 of 3").contains("page=1").contains("sort=folder,asc");
    }

    @Test
    void theDetailShowsTheDbRowTheFileAndTheSessions() throws Exception {
        String html = page("/groups/" + SampleInstall.TRAVEL_ID);

        assertThat(html).contains("Travel Planner")
                .contains("id=\"known-fields\"")
                .contains("data-key=\"agentGroupId\"")
                .contains("&quot;ag-old-travel&quot;")
                .contains("id=\"unknown-keys\"")
                .contains("blockedHosts")
                .contains("id=\"group-sessions\"");
    }

    @Test
    void theDetailExplainsADisagreement() throws Exception {
        assertThat(page("/groups/" + SampleInstall.OPS_BOT_ID)).contains("id=\"provider-differs\"")
                .contains("the host prepares <code>codex</code>, the runner\n                runs <code>claude</code>");
    }

    @Test
    void aBrokenFileIsShownRawWithItsError() throws Exception {
        assertThat(page("/groups/" + SampleInstall.WRITER_ID)).contains("id=\"raw-file\"").contains("MALFORMED")
                .contains("id=\"file-error\"");
    }

    @Test
    void viewersSeeSecretsMaskedOnThePage() throws Exception {
        String asViewer = mvc.perform(get("/groups/" + SampleInstall.FAMILY_ID).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asViewer).doesNotContain("secret-cal-token").contains("masked");
        assertThat(page("/groups/" + SampleInstall.FAMILY_ID)).contains("secret-cal-token");
    }

    @Test
    void anUnknownGroupIs404() throws Exception {
        mvc.perform(get("/groups/ag-nope").with(user("admin").roles("OPERATOR"))).andExpect(status().isNotFound());
    }

    @Test
    void aBadSortShowsTheReasonOnTheErrorPage() throws Exception {
        String html = mvc.perform(get("/groups?sort=password").with(user("admin").roles("OPERATOR")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("cannot sort by").contains("400");
    }

    @Test
    void theSessionsListFiltersAndNamesTheGroup() throws Exception {
        String html = page("/sessions?hasOverride=true");

        assertThat(html.split("data-session=", -1)).hasSize(5);
        assertThat(html).contains(">support</a>").contains(">research</a>");
    }

    private String page(String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path).with(user("admin").roles("OPERATOR"));
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
