package io.nanoclaw.admin.containerconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.nanoclaw.admin.EditableDbEraSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.dbconfig.ContainerConfigRows;
import io.nanoclaw.admin.dbconfig.Materializer;
import io.nanoclaw.admin.dbconfig.RowFileVersion;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;
import io.nanoclaw.admin.change.StaleEditException;

/**
 * The config editor's API on a DB-config era install: GET answers the row, the document the host writes from it and
 * the file, under one version of both; PUT and PATCH store a document in the row and write container.json from the
 * row as the host would, in one unit; every row replaced is kept and can be compared and restored.
 */
class DbEraConfigEditApiTest extends EditableDbEraSampleInstallTest {

    static final String MAIN = "ag-1776160800000-main01";
    static final String OPS_BOT = "ag-1776161200000-legcy1";
    static final String TRAVEL = "ag-1776161000000-envky1";
    static final String BILLING = "ag-1776161400000-badjsn";
    static final String INTAKE = "e2b7c4d1-5f3a-4c8e-9b6d-1a2f3e4d5c6b";
    static final String SCRATCH = "ag-1779096600000-nofile";
    static final String ARCHIVE = "ag-1776161600000-gone02";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ContainerConfigRows rows;

    @Autowired
    ConfigEditService configs;

    @Autowired
    ApiTokenService tokens;

    String viewer;

    @BeforeEach
    void viewerToken() {
        viewer = tokens.issue("db-config-viewer-" + System.nanoTime(), Role.VIEWER);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    Map<String, Object> row(String groupId) {
        return jdbc().queryForMap("SELECT * FROM container_configs WHERE agent_group_id = ?", groupId);
    }

    /** container.json exactly as the host would write it from the group's row as stored now. */
    String materialized(String groupId, String name) {
        return new String(Materializer.materialize(groupId, name, rows.findByGroupId(groupId).orElseThrow()).bytes(),
                StandardCharsets.UTF_8);
    }

    // ---- GET ------------------------------------------------------------------------------------------------------

    @Test
    void getAnswersTheRowTheDocumentTheHostWritesAndAnEtagOfTheRowAndTheFile() throws Exception {
        byte[] file = Files.readAllBytes(INSTALL.resolve("groups/main/container.json"));
        String etag = RowFileVersion.of(rows.findByGroupId(MAIN).orElseThrow(), FileVersion.of(file)).etag();

        mvc.perform(api(get(config(MAIN))))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, etag))
                .andExpect(jsonPath("$.era").value("DB_CONFIG"))
                .andExpect(jsonPath("$.version").value(etag.replace("\"", "")))
                .andExpect(jsonPath("$.fileVersion").value(FileVersion.of(file).value()))
                .andExpect(jsonPath("$.state").value("OK"))
                .andExpect(jsonPath("$.row.image_tag").value("nanoclaw-agent-v2-5e1d7c42:ag-1776160800000-main01"))
                .andExpect(jsonPath("$.row.max_messages_per_prompt").value(20))
                .andExpect(jsonPath("$.row.cli_scope").value("global"))
                .andExpect(jsonPath("$.row.mcp_servers").value(containsString("secret-cal-token")))
                .andExpect(jsonPath("$.document.mcpServers.calendar.env.CAL_TOKEN").value("secret-cal-token"))
                .andExpect(jsonPath("$.document.agentGroupId").value(MAIN))
                .andExpect(jsonPath("$.fileMatchesRow").value(true))
                .andExpect(jsonPath("$.nextSpawnDiff").value(""))
                .andExpect(jsonPath("$.rowProblems").isEmpty())
                .andExpect(jsonPath("$.secretsMasked").value(false));

