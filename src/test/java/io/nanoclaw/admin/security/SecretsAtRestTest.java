package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.install.StoreSeal;

/**
 * File era: what the service keeps of a container.json holding an MCP secret never holds the secret in clear (the kept
 * version is sealed, the audit trail masks it), and the kept version still restores byte for byte.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest extends EditableSampleInstallTest {

    static final String SECRET = "secret-cal-token";
    static final String NEW_SECRET = "new-secret-99";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("adminJdbcOperations")
    NamedParameterJdbcTemplate admin;

    @Test
    void aChangedSecretIsSealedInTheKeptVersionMaskedInTheAuditAndStillRestores(CapturedOutput log) throws Exception {
        String original = Files.readString(INSTALL.resolve("groups/family/container.json"));
        assertThat(original).contains(SECRET);

        mvc.perform(patch("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN))
                        .header(HttpHeaders.IF_MATCH, FileVersion.of(original.getBytes(StandardCharsets.UTF_8)).etag())
                        .contentType("application/merge-patch+json")
                        .content("{\"mcpServers\": {\"calendar\": {\"env\": {\"CAL_TOKEN\": \"" + NEW_SECRET + "\"}}}}"))
                .andExpect(status().isOk());

        List<byte[]> kept = admin.queryForList("SELECT content FROM config_versions WHERE folder = 'family'"
                + " ORDER BY id DESC", new MapSqlParameterSource(), byte[].class);
        assertThat(kept).isNotEmpty();
        assertThat(StoreSeal.isSealed(kept.get(0))).isTrue();
        assertThat(new String(kept.get(0), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("CAL_TOKEN");

        String trail = mvc.perform(get("/api/audit").param("groupId", SampleInstall.FAMILY_ID)
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].action").value("PATCH_CONTAINER_CONFIG"))
                .andExpect(jsonPath("$.content[0].fileDiff").value("groups/family/container.json: MCP env values changed"
                        + " (masked)\n"))
                .andReturn().getResponse().getContentAsString();
        assertThat(trail).doesNotContain(SECRET).doesNotContain(NEW_SECRET);
        List<String> stored = admin.queryForList("SELECT COALESCE(file_diff, '') || COALESCE(db_changes, '')"
                + " FROM audit_events", new MapSqlParameterSource(), String.class);
        assertThat(String.join("\n", stored)).doesNotContain(SECRET).doesNotContain(NEW_SECRET);

        long id = admin.queryForObject("SELECT MAX(id) FROM config_versions WHERE folder = 'family'",
                new MapSqlParameterSource(), Long.class);
        mvc.perform(post("/api/groups/" + SampleInstall.FAMILY_ID + "/fixes")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"RESTORE_CONFIG_VERSION\",\"version\":" + id + "}"))
                .andExpect(status().isOk());
        assertThat(Files.readString(INSTALL.resolve("groups/family/container.json"))).isEqualTo(original);
        assertThat(log.getAll()).as("nothing logged holds a secret").doesNotContain(SECRET)
                .doesNotContain(NEW_SECRET);
    }
}
