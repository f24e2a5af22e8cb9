package io.nanoclaw.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;
import io.nanoclaw.admin.install.StoreSeal;

/**
 * DB era: a changed MCP secret reaches NanoClaw's row, while the kept row version is sealed and the audit trail's DB
 * changes and diff mask it; the kept row still opens for the history.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestDbEraTest extends EditableDbEraSampleInstallTest {

    static final String MAIN = "ag-1776160800000-main01";
    static final String SECRET = "secret-cal-token";
    static final String NEW_SECRET = "new-secret-99";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("adminJdbcOperations")
    NamedParameterJdbcTemplate admin;

    @Test
    void aChangedSecretReachesTheRowButNeitherTheKeptRowNorTheAuditHoldsItInClear(CapturedOutput log) throws Exception {
        String config = "/api/groups/" + MAIN + "/container-config";
        String etag = mvc.perform(get(config).header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        mvc.perform(patch(config).header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN))
                        .header(HttpHeaders.IF_MATCH, etag).contentType("application/merge-patch+json")
                        .content("{\"mcpServers\": {\"calendar\": {\"env\": {\"CAL_TOKEN\": \"" + NEW_SECRET + "\"}}}}"))
                .andExpect(status().isOk());
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT mcp_servers FROM container_configs"
                + " WHERE agent_group_id = ?", String.class, MAIN)).contains(NEW_SECRET);

        List<String> keptRows = admin.queryForList("SELECT row_columns FROM config_row_versions WHERE agent_group_id"
                + " = :id ORDER BY id DESC", new MapSqlParameterSource("id", MAIN), String.class);
        assertThat(keptRows).isNotEmpty();
        assertThat(StoreSeal.isSealed(keptRows.get(0))).isTrue();
        assertThat(keptRows.get(0)).doesNotContain(SECRET).doesNotContain("CAL_TOKEN");
        mvc.perform(get(config + "/history").header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].changedColumns").value(org.hamcrest.Matchers.hasItem("mcp_servers")));
        long kept = admin.queryForObject("SELECT MAX(id) FROM config_row_versions WHERE agent_group_id = :id",
                new MapSqlParameterSource("id", MAIN), Long.class);
        assertThat(mvc.perform(get(config + "/history/" + kept).header(HttpHeaders.AUTHORIZATION,
                bearer(OPERATOR_TOKEN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(SECRET);

        String trail = mvc.perform(get("/api/audit").param("groupId", MAIN)
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].dbChanges").value(org.hamcrest.Matchers.containsString(
                        "container_configs.mcp_servers[" + MAIN + "]")))
                .andReturn().getResponse().getContentAsString();
        assertThat(trail).contains("CAL_TOKEN").doesNotContain(SECRET).doesNotContain(NEW_SECRET);
        List<String> journal = admin.queryForList("SELECT steps FROM change_journal", new MapSqlParameterSource(),
                String.class);
        assertThat(journal).allSatisfy(steps -> assertThat(steps).doesNotContain(NEW_SECRET));
        assertThat(log.getAll()).as("nothing logged holds a secret").doesNotContain(SECRET)
                .doesNotContain(NEW_SECRET);
    }
}
