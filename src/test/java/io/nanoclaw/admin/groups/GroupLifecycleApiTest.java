package io.nanoclaw.admin.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

class GroupLifecycleApiTest extends EditableSampleInstallTest {

    @Autowired
    MockMvc mvc;

    int groups() {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM agent_groups", Integer.class);
    }

    @Test
    void creatingAGroupMakesTheRowTheFolderAndAnAlignedFileAndIsIdempotentOnTheFolder() throws Exception {
        String body = "{\"name\":\"Home\",\"folder\":\"home\",\"agentProvider\":\"codex\"}";
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(api(post("/api/groups"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true))
                .andReturn().getResponse().getContentAsString(), "$.groupId");

        assertThat(id).matches("ag-\\d{13}-[0-9a-z]{6}");
        assertThat(read("groups/home/container.json")).contains("\"provider\": \"codex\"")
                .contains("\"agentGroupId\": \"" + id + "\"").contains("\"groupName\": \"Home\"");
        assertThat(drift.checkGroup(id).orElseThrow().groups().get(0).status().name()).isEqualTo("ALIGNED");
        mvc.perform(api(post("/api/groups")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(false))
                .andExpect(jsonPath("$.groupId").value(id));
        assertThat(groups()).isEqualTo(SampleInstall.GROUPS + 1);
    }

    @Test
    void anOrphanFolderIsAdoptedWithItsFileUntouched() throws Exception {
        String before = read("groups/old-experiment/container.json");

        mvc.perform(api(post("/api/groups")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Old Experiment\",\"folder\":\"old-experiment\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.summary").value(containsString("adopting")));

        assertThat(read("groups/old-experiment/container.json")).isEqualTo(before);
    }

    @Test
    void folderNamesFollowNanoclawsRules() throws Exception {
        for (String folder : new String[] {"../etc", "global", "has space", ""}) {
            mvc.perform(api(post("/api/groups")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"x\",\"folder\":\"" + folder + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("folder"));
        }
        assertThat(groups()).isEqualTo(SampleInstall.GROUPS);
    }

    @Test
    void renamingMovesTheIdentityFieldsAlongAndKeepsUnknownKeys() throws Exception {
        mvc.perform(api(patch("/api/groups/" + SampleInstall.TRAVEL_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Trips\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbChanges[0].column").value("name"));

        assertThat(read("groups/travel/container.json")).contains("\"groupName\": \"Trips\"")
                .contains("\"assistantName\": \"Trips\"").contains("blockedHosts");
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT name FROM agent_groups WHERE id = ?",
                String.class, SampleInstall.TRAVEL_ID)).isEqualTo("Trips");
    }

    @Test
    void aPatchMustSayWhatItChanges() throws Exception {
        mvc.perform(api(patch("/api/groups/" + SampleInstall.TRAVEL_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"nothing\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deletingIsRefusedWhileSessionsAreActiveAndArchivesTheFolderWhenForced() throws Exception {
        java.util.Set<Path> archivedBefore = archived();
        mvc.perform(api(delete("/api/groups/" + SampleInstall.OPS_BOT_ID)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("active session")));
        assertThat(INSTALL.resolve("groups/ops-bot")).isDirectory();

        mvc.perform(api(delete("/api/groups/" + SampleInstall.OPS_BOT_ID + "?force=true&reason=retired")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value(containsString("moved to")));

        assertThat(INSTALL.resolve("groups/ops-bot")).doesNotExist();
        java.util.Set<Path> archivedNow = archived();
        archivedNow.removeAll(archivedBefore);
        assertThat(archivedNow).singleElement().satisfies(p -> {
            assertThat(p.getFileName().toString()).startsWith("ops-bot-");
            assertThat(p.resolve("CLAUDE.md")).exists();
        });
        assertThat(groups()).isEqualTo(SampleInstall.GROUPS - 1);
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM sessions WHERE agent_group_id = ?",
                Integer.class, SampleInstall.OPS_BOT_ID)).isZero();
    }

    private static java.util.Set<Path> archived() throws java.io.IOException {
        Path archive = INSTALL.resolveSibling("data").resolve("archive");
        if (!Files.isDirectory(archive)) {
            return new java.util.HashSet<>();
        }
        try (var entries = Files.list(archive)) {
            return entries.collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
