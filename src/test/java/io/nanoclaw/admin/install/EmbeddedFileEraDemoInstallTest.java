package io.nanoclaw.admin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.drift.DriftService;

/** {@code --nanoclaw.demo-era=file}: the demo install of the file era, equal to the file-era sample install. */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedFileEraDemoInstallTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("nanoclaw-admin-file-demo").resolve("var");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.data-dir", DATA_DIR::toString);
        registry.add("nanoclaw.demo-era", () -> "file");
    }

    @Autowired
    DetectedEra era;

    @Autowired
    DataSource dataSource;

    @Autowired
    DriftService drift;

    @Autowired
    MockMvc mvc;

    @Test
    void theFileEraDemoIsTheFileEraSampleAndIsJudgedSo() {
        assertThat(era.era()).isEqualTo(InstallEra.FILE);
        assertThat(drift.latest().era()).isEqualTo(InstallEra.FILE);
        EmbeddedDemoInstallTest.assertSameRows(dataSource, SampleInstall.original(),
                List.of("agent_groups", "sessions", "messaging_groups", "messaging_group_agents"));
        assertThat(SampleInstall.snapshot(DATA_DIR.resolve("demo-file-era/groups")))
                .isEqualTo(SampleInstall.snapshot(SampleInstall.original().resolve("groups")));
    }

    @Test
    void everyPageCarriesTheDemoBannerAndTheFileEra() throws Exception {
        for (String page : new String[] {"/", "/groups", "/groups/" + SampleInstall.OPS_BOT_ID}) {
            String html = mvc.perform(get(page).with(user("admin").roles("VIEWER")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("id=\"demo-banner\"").contains("file era");
        }
    }
}
