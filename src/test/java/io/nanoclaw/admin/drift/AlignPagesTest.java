package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class AlignPagesTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void bulkAlignShowsEveryPlanFirstAndChangesNothingUntilConfirmed() throws Exception {
        String before = read("groups/ops-bot/container.json");

        String preview = mvc.perform(get("/drift/align?source=db").with(user("admin").roles("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(preview).contains("data-folder=\"ops-bot\"").contains("+  &quot;provider&quot;: &quot;codex&quot;")
                .contains("Apply to 1 group(s)");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);

        var applied = mvc.perform(post("/drift/align").param("source", "db").param("groupIds", SampleInstall.OPS_BOT_ID)
                        .with(user("admin").roles("OPERATOR")).with(csrf()))
                .andExpect(redirectedUrl("/")).andReturn();
        assertThat(read("groups/ops-bot/container.json")).contains("\"provider\": \"codex\"");

        // The dashboard it returns to lists each group's result and no longer lists the mismatch it fixed.
        String dashboard = mvc.perform(get("/").with(user("admin").roles("OPERATOR"))
                        .flashAttrs(applied.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("Aligned 1 group(s) from the DB.").contains("id=\"align-results\"")
                .containsPattern("(?s)data-group=\"" + SampleInstall.OPS_BOT_ID + "\".*?written</span>, now.*?ALIGNED")
                .doesNotContain("data-kind=\"GROUP_PROVIDER_MISMATCH\"");
    }

    @Test
    void viewersMayNotAlign() throws Exception {
        mvc.perform(post("/drift/align").param("source", "db").param("groupIds", SampleInstall.OPS_BOT_ID)
                        .with(user("v").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
