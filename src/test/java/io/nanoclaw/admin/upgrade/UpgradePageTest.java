package io.nanoclaw.admin.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class UpgradePageTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aViewerSeesWhatTheUpgradeDoesToEachGroup() throws Exception {
        var before = SampleInstall.snapshot(INSTALL);

        String html = page();

        assertThat(html).contains("Nothing is written.").contains("9 groups")
                .contains("1 ERROR").contains("2 WARNING").contains("6 INFO")
                .contains("None stops the upgraded host from starting.");
        String opsBot = row(html, "ops-bot");
        assertThat(opsBot).contains("class=\"attention\"")
                .contains("<code class=\"runner-now\">claude</code>")
                .contains("<code class=\"runner-after\">codex</code>")
                .contains("switches")
                .contains("data-code=\"UPGRADE_SWITCHES_RUNNER\"").contains("sev sev-WARNING")
                .contains("href=\"/groups/" + SampleInstall.OPS_BOT_ID + "\"");
        String travel = row(html, "travel");
        assertThat(travel).contains("data-code=\"UPGRADE_DROPS_KEYS\"").contains(">env</code>")
                .contains(">blockedHosts</code>").doesNotContain("switches");
        assertThat(row(html, "writer")).contains("data-code=\"UPGRADE_LOSES_FILE_CONTENT\"").contains("sev sev-ERROR");
        assertThat(row(html, "scratch")).contains("Nothing changes for this group.");
        assertThat(html).doesNotContain("data-folder=\"old-experiment\"").doesNotContain("secret-cal-token");
        assertThat(SampleInstall.snapshot(INSTALL)).as("the page writes nothing").isEqualTo(before);
    }

    @Test
    void thePageNeedsALogin() throws Exception {
        mvc.perform(get("/upgrade")).andExpect(status().is3xxRedirection());
    }

    private String page() throws Exception {
        return mvc.perform(get("/upgrade").with(user("admin").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    /** The table row of one folder. */
    static String row(String html, String folder) {
        int start = html.lastIndexOf("<tr", html.indexOf("data-folder=\"" + folder + "\""));
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