        mvc.perform(api(get(config(MAIN))).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void viewersSeeTheRowAndTheDocumentWithMcpSecretsMasked() throws Exception {
        MvcResult asViewer = mvc.perform(get(config(MAIN)).header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secretsMasked").value(true))
                .andExpect(jsonPath("$.row.mcp_servers").value(containsString("CAL_TOKEN")))
                .andExpect(jsonPath("$.document.mcpServers.calendar.env.CAL_TOKEN").value(not("secret-cal-token")))
                .andReturn();
        assertThat(asViewer.getResponse().getContentAsString()).doesNotContain("secret-cal-token");
    }

    @Test
    void aHandEditedFileDoesNotMatchTheRowAndTheDiffSaysWhatTheNextSpawnWrites() throws Exception {
        mvc.perform(api(get(config(TRAVEL))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fileMatchesRow").value(false))
                .andExpect(jsonPath("$.unknownKeys").value(hasItem("env")))
                .andExpect(jsonPath("$.file.env.OLLAMA_HOST").exists())
                .andExpect(jsonPath("$.document.env").doesNotExist())
                .andExpect(jsonPath("$.nextSpawnDiff").value(containsString("-  \"env\": {")));
    }

    @Test
    void anInvalidRowIsShownWithItsProblemsAndNoDocument() throws Exception {
        mvc.perform(api(get(config(BILLING))))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(jsonPath("$.document").value(nullValue()))
                .andExpect(jsonPath("$.rowProblems[0]").value(startsWith("mcp_servers is not valid JSON")))
                .andExpect(jsonPath("$.row.mcp_servers").value(containsString("ledger")));
    }

    @Test
    void aGroupWithoutARowHasNoRowAndAnUnknownGroupIs404() throws Exception {
        mvc.perform(api(get(config(INTAKE))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.row").value(nullValue()))
                .andExpect(jsonPath("$.version").value(startsWith("none-")));
        mvc.perform(api(get(config("ag-nope")))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:not-found"));
    }

    // ---- PUT ------------------------------------------------------------------------------------------------------

    @Test
    void putStoresTheDocumentInTheRowAndWritesTheFileExactlyAsTheHostWould() throws Exception {
        String updatedBefore = (String) row(OPS_BOT).get("updated_at");
        ObjectNode document = document(OPS_BOT);
        document.put("model", "claude-opus-4-5");
        document.put("maxMessagesPerPrompt", 30);
        document.putArray("skills").add("agent-browser");
        document.put("cliScope", "disabled");

        MvcResult saved = mvc.perform(api(put(config(OPS_BOT))).header(HttpHeaders.IF_MATCH, etag(OPS_BOT))
                        .contentType(MediaType.APPLICATION_JSON).content(document.toString())
                        .param("reason", "opus for ops"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.plan.dbChanges[*].column").value(org.hamcrest.Matchers.contains("model",
                        "max_messages_per_prompt", "skills", "cli_scope", "updated_at")))
                .andExpect(jsonPath("$.plan.fileChanges[0].diff").value(containsString("+  \"model\": \"claude-opus-4-5\"")))
                .andExpect(jsonPath("$.plan.nextSteps[0]").value(containsString("next spawn")))
                .andReturn();

        Map<String, Object> stored = row(OPS_BOT);
        assertThat(stored.get("model")).isEqualTo("claude-opus-4-5");
        assertThat(((Number) stored.get("max_messages_per_prompt")).longValue()).isEqualTo(30L);
        assertThat(stored.get("skills")).isEqualTo("[\"agent-browser\"]");
        assertThat(stored.get("cli_scope")).isEqualTo("disabled");
        assertThat(stored.get("assistant_name")).as("an unchanged field keeps its column").isEqualTo("Ops Bot");
        assertThat((String) stored.get("updated_at")).isNotEqualTo(updatedBefore)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"));
        assertThat(saved.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag(OPS_BOT));
        mvc.perform(api(get("/api/audit?action=EDIT_CONTAINER_CONFIG&groupId=" + OPS_BOT)))
                .andExpect(jsonPath("$.content[0].reason").value("opus for ops"))
                .andExpect(jsonPath("$.content[0].dbChanges").value(containsString("container_configs.model")));
    }

    @Test
    void theUnchangedDocumentChangesNothingNotEvenAStoredNameEqualToTheGroups() throws Exception {
        mvc.perform(api(put(config(MAIN))).header(HttpHeaders.IF_MATCH, etag(MAIN))
                        .contentType(MediaType.APPLICATION_JSON).content(document(MAIN).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.plan.dbChanges").isEmpty())
                .andExpect(jsonPath("$.plan.fileChanges").isEmpty());
        assertThat(row(MAIN).get("assistant_name")).isEqualTo("Andy");
    }

    @Test
    void aDryRunReturnsThePlanAndWritesNothing() throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        ObjectNode document = document(OPS_BOT);
        document.put("provider", "codex");

        mvc.perform(api(put(config(OPS_BOT))).header(HttpHeaders.IF_MATCH, etag(OPS_BOT)).param("dryRun", "true")
                        .contentType(MediaType.APPLICATION_JSON).content(document.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.plan.dbChanges[0].table").value("CONTAINER_CONFIGS"))
                .andExpect(jsonPath("$.plan.dbChanges[0].after").value("codex"))
                .andExpect(jsonPath("$.plan.fileChanges[0].diff").value(containsString("+  \"provider\": \"codex\"")))
                .andExpect(header().doesNotExist(HttpHeaders.ETAG));

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void keysTheRowCannotHoldAndWrongTypesAreRefusedAndNamed() throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        ObjectNode document = document(TRAVEL);
        document.putObject("env").put("OLLAMA_HOST", "http://host.docker.internal:11434");
        document.putArray("blockedHosts").add("example.org");
        ((ObjectNode) document.get("packages")).putArray("pip").add("numpy");
        document.put("imageTag", 7);
        document.put("skills", 5);

        mvc.perform(api(put(config(TRAVEL))).header(HttpHeaders.IF_MATCH, etag(TRAVEL))
                        .contentType(MediaType.APPLICATION_JSON).content(document.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-config"))
                .andExpect(jsonPath("$.violations").value(hasItem(startsWith(
                        "env: the row has no column for it; NanoClaw would drop it"))))
                .andExpect(jsonPath("$.violations").value(hasItem(startsWith("blockedHosts: the row has no column"))))
                .andExpect(jsonPath("$.violations").value(hasItem(startsWith("packages.pip: the row has no column"))))
                .andExpect(jsonPath("$.violations").value(hasItem(startsWith("imageTag must be a string"))))
                .andExpect(jsonPath("$.violations").value(hasItem(startsWith("skills must be"))));

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void zeroOrNegativeMessagesPerPromptAndAnUnknownCliScopeAreRefusedWithTheReasons() throws Exception {
        Map<String, String> before = SampleInstall.snapshot(INSTALL);

        save(OPS_BOT, document(OPS_BOT).put("maxMessagesPerPrompt", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(startsWith("maxMessagesPerPrompt must be a positive integer")))
                .andExpect(jsonPath("$.violations[0]").value(containsString("reads 0 as its default of 10")));
        save(OPS_BOT, document(OPS_BOT).put("maxMessagesPerPrompt", -5))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(containsString("negative value as no limit")));
        save(OPS_BOT, document(OPS_BOT).put("cliScope", "admin"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(startsWith("cliScope must be one of disabled, group, global")))
                .andExpect(jsonPath("$.violations[0]").value(containsString("global ncl access")));
        save(OPS_BOT, document(OPS_BOT).put("provider", "openai"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(startsWith("provider 'openai' is not a provider")));
        save(OPS_BOT, document(OPS_BOT).put("groupName", "Someone Else"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(startsWith("groupName: the host writes the group's name")));

        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
    }

    @Test
    void aProviderIsStoredAsTheRunnerLooksItUp() throws Exception {
        save(OPS_BOT, document(OPS_BOT).put("provider", "Codex")).andExpect(status().isOk());
        assertThat(row(OPS_BOT).get("provider")).isEqualTo("codex");
        save(OPS_BOT, document(OPS_BOT).put("provider", "")).andExpect(status().isOk());
        assertThat(row(OPS_BOT).get("provider")).as("'' is stored as NULL").isNull();
    }

    @Test
    void withoutIfMatchTheAnswerIs428AndAViewerGets403() throws Exception {
        mvc.perform(api(put(config(OPS_BOT))).contentType(MediaType.APPLICATION_JSON).content(document(OPS_BOT).toString()))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:version-required"));
        mvc.perform(put(config(OPS_BOT)).header(HttpHeaders.AUTHORIZATION, bearer(viewer))
                        .header(HttpHeaders.IF_MATCH, etag(OPS_BOT))
                        .contentType(MediaType.APPLICATION_JSON).content(document(OPS_BOT).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(patch(config(OPS_BOT)).header(HttpHeaders.AUTHORIZATION, bearer(viewer))
                        .header(HttpHeaders.IF_MATCH, etag(OPS_BOT))
                        .contentType("application/merge-patch+json").content("{\"model\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(config(OPS_BOT) + "/history").header(HttpHeaders.AUTHORIZATION, bearer(viewer)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:forbidden"));
    }

    @Test
    void anUnknownGroupIs404AndAGroupWithoutARowIs409NamingCreateConfigRow() throws Exception {
        mvc.perform(api(put(config("ag-nope"))).header(HttpHeaders.IF_MATCH, "\"x\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        mvc.perform(api(put(config(INTAKE))).header(HttpHeaders.IF_MATCH, etag(INTAKE))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"provider\":\"claude\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:edit-refused"))
                .andExpect(jsonPath("$.detail").value(containsString("CREATE_CONFIG_ROW")));
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM container_configs WHERE agent_group_id = ?",
                Integer.class, INTAKE)).isZero();
    }

    @Test
    void aStaleIfMatchIs412WithTheCurrentEtagTheOtherWritersChangeAndTheDiff() throws Exception {
        String read = etag(OPS_BOT);
        save(OPS_BOT, document(OPS_BOT).put("model", "first-writer"), read).andExpect(status().isOk());

        mvc.perform(api(put(config(OPS_BOT))).header(HttpHeaders.IF_MATCH, read)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(document(OPS_BOT).put("model", "second-writer").put("effort", "high").toString()))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string(HttpHeaders.ETAG, etag(OPS_BOT)))
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:stale-version"))
                .andExpect(jsonPath("$.currentEtag").value(etag(OPS_BOT)))
                .andExpect(jsonPath("$.otherChange").value(containsString("+  \"model\": \"first-writer\"")))
                .andExpect(jsonPath("$.diff").value(containsString("+  \"effort\": \"high\"")));
        assertThat(row(OPS_BOT).get("model")).isEqualTo("first-writer");
    }

    @Test
    void aChangeByAnotherWriterOutsideOurHistoryIsStaleWithoutAnOtherChange() throws Exception {
        jdbc().update("UPDATE container_configs SET effort = ? WHERE agent_group_id = ?", "e" + System.nanoTime(),
                OPS_BOT);
        String read = etag(OPS_BOT);
        jdbc().update("UPDATE container_configs SET model = 'by-ncl' WHERE agent_group_id = ?", OPS_BOT);

        save(OPS_BOT, document(OPS_BOT).put("effort", "low"), read)
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.otherChange").value(nullValue()))
                .andExpect(jsonPath("$.currentEtag").value(etag(OPS_BOT)));
    }

    @Test
    void aRowWhoseGroupHasNoFileYetGetsItsFileWrittenAndAMissingFolderIsRefused() throws Exception {
        String etag = etag(SCRATCH);
        assertThat(etag).endsWith("-absent\"");
        save(SCRATCH, document(SCRATCH).put("effort", "low"), etag).andExpect(status().isOk());
        assertThat(read("groups/scratch/container.json")).isEqualTo(materialized(SCRATCH, "Scratch"));

        mvc.perform(api(put(config(ARCHIVE))).header(HttpHeaders.IF_MATCH, etag(ARCHIVE))
                        .contentType(MediaType.APPLICATION_JSON).content(document(ARCHIVE).toString()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("FOLDER_MISSING")));
    }

    // ---- PATCH ----------------------------------------------------------------------------------------------------

    @Test
    void aMergePatchChangesTheDocumentAndTheCliScope() throws Exception {
        mvc.perform(api(patch(config(MAIN))).header(HttpHeaders.IF_MATCH, etag(MAIN))
                        .contentType("application/merge-patch+json")
                        .content("{\"effort\":\"high\",\"maxMessagesPerPrompt\":null,\"cliScope\":\"group\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(header().exists(HttpHeaders.ETAG));

        Map<String, Object> stored = row(MAIN);
        assertThat(stored.get("effort")).isEqualTo("high");
        assertThat(stored.get("max_messages_per_prompt")).isNull();
        assertThat(stored.get("cli_scope")).isEqualTo("group");
        assertThat(stored.get("mcp_servers")).asString().contains("secret-cal-token");
        assertThat(read("groups/main/container.json")).isEqualTo(materialized(MAIN, "Andy"));

        mvc.perform(api(patch(config(MAIN))).header(HttpHeaders.IF_MATCH, etag(MAIN))
                        .contentType("application/merge-patch+json").content("{\"env\":{\"A\":\"b\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0]").value(startsWith("env: the row has no column")));
    }

    // ---- concurrency and failure ----------------------------------------------------------------------------------

    @RepeatedTest(3)
    void twoWritersAtOnceOneWinsAndTheOtherGetsAStaleVersion() throws Exception {
        FileVersion read = FileVersion.fromEtag(etag(OPS_BOT));
        String[] edits = {document(OPS_BOT).put("model", "writer-one").toString(),
                document(OPS_BOT).put("model", "writer-two").toString()};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String edit : edits) {
                Callable<String> save = () -> {
                    start.await();
                    try {
                        configs.replace(OPS_BOT, edit, read, false, "race");
                        return "saved";
                    } catch (StaleEditException e) {
                        return "stale";
                    }
                };
                outcomes.add(threads.submit(save));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).containsExactlyInAnyOrder("saved", "stale");
            Object model = row(OPS_BOT).get("model");
            assertThat(model).isIn("writer-one", "writer-two");
            assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"))
                    .contains("\"model\": \"" + model + "\"");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNanoclawWriterHoldingTheLockGives503AndNothingChanges() throws Exception {
        String etag = etag(OPS_BOT);
        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        try (Connection nanoclawHost = DriverManager.getConnection("jdbc:sqlite:" + INSTALL.resolve("data/v2.db"));
                Statement statement = nanoclawHost.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE sessions SET container_status = 'running' WHERE rowid = 1");

            save(OPS_BOT, document(OPS_BOT).put("model", "blocked"), etag)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:install-busy"));
            statement.execute("ROLLBACK");
        }
        assertThat(SampleInstall.snapshot(INSTALL)).isEqualTo(before);
        assertThat(row(OPS_BOT).get("model")).isNull();
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    @Test
    void everyReplacedRowIsKeptAndCanBeComparedAndRestoredPlanFirst() throws Exception {
        Map<String, Object> original = row(OPS_BOT);
        int kept = history(OPS_BOT).size();
        save(OPS_BOT, document(OPS_BOT).put("model", "kept-one")).andExpect(status().isOk());
        save(OPS_BOT, document(OPS_BOT).put("model", "kept-two").put("cliScope", "global")).andExpect(status().isOk());

        JsonNode list = history(OPS_BOT);
        assertThat(list.size()).isEqualTo(kept + 2);
        JsonNode newest = list.get(0);
        assertThat(newest.get("action").stringValue()).isEqualTo("EDIT_CONTAINER_CONFIG");
        assertThat(newest.get("changedColumns").toString()).contains("model", "cli_scope", "updated_at");
        long firstVersion = list.get(1).get("id").longValue();

        mvc.perform(api(get(config(OPS_BOT) + "/history/" + firstVersion)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.row.model").value(nullValue()))
                .andExpect(jsonPath("$.row.updated_at").value(original.get("updated_at")))
                .andExpect(jsonPath("$.document").value(containsString("\"agentGroupId\": \"" + OPS_BOT + "\"")))
                .andExpect(jsonPath("$.diffToCurrent").value(containsString("+  \"model\": \"kept-two\"")))
                .andExpect(jsonPath("$.diffToCurrent").value(containsString("+  \"cliScope\": \"global\"")));

        Map<String, String> before = SampleInstall.snapshot(INSTALL);
        mvc.perform(api(post(config(OPS_BOT) + "/history/" + firstVersion + "/restore")).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.plan.action").value("RESTORE_CONFIG_ROW_VERSION"))
                .andExpect(jsonPath("$.plan.dbChanges[0].column").value("model"))
                .andExpect(jsonPath("$.plan.dbChanges[0].after").value(nullValue()));
        assertThat(SampleInstall.snapshot(INSTALL)).as("a dry run writes nothing").isEqualTo(before);

        mvc.perform(api(post(config(OPS_BOT) + "/history/" + firstVersion + "/restore")).param("reason", "undo"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));
        Map<String, Object> restored = row(OPS_BOT);
        assertThat(restored.get("model")).isNull();
        assertThat(restored.get("cli_scope")).isEqualTo(original.get("cli_scope"));
        assertThat(read("groups/ops-bot/container.json")).isEqualTo(materialized(OPS_BOT, "Ops Bot"));
        assertThat(history(OPS_BOT).size()).as("the restore kept the row it replaced").isEqualTo(kept + 3);
        mvc.perform(api(get("/api/audit?action=RESTORE_CONFIG_ROW_VERSION&groupId=" + OPS_BOT)))
                .andExpect(jsonPath("$.content[0].reason").value("undo"));

        mvc.perform(api(get(config(OPS_BOT) + "/history/999999"))).andExpect(status().isBadRequest());
    }

    @Test
    void aFixThatChangesTheRowIsKeptInTheHistoryToo() throws Exception {
        int kept = history(OPS_BOT).size();
        mvc.perform(api(patch("/api/groups/" + OPS_BOT)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agentProvider\":\"codex\"}"))
                .andExpect(status().isOk());

        JsonNode list = history(OPS_BOT);
        assertThat(list.size()).isEqualTo(kept + 1);
        assertThat(list.get(0).get("action").stringValue()).isEqualTo("SET_GROUP_PROVIDER");
    }

    // ---- repairing the sample's invalid row -------------------------------------------------------------------------

    @Test
    void theInvalidBillingRowIsRepairedThroughTheEditorAndTheRescanFindsNoInvalidRow() throws Exception {
        assertThat(drift.scan().findings()).extracting(Finding::kind).contains(FindingKind.CONFIG_ROW_INVALID);
        mvc.perform(api(patch(config(BILLING))).header(HttpHeaders.IF_MATCH, etag(BILLING))
                        .contentType("application/merge-patch+json").content("{\"model\":\"x\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("PUT the whole document")));

        ObjectNode repaired = JSON.readValue(read("groups/billing/container.json"), ObjectNode.class);
        repaired.putObject("mcpServers").putObject("ledger").put("command", "npx").putArray("args").add("-y")
                .add("ledger-mcp");
        save(BILLING, repaired).andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.dbChanges[0].column").value("mcp_servers"))
                .andExpect(jsonPath("$.group.status").value(not("BROKEN")));

        assertThat(row(BILLING).get("mcp_servers")).isEqualTo("{\"ledger\":{\"command\":\"npx\",\"args\":[\"-y\",\"ledger-mcp\"]}}");
        assertThat(read("groups/billing/container.json")).isEqualTo(materialized(BILLING, "Billing"));
        assertThat(drift.scan().findings()).extracting(Finding::kind).doesNotContain(FindingKind.CONFIG_ROW_INVALID);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String config(String groupId) {
        return "/api/groups/" + groupId + "/container-config";
    }

    private String etag(String groupId) throws Exception {
        return mvc.perform(api(get(config(groupId)))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    }

    /** The document the host writes from the group's row now, as GET gives it. */
    private ObjectNode document(String groupId) throws Exception {
        String body = mvc.perform(api(get(config(groupId)))).andReturn().getResponse().getContentAsString();
        return (ObjectNode) JSON.readTree(body).get("document");
    }

    private JsonNode history(String groupId) throws Exception {
        return JSON.readTree(mvc.perform(api(get(config(groupId) + "/history"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions save(String groupId, ObjectNode document) throws Exception {
        return save(groupId, document, etag(groupId));
    }

    private org.springframework.test.web.servlet.ResultActions save(String groupId, ObjectNode document, String etag)
            throws Exception {
        return mvc.perform(api(put(config(groupId))).header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON).content(document.toString()));
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
