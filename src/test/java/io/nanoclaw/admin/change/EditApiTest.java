package io.nanoclaw.admin.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.drift.DriftReport;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.Severity;

class EditApiTest extends EditableSampleInstallTest {

    static final String RESEARCH_ID = "ag-1776160900000-codex1";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditService audit;

    @Autowired
    io.nanoclaw.admin.security.ApiTokenService tokens;

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    String dbProvider(String groupId) {
        return jdbc().queryForObject("SELECT agent_provider FROM agent_groups WHERE id = ?", String.class, groupId);
    }

    @Test
    void aDryRunShowsThePlanAndChangesNothing() throws Exception {
        String before = read("groups/ops-bot/container.json");

        mvc.perform(api(patch("/api/groups/" + SampleInstall.OPS_BOT_ID))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agentProvider\":\"opencode\",\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.plan.dbChanges[0].table").value("AGENT_GROUPS"))
                .andExpect(jsonPath("$.plan.dbChanges[0].before").value("codex"))
                .andExpect(jsonPath("$.plan.dbChanges[0].after").value("opencode"))
                .andExpect(jsonPath("$.plan.fileChanges[0].diff").value(containsString("+  \"provider\": \"opencode\"")))
                .andExpect(jsonPath("$.group.status").value("DRIFTED"));

        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void settingAGroupsProviderChangesTheDbAndTheFileTogetherAndKeepsEverythingElse() throws Exception {
        String before = read("groups/travel/container.json");
        String reason = "move travel to codex " + System.nanoTime();

        mvc.perform(api(patch("/api/groups/" + SampleInstall.TRAVEL_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"Codex\",\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.plan.nextSteps[0]").value(containsString("next container spawn")))
                .andExpect(jsonPath("$.group.hostProvider").value("codex"))
                .andExpect(jsonPath("$.group.runnerProvider").value("codex"));

        assertThat(dbProvider(SampleInstall.TRAVEL_ID)).isEqualTo("codex");
        assertThat(read("groups/travel/container.json"))
                .isEqualTo(before.replace("\"provider\": \"opencode\"", "\"provider\": \"codex\""));
        assertThat(audit.find(null, "SET_GROUP_PROVIDER", SampleInstall.TRAVEL_ID,
                org.springframework.data.domain.PageRequest.of(0, 200)).getContent())
                .filteredOn(event -> reason.equals(event.reason())).singleElement().satisfies(event -> {
                    assertThat(event.actor()).isEqualTo("token:admin-env");
                    assertThat(event.dbChanges()).contains("'opencode' -> 'codex'");
                    assertThat(event.fileDiff()).contains("-  \"provider\": \"opencode\"");
                });
    }

    @Test
    void clearingAGroupsProviderEmptiesBothSides() throws Exception {
        mvc.perform(api(patch("/api/groups/" + RESEARCH_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group.runnerProvider").value("claude"))
                .andExpect(jsonPath("$.findings[*].kind").value(hasItem("SESSION_PROVIDER_MISMATCH")))
                .andExpect(jsonPath("$.plan.nextSteps[1]").value(containsString("carry their own override")));

        assertThat(dbProvider(RESEARCH_ID)).isNull();
        assertThat(read("groups/research/container.json")).doesNotContain("\"provider\"").contains("\"skills\": \"all\"");
    }

    @Test
    void anUnknownProviderIsRefusedAndNothingChanges() throws Exception {
        String before = read("groups/ops-bot/container.json");

        mvc.perform(api(patch("/api/groups/" + SampleInstall.OPS_BOT_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"gpt-9\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("agentProvider"))
                .andExpect(jsonPath("$.detail").value(containsString("gpt-9")));

        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void aMalformedFileIsNotEditedBehindTheOperatorsBack() throws Exception {
        String before = read("groups/writer/container.json");

        mvc.perform(api(patch("/api/groups/" + SampleInstall.WRITER_ID)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:edit-refused"))
                .andExpect(jsonPath("$.detail").value(containsString("MALFORMED")));

        assertThat(read("groups/writer/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.WRITER_ID)).isEqualTo("claude");
    }

    @Test
    void anOverrideTheRunnerWillNotFollowComesBackAsAFinding() throws Exception {
        String session = jdbc().queryForObject("SELECT id FROM sessions WHERE agent_group_id = ? AND agent_provider IS NULL"
                + " AND status = 'active' ORDER BY id LIMIT 1", String.class, SampleInstall.FAMILY_ID);

        mvc.perform(api(patch("/api/sessions/" + session)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.sessionId == '" + session + "')].kind")
                        .value(hasItem("SESSION_PROVIDER_MISMATCH")));

        assertThat(jdbc().queryForObject("SELECT agent_provider FROM sessions WHERE id = ?", String.class, session))
                .isEqualTo("codex");
    }

    @Test
    void clearingAGroupsOverridesLeavesNone() throws Exception {
        mvc.perform(api(post("/api/groups/" + SampleInstall.SUPPORT_ID + "/clear-overrides"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbChanges.length()").value(3))
                .andExpect(jsonPath("$.group.status").value("ALIGNED"));
    }

    @Test
    void everyFixTheSampleOffersLeavesNoErrorAfterARescan() throws Exception {
        DriftReport before = drift.scan();
        assertThat(before.findings()).anyMatch(f -> f.severity() == Severity.ERROR);

        for (Finding finding : before.findings()) {
            if (finding.groupId() == null || finding.fixes().isEmpty()
                    || finding.fixes().get(0).name().equals("RESTORE_CONFIG_VERSION") && finding.fixes().size() == 1) {
                continue;
            }
            String fix = finding.fixes().stream().map(Enum::name).filter(f -> !f.equals("RESTORE_CONFIG_VERSION"))
                    .findFirst().orElseThrow();
            String body = "{\"fix\":\"" + fix + "\"" + (finding.sessionId() != null
                    ? ",\"sessionId\":\"" + finding.sessionId() + "\"" : "") + ",\"reason\":\"test\"}";
            mvc.perform(api(post("/api/groups/" + finding.groupId() + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isOk());
        }

        DriftReport after = drift.scan();
        assertThat(after.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        assertThat(after.summary().broken()).isZero();
    }

    @Test
    void alignFromTheDbDryRunThenApply() throws Exception {
        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"db\",\"dryRun\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].plan.folder").value("ops-bot"))
                .andExpect(jsonPath("$[0].applied").value(false));
        assertThat(read("groups/ops-bot/container.json")).doesNotContain("\"provider\"");

        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON).content("{\"source\":\"db\"}"))
                .andExpect(jsonPath("$[0].applied").value(true))
                .andExpect(jsonPath("$[0].group.status").value("ALIGNED"));
        assertThat(read("groups/ops-bot/container.json")).contains("\"provider\": \"codex\"");
    }

    @Test
    void alignFromTheFileSetsTheDb() throws Exception {
        mvc.perform(api(post("/api/groups/" + SampleInstall.OPS_BOT_ID + "/align")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"file\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].plan.dbChanges[0].after").doesNotExist());
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isNull();
    }

    @Test
    void refreshIdentityKeepsTheUnknownKeys() throws Exception {
        mvc.perform(api(post("/api/groups/" + SampleInstall.TRAVEL_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"REFRESH_IDENTITY\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group.status").value("ALIGNED"));

        assertThat(read("groups/travel/container.json")).contains("\"agentGroupId\": \"" + SampleInstall.TRAVEL_ID + "\"")
                .contains("\"groupName\": \"Travel Planner\"").contains("\"blockedHosts\"").contains("OLLAMA_HOST");
    }

    @Test
    void aDryRunThatIsNotABooleanIsRefusedRatherThanReadAsARealChange() throws Exception {
        String before = read("groups/ops-bot/container.json");

        for (String body : new String[] {"{\"agentProvider\":\"claude\",\"dryRun\":\"yes\"}",
                "{\"agentProvider\":\"claude\",\"dryRun\":1}", "{\"agentProvider\":7}",
                "{\"agentProvider\":\"claude\",\"reason\":[]}"}) {
            mvc.perform(api(patch("/api/groups/" + SampleInstall.OPS_BOT_ID)).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").exists());
        }

        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void alignKindsHoldingNullAre400NamingKinds() throws Exception {
        mvc.perform(api(post("/api/drift/align")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"source\":\"db\",\"kinds\":[null]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kinds"));
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void badFixRequestsAre400() throws Exception {
        mvc.perform(api(post("/api/groups/" + SampleInstall.SUPPORT_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"CLEAR_SESSION_OVERRIDE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sessionId"));
        mvc.perform(api(post("/api/groups/" + SampleInstall.SUPPORT_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"MAKE_IT_WORK\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("fix"));
        mvc.perform(api(post("/api/groups/" + SampleInstall.SCRATCH_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"REFRESH_IDENTITY\"}"))
                .andExpect(status().isOk());
        mvc.perform(api(post("/api/groups/" + SampleInstall.MAIN_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"CREATE_CONFIG_FILE\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void putNeedsIfMatchAndRefusesAStaleVersionWithTheCurrentEtagAndTheOtherChange() throws Exception {
        String path = "/api/groups/" + SampleInstall.FAMILY_ID + "/container-config";
        String original = read("groups/family/container.json");
        String etag = FileVersion.of(original.getBytes()).etag();
        String edited = original.replace("\"ffmpeg\"", "\"ffmpeg\",\n      \"jq\"");

        mvc.perform(api(put(path)).contentType(MediaType.APPLICATION_JSON).content(edited))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:version-required"));

        String afterFirst = mvc.perform(api(put(path)).header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON).content(edited))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.plan.fileChanges[0].diff").value(containsString("+      \"jq\"")))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(read("groups/family/container.json")).contains("\"jq\"");

        mvc.perform(api(put(path)).header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                        .content(original.replace("opencode", "codex")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:stale-version"))
                .andExpect(jsonPath("$.currentEtag").value(afterFirst))
                .andExpect(jsonPath("$.otherChange").value(containsString("+      \"jq\"")))
                .andExpect(jsonPath("$.diff").value(containsString("\"provider\": \"codex\"")));
        assertThat(read("groups/family/container.json")).contains("\"jq\"").contains("opencode");
    }

    @Test
    void invalidDocumentsAreRefusedWithTheirViolations() throws Exception {
        String path = "/api/groups/" + SampleInstall.FAMILY_ID + "/container-config";
        String original = read("groups/family/container.json");
        String etag = FileVersion.of(original.getBytes()).etag();

        mvc.perform(api(put(path)).header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skills\": 5, \"provider\": \"nope\", \"maxMessagesPerPrompt\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-config"))
                .andExpect(jsonPath("$.violations.length()").value(3));
        mvc.perform(api(put(path)).header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"skills\": \"all\",}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-config"));
        assertThat(read("groups/family/container.json")).isEqualTo(original);
    }

    @Test
    void aMergePatchChangesOnlyWhatItNames() throws Exception {
        String original = read("groups/travel/container.json");

        mvc.perform(api(patch("/api/groups/" + SampleInstall.TRAVEL_ID + "/container-config"))
                        .header(HttpHeaders.IF_MATCH, FileVersion.of(original.getBytes()).etag())
                        .contentType("application/merge-patch+json")
                        .content("{\"blockedHosts\": null, \"imageTag\": \"nanoclaw:2\"}"))
                .andExpect(status().isOk());

        String after = read("groups/travel/container.json");
        assertThat(after).doesNotContain("blockedHosts").contains("\"imageTag\": \"nanoclaw:2\"\n}")
                .contains("OLLAMA_HOST");
    }

    @Test
    void historyListsWhatWritesReplacedAndRestoresItByteForByte() throws Exception {
        String original = read("groups/family/container.json");
        mvc.perform(api(patch("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config"))
                .header(HttpHeaders.IF_MATCH, FileVersion.of(original.getBytes()).etag())
                .contentType("application/merge-patch+json").content("{\"imageTag\": \"x\"}"))
                .andExpect(status().isOk());

        String history = mvc.perform(api(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(FileVersion.of(original.getBytes()).value()))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(history, "$[0].id")).longValue();
        mvc.perform(api(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config/history/" + id)))
                .andExpect(jsonPath("$.diffToCurrent").value(containsString("+  \"imageTag\": \"x\"")));
        String viewer = tokens.issue("history-viewer-" + System.nanoTime(), io.nanoclaw.admin.security.Role.VIEWER);
        mvc.perform(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config/history/" + id)
                        .header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isForbidden());

        mvc.perform(api(post("/api/groups/" + SampleInstall.FAMILY_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"RESTORE_CONFIG_VERSION\",\"version\":" + id + "}"))
                .andExpect(status().isOk());
        assertThat(read("groups/family/container.json")).isEqualTo(original);
    }

    @Test
    void aViewerMayNotEdit(@Autowired io.nanoclaw.admin.security.ApiTokenService tokens) throws Exception {
        String viewer = tokens.issue("edit-viewer-" + System.nanoTime(), io.nanoclaw.admin.security.Role.VIEWER);

        mvc.perform(patch("/api/groups/" + SampleInstall.OPS_BOT_ID).header(HttpHeaders.AUTHORIZATION, bearer(viewer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agentProvider\":\"claude\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:forbidden"));
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void aReaderBlockingTheCommitAnswers503AndChangesNothing() throws Exception {
        String before = read("groups/ops-bot/container.json");
        try (Connection nanoclawHost = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = nanoclawHost.createStatement()) {
            String mode;
            try (var rs = statement.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                mode = rs.getString(1);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(!"wal".equalsIgnoreCase(mode),
                    "a reader blocks a commit only in rollback-journal mode");
            statement.execute("BEGIN");
            try (var rs = statement.executeQuery("SELECT COUNT(*) FROM agent_groups")) {
                rs.next(); // holds the SHARED lock, so the writer cannot get EXCLUSIVE at commit
            }

            mvc.perform(api(patch("/api/groups/" + SampleInstall.OPS_BOT_ID)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"agentProvider\":\"claude\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:install-busy"));
            statement.execute("ROLLBACK");
        }
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void aBusyInstallAnswers503AndChangesNothing() throws Exception {
        String before = read("groups/ops-bot/container.json");
        try (Connection nanoclawHost = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = nanoclawHost.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE sessions SET container_status = 'running' WHERE rowid = 1");

            mvc.perform(api(patch("/api/groups/" + SampleInstall.OPS_BOT_ID)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"agentProvider\":\"claude\"}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:install-busy"));
            statement.execute("ROLLBACK");
        }
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(before);
        assertThat(dbProvider(SampleInstall.OPS_BOT_ID)).isEqualTo("codex");
    }

    @Test
    void aFileTooLargeToReadCanStillBeReplacedWithItsEtag() throws Exception {
        java.nio.file.Path file = INSTALL.resolve("groups/family/container.json");
        byte[] huge = ("{\"provider\": \"opencode\", \"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.write(file, huge);

        String etag = mvc.perform(api(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("UNREADABLE"))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo(FileVersion.of(huge).etag());

        mvc.perform(api(put("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config"))
                        .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\": \"opencode\"}"))
                .andExpect(status().isOk());
        assertThat(read("groups/family/container.json")).isEqualTo("{\n  \"provider\": \"opencode\"\n}\n");

        java.nio.file.Files.write(file, huge);
        drift.scan();
        mvc.perform(api(post("/api/groups/" + SampleInstall.FAMILY_ID + "/fixes")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"RESET_CONFIG_FILE\"}"))
                .andExpect(status().isOk());
        assertThat(read("groups/family/container.json")).startsWith("{").hasSizeLessThan(10_000);
    }

    @Test
    void aViewerReadsAMalformedFileWithItsSecretValuesHidden(
            @Autowired io.nanoclaw.admin.security.ApiTokenService tokens) throws Exception {
        java.nio.file.Files.writeString(INSTALL.resolve("groups/family/container.json"),
                "{\"mcpServers\": {\"cal\": {\"command\": \"cal\", \"env\": {\"TOKEN\": \"very-secret-42\"}}},\n");
        String viewer = tokens.issue("raw-viewer-" + System.nanoTime(), io.nanoclaw.admin.security.Role.VIEWER);

        String asViewer = mvc.perform(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config")
                        .header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("MALFORMED"))
                .andExpect(jsonPath("$.secretsMasked").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(asViewer).doesNotContain("very-secret-42").contains("TOKEN");
        mvc.perform(api(get("/api/groups/" + SampleInstall.FAMILY_ID + "/container-config")))
                .andExpect(jsonPath("$.raw").value(containsString("very-secret-42")));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }

}
