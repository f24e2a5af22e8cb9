package io.nanoclaw.admin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class GroupLifecyclePagesTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anOperatorCreatesAGroupFromTheForm() throws Exception {
        mvc.perform(post("/groups").with(user("admin").roles("OPERATOR")).with(csrf())
                        .param("name", "Garden").param("folder", "garden").param("agentProvider", "codex"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/groups/ag-*"));

        assertThat(read("groups/garden/container.json")).contains("\"provider\": \"codex\"");
    }

    @Test
    void aBadFolderIsShownNextToTheFormAndNothingIsCreated() throws Exception {
        String html = mvc.perform(post("/groups").with(user("admin").roles("OPERATOR")).with(csrf())
                        .param("name", "x").param("folder", "global"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"form-error\"").contains("reserved");
        assertThat(INSTALL.resolve("groups/global/container.json")).doesNotExist();
    }

    @Test
    void deletingWithActiveSessionsIsExplainedAndForcingItArchives() throws Exception {
        String refused = mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/delete")
                        .with(user("admin").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("active session");
        assertThat(INSTALL.resolve("groups/ops-bot")).isDirectory();

        mvc.perform(post("/groups/" + SampleInstall.OPS_BOT_ID + "/delete").param("force", "true")
                        .with(user("admin").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(INSTALL.resolve("groups/ops-bot")).doesNotExist();
    }

    @Test
    void viewersCannotReachTheForms() throws Exception {
        mvc.perform(post("/groups").with(user("v").roles("VIEWER")).with(csrf()).param("name", "x").param("folder", "y"))
                .andExpect(status().isForbidden());
        String list = mvc.perform(get("/groups").with(user("v").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain("id=\"new-group-link\"");
    }
}
