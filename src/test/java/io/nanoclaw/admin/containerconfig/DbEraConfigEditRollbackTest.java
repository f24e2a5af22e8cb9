package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;
import io.nanoclaw.admin.dbconfig.ConfigRowHistory;

/** A DB-era edit is one unit: when container.json cannot be written, the row's change is rolled back too. */
class DbEraConfigEditRollbackTest extends EditableDbEraSampleInstallTest {

    static final String OPS_BOT = "ag-1776161200000-legcy1";

    @MockitoSpyBean
    ContainerConfigStore store;

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigRowHistory history;

    @Test
    void aFailedFileWriteRollsTheRowBackAndKeepsNoVersion() throws Exception {
        var got = mvc.perform(get("/api/groups/" + OPS_BOT + "/container-config")
                .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN))).andReturn().getResponse();
        String etag = got.getHeader(HttpHeaders.ETAG);
        ObjectNode document = (ObjectNode) JsonMapper.builder().build().readTree(got.getContentAsString()).get("document");
        Map<String, Object> rowBefore = row();
        String fileBefore = read("groups/ops-bot/container.json");
        int kept = history.list(OPS_BOT).size();
        doThrow(new UncheckedIOException("Could not write groups/ops-bot/container.json", new IOException("disk full")))
                .when(store).writeBytes(any(), any(), any(), any());

        mvc.perform(put("/api/groups/" + OPS_BOT + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN)).header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON).content(document.put("model", "never-stored").toString()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:internal-error"));

        assertThat(row()).as("the row's change is rolled back").isEqualTo(rowBefore);
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(fileBefore);
        assertThat(history.list(OPS_BOT)).as("no version is kept for a change that did not happen").hasSize(kept);
    }

    private Map<String, Object> row() {
        return new JdbcTemplate(dataSource).queryForMap("SELECT * FROM container_configs WHERE agent_group_id = ?",
                OPS_BOT);
    }
}
