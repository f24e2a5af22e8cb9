package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.drift.Severity;

/** Changing a DB-era install the way it really works: the row and the file as one unit, every DB-era fix. */
class DbEraEditApiTest extends EditableDbEraSampleInstallTest {

    static final String OPS_BOT = "ag-1776161200000-legcy1";
    static final String RESEARCH = "ag-1776160900000-divrg1";
    static final String TRAVEL = "ag-1776161000000-envky1";
    static final String INTAKE = "e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b";
    static final String SUPPORT = "ag-1776161300000-sessov";

    @Autowired
    MockMvc mvc;

    @Autowired
    ContainerConfigRows rows;

    @Autowired
    io.nanoclaw.admin.security.ApiTokenService tokens;

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    Map<String, Object> row(String groupId) {
        return jdbc().queryForMap("SELECT * FROM container_configs WHERE agent_group_id = ?", groupId);
    }

    /** container.json exactly as the host would write it from the group's row now. */
    String materialized(String groupId, String name) {
        return new String(Materializer.materialize(groupId, name, rows.findByGroupId(groupId).orElseThrow()).bytes(),
                StandardCharsets.UTF_8);
    }

    @Test
    void aProviderChangeWritesTheRowAndTheFileAsTheHostWouldAndLeavesTheLegacyColumn() throws Exception {
        String updatedBefore = (String) row(OPS_BOT).get("updated_at");

        mvc.perform(api(patch("/api/groups/" + OPS_BOT)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\",\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.plan.dbChanges[0].table").value("CONTAINER_CONFIGS"))
                .andExpect(jsonPath("$.plan.dbChanges[0].column").value("provider"))
                .andExpect(jsonPath("$.plan.dbChanges[0].before").value("claude"))
                .andExpect(jsonPath("$.plan.dbChanges[0].after").value("codex"))
                .andExpect(jsonPath("$.plan.dbChanges[1].column").value("updated_at"))
                .andExpect(jsonPath("$.plan.fileChanges[0].diff").value(containsString("+  \"provider\": \"codex\",")))
                .andExpect(jsonPath("$.plan.nextSteps[0]").value(containsString("next spawn")));
        assertThat(row(OPS_BOT).get("provider")).as("a dry run writes nothing").isEqualTo("claude");

        mvc.perform(api(patch("/api/groups/" + OPS_BOT)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\",\"reason\":\"move ops-bot to codex\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.group.status").value("ALIGNED"))
                .andExpect(jsonPath("$.group.runnerProvider").value("codex"));

        assertThat(row(OPS_BOT).get("provider")).isEqualTo("codex");
        assertThat((String) row(OPS_BOT).get("updated_at")).isNotEqualTo(updatedBefore)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"))
                .contains("\"provider\": \"codex\"");
        assertThat(jdbc().queryForObject("SELECT agent_provider FROM agent_groups WHERE id = ?", String.class, OPS_BOT))
                .as("the legacy column is left alone").isEqualTo("codex");
        mvc.perform(api(get("/api/audit?action=SET_GROUP_PROVIDER&groupId=" + OPS_BOT)))
                .andExpect(jsonPath("$.content[0].reason").value("move ops-bot to codex"))
                .andExpect(jsonPath("$.content[0].dbChanges").value(containsString("container_configs.provider")));
    }

