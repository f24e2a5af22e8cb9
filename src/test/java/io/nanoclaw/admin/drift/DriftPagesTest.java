package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class DriftPagesTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardCountsGroupsAndFindingsAndShowsTheWorstFirst() throws Exception {
        String html = page("/");

        assertThat(html).contains("id=\"count-aligned\">4<").contains("id=\"count-drifted\">3<")
                .contains("id=\"count-broken\">2<").contains("4 ERROR").contains("3 WARNING").contains("4 INFO");
        assertThat(html.indexOf("data-kind=\"GROUP_PROVIDER_MISMATCH\""))
                .isLessThan(html.indexOf("data-kind=\"IDENTITY_STALE\""));
        assertThat(html).contains("setting nanoclaw.providers.known").contains("id=\"scan-now\"");
    }

    @Test
    void viewersSeeNoScanButtonAndMayNotScan() throws Exception {
        String html = mvc.perform(get("/").with(user("v").roles("VIEWER"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(html).doesNotContain("id=\"scan-now\"");
        mvc.perform(post("/drift/scan").with(user("v").roles("VIEWER")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void scanNowNeedsCsrfAndRedirectsWithANotice() throws Exception {
        mvc.perform(post("/drift/scan").with(user("admin").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/drift/scan").with(user("admin").roles("OPERATOR")).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "Scanned 9 groups: 11 findings."));
    }

    @Test
    void theGroupsListShowsStatusBadgesAndFiltersByStatusAndKind() throws Exception {
        assertThat(page("/groups")).contains("badge status-DRIFTED").contains("badge status-BROKEN");
        String broken = page("/groups?status=broken");
        assertThat(broken).contains("data-folder=\"writer\"").contains("data-folder=\"archive\"")
                .doesNotContain("data-folder=\"ops-bot\"");
        String identity = page("/groups?kind=IDENTITY_STALE");
        assertThat(identity).contains("data-folder=\"travel\"").doesNotContain("data-folder=\"main\"");
        assertThat(page("/groups?status=ALIGNED&kind=IDENTITY_STALE")).contains("No group matches.");
    }

    @Test
    void anUnknownStatusFilterIsABadRequestPage() throws Exception {
        mvc.perform(get("/groups?status=GREEN").with(user("admin").roles("OPERATOR"))).andExpect(status().isBadRequest());
    }

    @Test
    void theSessionsListShowsFindingBadgesAndFiltersByKind() throws Exception {
        String mismatches = page("/sessions?kind=SESSION_PROVIDER_MISMATCH");

        assertThat(mismatches.split("data-session=", -1)).hasSize(3);
        assertThat(mismatches).contains("badge kind kind-SESSION_PROVIDER_MISMATCH");
        assertThat(page("/sessions?groupStatus=BROKEN").split("data-session=", -1)).hasSize(4);
    }

    @Test
    void aGroupShowsItsChainsTheSentenceAndItsFindings() throws Exception {
        String html = page("/groups/" + SampleInstall.SUPPORT_ID);

        assertThat(html).contains("badge status-DRIFTED")
                .contains("id=\"chain-new-session\"")
                .contains("The host prepares claude and the runner runs claude.")
                .contains("The host prepares codex, the runner runs claude.")
                .contains("data-kind=\"SESSION_PROVIDER_MISMATCH\"")
                .contains("CLEAR_SESSION_OVERRIDE");
        String opsBot = page("/groups/" + SampleInstall.OPS_BOT_ID);
        int chain = opsBot.indexOf("id=\"chain-new-session\"");
        assertThat(opsBot.substring(chain, opsBot.indexOf("</div>", chain)))
                .containsPattern("class=\"link taken\"[^>]*data-place=\"group column\"");
        assertThat(page("/groups/" + SampleInstall.FAMILY_ID)).contains("id=\"no-findings\"");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("admin").roles("OPERATOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
