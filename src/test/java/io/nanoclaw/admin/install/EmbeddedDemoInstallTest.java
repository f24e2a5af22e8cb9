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
import io.nanoclaw.admin.drift.DriftService;

/**
 * The default mode: no settings but a data directory; a demo install of today's NanoClaw (the DB-config era) seeded on
 * first start, equal to the project's DB-era sample install.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmbeddedDemoInstallTest {

    static final Path DATA_DIR;
    static final Path DEMO;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("nanoclaw-admin-demo").resolve("var");
            DEMO = DATA_DIR.resolve("demo-db-era");
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
    DetectedEra era;

    @Autowired
    DataSource dataSource;

    @Autowired
    DriftService drift;

    @Autowired
    MockMvc mvc;

    @Test
    void runsEmbeddedInTheDbEraWithTheGroupsFolderUnderTheDemosFolder() {
        assertThat(layout.mode()).isEqualTo(InstallMode.EMBEDDED);
        assertThat(era.era()).isEqualTo(InstallEra.DB_CONFIG);
        assertThat(layout.groups().root()).isEqualTo(DEMO.toAbsolutePath().normalize().resolve("groups"));
    }

    @Test
    void theDemoRowsAreTheDbEraSampleInstallsRows() {
        assertSameRows(dataSource, SampleInstall.originalDbEra(), List.of("agent_groups", "sessions",
                "messaging_groups", "messaging_group_agents", "container_configs", "schema_version"));
    }

    @Test
    void theDemoFoldersAreTheDbEraSampleInstallsFolders() {
        assertThat(SampleInstall.snapshot(DEMO.resolve("groups")))
                .isEqualTo(SampleInstall.snapshot(SampleInstall.originalDbEra().resolve("groups")));
    }

    @Test
    void theDemoIsJudgedByTheDbEraRules() {
        assertThat(drift.latest().era()).isEqualTo(InstallEra.DB_CONFIG);
        assertThat(drift.latest().summary().groups()).isEqualTo(12);
    }

    @Test
    void aSessionAddedToTheDemoDbIsInTheSessionsListWithinTwoSeconds(
            @Autowired io.nanoclaw.admin.sessions.SessionService sessions) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long before = total(sessions);
        // H2 has no PRAGMA data_version: the watcher's stamp of the sessions notices the insert instead.
        jdbc.update("INSERT INTO sessions (id, agent_group_id, status, container_status, created_at) SELECT"
                + " 'sess-live-demo', id, 'active', 'stopped', '2026-12-02T00:00:00.000Z' FROM agent_groups"
                + " WHERE folder = 'main'");
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> total(sessions) == before + 1);
        } finally {
            jdbc.update("DELETE FROM sessions WHERE id = 'sess-live-demo'");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> total(sessions) == before);
    }

    private static long total(io.nanoclaw.admin.sessions.SessionService sessions) {
        return sessions.list(io.nanoclaw.admin.sessions.SessionFilter.none(),
                org.springframework.data.domain.PageRequest.of(0, 1)).getTotalElements();
    }

    @Test
    void aSecondSeedChangesNothing() throws IOException {
        Path main = DEMO.resolve("groups/main/container.json");
        Files.writeString(main, "{}\n");
        try {
            DemoInstall.seedIfNew(dataSource, layout.groups(), InstallEra.DB_CONFIG);

            assertThat(Files.readString(main)).isEqualTo("{}\n");
            assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM agent_groups", Integer.class))
                    .isEqualTo(12);
        } finally {
            Files.copy(SampleInstall.originalDbEra().resolve("groups/main/container.json"), main,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void everyPageCarriesTheDemoBannerAndTheEra() throws Exception {
        for (String page : new String[] {"/", "/groups", "/sessions", "/groups/ag-1776160900000-divrg1"}) {
            String html = mvc.perform(get(page).with(user("admin").roles("OPERATOR")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(page).contains("id=\"demo-banner\"").contains("Demo data")
                    .contains("DB-config era");
        }
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("Demo data");
    }

    /** Every row of each table equals the sample's, read from its SQLite file. */
    static void assertSameRows(DataSource demo, Path sample, List<String> tables) {
        org.sqlite.SQLiteDataSource original = new org.sqlite.SQLiteDataSource();
        original.setUrl("jdbc:sqlite:" + sample.resolve("data/v2.db") + "?open_mode=1");
        JdbcTemplate expectedRows = new JdbcTemplate(original);
        JdbcTemplate actualRows = new JdbcTemplate(demo);
        for (String table : tables) {
            String order = table.equals("schema_version") ? "version" : table.equals("container_configs")
                    ? "agent_group_id" : "id";
            List<Map<String, Object>> expected = expectedRows.queryForList("SELECT * FROM " + table + " ORDER BY " + order);
            List<Map<String, Object>> actual = actualRows.queryForList("SELECT * FROM " + table + " ORDER BY " + order);
            assertThat(actual).as(table).isEqualTo(expected);
        }
    }
}