    @Test
    void materializeWritesTheRowsDocumentByteForByte() throws Exception {
        fix(RESEARCH, "MATERIALIZE_FROM_DB", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.group.status").value("ALIGNED"));

        assertThat(read("groups/research/container.json")).isEqualTo(materialized(RESEARCH, "Research"))
                .contains("\"provider\": \"claude\"");
        assertThat(row(RESEARCH).get("provider")).isEqualTo("claude");
    }

    @Test
    void importingTheFileMakesTheRowSayWhatTheFileSaysAndNamesWhatItCannotHold() throws Exception {
        fix(RESEARCH, "IMPORT_FILE_INTO_DB", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.group.runnerProvider").value("codex"));
        assertThat(row(RESEARCH).get("provider")).isEqualTo("codex");
        assertThat(row(RESEARCH).get("assistant_name")).as("the group's own name is stored as NULL").isNull();

        fix(TRAVEL, "IMPORT_FILE_INTO_DB", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.summary").value(containsString("not imported")))
                .andExpect(jsonPath("$.plan.summary").value(containsString("env")));
        assertThat(read("groups/travel/container.json")).doesNotContain("OLLAMA_HOST")
                .isEqualTo(materialized(TRAVEL, "Travel Planner"));
    }

    @Test
    void creatingTheMissingRowInsertsTheBackFillsRowAndWritesTheFile() throws Exception {
        fix(INTAKE, "CREATE_CONFIG_ROW", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbInserts[0].table").value("CONTAINER_CONFIGS"));

        Map<String, Object> created = row(INTAKE);
        assertThat(created.get("provider")).isNull();
        assertThat(created.get("skills")).isEqualTo("\"all\"");
        assertThat(created.get("cli_scope")).isEqualTo("group");
        assertThat(read("groups/intake/container.json")).isEqualTo(materialized(INTAKE, "Intake"));
        fix(INTAKE, "CREATE_CONFIG_ROW", null).andExpect(status().isConflict());
    }

    @Test
    void theFileErasFixesAreRefusedWithTheDbErasNames() throws Exception {
        fix(RESEARCH, "ALIGN_FROM_FILE", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("IMPORT_FILE_INTO_DB")));
    }

    @Test
    void promotingAnOverrideMakesItTheRowsProviderAndClearsIt() throws Exception {
        fix(SUPPORT, "PROMOTE_SESSION_OVERRIDE", "sess-1776165693000-2lcsdq").andExpect(status().isOk());

        assertThat(row(SUPPORT).get("provider")).isEqualTo("codex");
        assertThat(jdbc().queryForObject("SELECT agent_provider FROM sessions WHERE id = ?", String.class,
                "sess-1776165693000-2lcsdq")).isNull();
        assertThat(read("groups/support/container.json")).contains("\"provider\": \"codex\"");
    }

    @Test
    void bulkAlignFromTheDbMaterializesEveryDivergingFile() throws Exception {
        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"db\",\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));

        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"db\"}"))
                .andExpect(status().isOk());

        assertThat(drift.scan().findings()).extracting(Finding::kind)
                .doesNotContain(FindingKind.CONFIG_FILE_DIVERGES_FROM_DB);
    }

    @Test
    void everyOfferedFixGoesAwayAndOnlyTheEditorsErrorIsLeft() throws Exception {
        for (int pass = 0; pass < 4; pass++) {
            List<Finding> fixable = drift.scan().findings().stream()
                    .filter(f -> f.groupId() != null && !f.fixes().isEmpty()).toList();
            if (fixable.isEmpty()) {
                break;
            }
            for (Finding finding : fixable) {
                fix(finding.groupId(), finding.fixes().get(0).name(), finding.sessionId()).andExpect(status().isOk());
            }
        }

        DriftReport after = drift.scan();
        assertThat(after.findings()).as("no finding with a fix is left").allMatch(f -> f.fixes().isEmpty());
        assertThat(after.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(Finding::kind).containsExactly(FindingKind.CONFIG_ROW_INVALID);
        assertThat(SampleInstall.snapshot(INSTALL)).isNotEmpty();
    }

    @Test
    void aNewGroupGetsItsRowAndTheFileTheHostWouldWriteFromIt() throws Exception {
        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(api(post("/api/groups"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Night Shift\",\"folder\":\"night-shift\",\"agentProvider\":\"codex\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.groupId");

        assertThat(row(id).get("provider")).isEqualTo("codex");
        assertThat(read("groups/night-shift/container.json")).isEqualTo(materialized(id, "Night Shift"));
        assertThat(drift.scan().findings()).filteredOn(f -> id.equals(f.groupId())).isEmpty();
    }

    @Test
    void renamingRewritesTheFileFromTheRowAndDeletingTakesTheRowAlong() throws Exception {
        mvc.perform(api(patch("/api/groups/" + RESEARCH)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Deep Research\"}"))
                .andExpect(status().isOk());
        assertThat(read("groups/research/container.json")).contains("\"groupName\": \"Deep Research\"")
                .isEqualTo(materialized(RESEARCH, "Deep Research"));

        mvc.perform(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                        "/api/groups/" + RESEARCH + "?force=true"))).andExpect(status().isOk());
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM container_configs WHERE agent_group_id = ?",
                Integer.class, RESEARCH)).isZero();
    }

