package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.SampleInstall;

/** An operator who only looks must leave the install exactly as it was: no file written, no DB byte changed. */
@SpringBootTest
@AutoConfigureMockMvc
class BrowsingChangesNothingTest {

    static final String TOKEN = "browse-token";
    static final Path INSTALL;
    static final Map<String, String> BEFORE;

    static {
        try {
            Path temp = Files.createTempDirectory("nanoclaw-admin-browse");
            INSTALL = SampleInstall.copyTo(temp.resolve("install"));
            BEFORE = SampleInstall.snapshot(INSTALL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", INSTALL::toString);
        registry.add("nanoclaw.data-dir", () -> INSTALL.getParent().resolve("data").toString());
        registry.add("nanoclaw.admin.token", () -> TOKEN);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void browsingEveryPageAndReadingEveryResourceLeavesTheInstallByteForByteAsItWas() throws Exception {
        String[] groups = {SampleInstall.OPS_BOT_ID, SampleInstall.TRAVEL_ID, SampleInstall.FAMILY_ID,
                SampleInstall.WRITER_ID, SampleInstall.SCRATCH_ID, SampleInstall.SUPPORT_ID, SampleInstall.ARCHIVE_ID};
        for (String page : new String[] {"/groups", "/groups?sort=sessions,desc", "/sessions", "/sessions?hasOverride=true"}) {
            mvc.perform(get(page).with(user("admin").roles("OPERATOR"))).andExpect(status().isOk());
        }
        for (String id : groups) {
            mvc.perform(get("/groups/" + id).with(user("admin").roles("OPERATOR"))).andExpect(status().isOk());
            mvc.perform(get("/api/groups/" + id + "/container-config").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/sessions?groupId=" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/groups").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)).andExpect(status().isOk());

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(BEFORE);
    }
}
