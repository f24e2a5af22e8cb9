package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.AttachedSampleInstallTest;
import io.nanoclaw.admin.install.DetectedEra;
import io.nanoclaw.admin.install.InstallLayout;

/** What a caller who has not logged in can learn about the install from the pages it may see: nothing. */
class AnonymousPagesTest extends AttachedSampleInstallTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    InstallLayout install;

    @Autowired
    DetectedEra era;

    @Test
    void theLoginPageShowsNeitherTheInstallPathNorItsEra() throws Exception {
        String html = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("id=\"password\"");
        assertNothingAboutTheInstall(html);
    }

    @Test
    void anErrorPageShownToAnAnonymousCallerShowsNothingAboutTheInstallEither() throws Exception {
        String html = mvc.perform(get("/error").accept(MediaType.TEXT_HTML)
                        .requestAttr("jakarta.servlet.error.status_code", 404))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("404 Not Found");
        assertNothingAboutTheInstall(html);
    }

    @Test
    void aLoggedInCallerStillSeesTheInstallAndItsEra() throws Exception {
        String html = mvc.perform(get("/login").with(user("admin").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains(install.root().toString()).contains("id=\"install-era\"").contains(era.era().label());
    }

    private void assertNothingAboutTheInstall(String html) {
        assertThat(html).doesNotContain(install.root().toString()).doesNotContain(INSTALL.toString())
                .doesNotContain(DATA_DIR.toString()).doesNotContain("v2.db").doesNotContain("id=\"install-era\"")
                .doesNotContain("id=\"era-notes\"").doesNotContain(era.era().label()).doesNotContain("class=\"install\"");
    }
}