    @Test
    void theAuditOfARowChangeKeepsNoMcpSecretForViewersOrOperators() throws Exception {
        fix(INTAKE, "CREATE_CONFIG_ROW", null).andExpect(status().isOk());
        jdbc().update("UPDATE container_configs SET mcp_servers = ? WHERE agent_group_id = ?",
                "{\"cal\":{\"command\":\"npx\",\"env\":{\"TOKEN\":\"s3cret-token\"}}}", INTAKE);
        fix(INTAKE, "MATERIALIZE_FROM_DB", null).andExpect(status().isOk());
        jdbc().update("UPDATE container_configs SET mcp_servers = '{}' WHERE agent_group_id = ?", INTAKE);
        fix(INTAKE, "IMPORT_FILE_INTO_DB", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbChanges[0].column").value("mcp_servers"));
        String viewer = tokens.issue("audit-viewer-" + System.nanoTime(), io.nanoclaw.admin.security.Role.VIEWER);

        String seen = mvc.perform(get("/api/audit?groupId=" + INTAKE).header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String operator = mvc.perform(api(get("/api/audit?groupId=" + INTAKE))).andReturn().getResponse()
                .getContentAsString();

        // The trail keeps the change with the env value masked: nobody reads a secret in it, the key stays visible.
        assertThat(operator).doesNotContain("s3cret-token").contains("TOKEN").contains("••••••");
        assertThat(seen).doesNotContain("s3cret-token").contains("hidden");
    }

    @Test
    void everyStatusOfAProviderChangeInTheDbEra() throws Exception {
        mvc.perform(api(patch("/api/groups/" + OPS_BOT)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"gemini\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("agentProvider"));
        mvc.perform(api(patch("/api/groups/ag-nope")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(api(patch("/api/groups/" + INTAKE)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("CREATE_CONFIG_ROW")));
        String viewer = tokens.issue("db-era-viewer-" + System.nanoTime(), io.nanoclaw.admin.security.Role.VIEWER);
        mvc.perform(patch("/api/groups/" + OPS_BOT).header(HttpHeaders.AUTHORIZATION, bearer(viewer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isForbidden());
        assertThat(row(OPS_BOT).get("provider")).isEqualTo("claude");
    }

    @Test
    void aNanoclawHostHoldingTheWriteLockGives503AndChangesNothing() throws Exception {
        String before = read("groups/ops-bot/container.json");
        try (java.sql.Connection host = java.sql.DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                java.sql.Statement statement = host.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE sessions SET container_status = 'running' WHERE rowid = 1");

            mvc.perform(api(patch("/api/groups/" + OPS_BOT)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"agentProvider\":\"codex\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:install-busy"));
            statement.execute("ROLLBACK");
        }
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(row(OPS_BOT).get("provider")).isEqualTo("claude");
    }

    private org.springframework.test.web.servlet.ResultActions fix(String groupId, String fix, String sessionId)
            throws Exception {
        String body = "{\"fix\":\"" + fix + "\"" + (sessionId != null ? ",\"sessionId\":\"" + sessionId + "\"" : "")
                + ",\"reason\":\"test\"}";
        return mvc.perform(api(post("/api/groups/" + groupId + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
