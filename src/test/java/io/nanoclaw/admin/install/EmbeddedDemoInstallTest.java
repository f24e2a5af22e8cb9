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
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.SampleInstall;

/** The default mode: no settings but a data directory; a demo install seeded on first start, equal to the sample. */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDemoInstallTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("nanoclaw-admin-demo").resolve("var");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.data-dir", DATA_DIR::toString);
    }

    @Autowired
    InstallLayout layout;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Test
    void runsEmbeddedWithTheGroupsFolderUnderTheDataDirectory() {
        assertThat(layout.mode()).isEqualTo(InstallMode.EMBEDDED);
        assertThat(layout.groups().root()).isEqualTo(DATA_DIR.toAbsolutePath().normalize().resolve("groups"));
    }

    @Test
    void theDemoRowsAreTheSampleInstallsRows() throws Exception {
        JdbcTemplate demo = new JdbcTemplate(dataSource);
        org.sqlite.SQLiteDataSource sample = new org.sqlite.SQLiteDataSource();
        sample.setUrl("jdbc:sqlite:" + SampleInstall.original().resolve("data/v2.db") + "?open_mode=1");
        JdbcTemplate original = new JdbcTemplate(sample);
        for (String table : List.of("agent_groups", "sessions", "messaging_groups", "messaging_group_agents")) {
            List<Map<String, Object>> expected = original.queryForList("SELECT * FROM " + table + " ORDER BY id");
            List<Map<String, Object>> actual = demo.queryForList("SELECT * FROM " + table + " ORDER BY id");
            assertThat(actual).as(table).isEqualTo(expected);
        }
    }

    @Test
    void theDemoFoldersAreTheSampleInstallsFolders() throws IOException {
        assertThat(SampleInstall.snapshot(DATA_DIR.resolve("groups")))
                .isEqualTo(SampleInstall.snapshot(SampleInstall.original().resolve("groups")));
    }

    @Test
    void aSecondSeedChangesNothing() throws IOException {
        Path main = DATA_DIR.resolve("groups/main/container.json");
        Files.writeString(main, "{}\n");
        try {
            DemoInstall.seedIfNew(dataSource, layout.groups());

            assertThat(Files.readString(main)).isEqualTo("{}\n");
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM agent_groups", Integer.class))
                    .isEqualTo(SampleInstall.GROUPS);
        } finally {
            Files.copy(SampleInstall.original().resolve("groups/main/container.json"), main,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void everyPageCarriesTheDemoBanner() throws Exception {
        for (String page : new String[] {"/groups", "/sessions", "/groups/" + SampleInstall.OPS_BOT_ID}) {
            String html = mvc.perform(get(page).with(user("admin").roles("OPERATOR")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("id=\"demo-banner\"").contains("Demo data");
        }
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("Demo data");
    }
}
