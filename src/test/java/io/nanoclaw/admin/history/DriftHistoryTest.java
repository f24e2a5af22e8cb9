package io.nanoclaw.admin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/** Drift over time: points per scan and change, first-seen times that survive rescans, a group's timeline. */
class DriftHistoryTest extends EditableSampleInstallTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("adminJdbcOperations")
    NamedParameterJdbcTemplate admin;

    @Test
    void everyScanAndEveryChangeThatMovesTheCountsIsAPointOldestFirst() throws Exception {
        JsonNode before = points();
        JsonNode last = before.get(before.size() - 1);
        int aligned = last.get("groups").get("ALIGNED").asInt();
        int errors = last.get("findings").get("ERROR").asInt();
        assertThat(last.get("groups").propertyNames()).containsExactly("ALIGNED", "DRIFTED", "BROKEN");
        assertThat(last.get("findings").propertyNames()).containsExactly("ERROR", "WARNING", "INFO");

        mvc.perform(api(post("/api/groups/" + SampleInstall.OPS_BOT_ID + "/fixes"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"fix\":\"ALIGN_FROM_DB\"}")).andExpect(status().isOk());

        JsonNode after = points();
        assertThat(after.size()).isEqualTo(before.size() + 1);
        JsonNode newest = after.get(after.size() - 1);
        assertThat(newest.get("groups").get("ALIGNED").asInt()).isEqualTo(aligned + 1);
        assertThat(newest.get("findings").get("ERROR").asInt()).isEqualTo(errors - 1);
        for (int i = 1; i < after.size(); i++) {
            assertThat(Instant.parse(after.get(i).get("at").stringValue()))
                    .isAfterOrEqualTo(Instant.parse(after.get(i - 1).get("at").stringValue()));
        }
        mvc.perform(api(get("/api/drift/history")).param("from", Instant.now().plusSeconds(60).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(api(get("/api/drift/history")).param("to", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("to"));
        mvc.perform(api(get("/api/drift/history")).param("from", "2000-01-01T00:00:00Z")
                        .param("to", "2000-01-02T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.points").isEmpty());
    }

    @Test
    void aFindingKeepsItsFirstSeenTimeAcrossRescansAndTheTimelineShowsItResolvedByOurChange() throws Exception {
        Instant firstSeen = opsBotMismatchSince();
        assertThat(firstSeen).isNotNull();
        drift.scan();
        assertThat(opsBotMismatchSince()).as("a rescan finds the same finding").isEqualTo(firstSeen);

        mvc.perform(api(post("/api/groups/" + SampleInstall.OPS_BOT_ID + "/fixes"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fix\":\"ALIGN_FROM_DB\",\"reason\":\"history test\"}"))
                .andExpect(status().isOk());

        assertThat(opsBotMismatchSince()).as("no longer standing").isNull();
        JsonNode timeline = JSON.readTree(body(get("/api/groups/" + SampleInstall.OPS_BOT_ID + "/timeline")));
        List<String> kinds = timeline.valueStream().map(e -> e.get("kind").stringValue()).toList();
        assertThat(kinds).contains("FINDING_RESOLVED", "CHANGED_HERE", "FINDING_APPEARED");
        assertThat(timeline.valueStream().filter(e -> e.get("kind").stringValue().equals("CHANGED_HERE")).findFirst()
                .orElseThrow().get("who").stringValue()).isEqualTo("token:admin-env");
        mvc.perform(api(get("/api/groups/ag-nope/timeline"))).andExpect(status().isNotFound());
    }

    @Test
    void aChangeMadeOnDiskIsOnTheTimelineAsChangedOutside() throws Exception {
        Path opsBot = INSTALL.resolve("groups/ops-bot/container.json");
        Files.writeString(opsBot, Files.readString(opsBot).replaceFirst("\\{", "{\n  \"provider\": \"codex\","));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                body(get("/api/groups/" + SampleInstall.OPS_BOT_ID + "/timeline")).contains("CHANGED_OUTSIDE"));
        assertThat(body(get("/api/groups/" + SampleInstall.OPS_BOT_ID + "/timeline")))
                .contains("Changed outside NanoClaw Admin: DRIFTED → ALIGNED");
    }

    @Test
    void pointsAndResolvedFindingsOlderThanTheRetentionAreDeletedAtTheNextScan() throws Exception {
        Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
        admin.update("INSERT INTO drift_points (at, cause, groups_aligned, groups_drifted, groups_broken, findings_error,"
                + " findings_warning, findings_info) VALUES (:at, 'FULL_SCAN', 1, 1, 1, 1, 1, 1)",
                new MapSqlParameterSource("at", old));
        admin.update("INSERT INTO finding_history (finding_key, kind, severity, message, first_seen, resolved_at)"
                + " VALUES ('OLD|x', 'ORPHAN_FOLDER', 'INFO', 'old', :at, :at)", new MapSqlParameterSource("at", old));

        drift.scan();

        assertThat(admin.queryForObject("SELECT COUNT(*) FROM drift_points WHERE at <= :at",
                new MapSqlParameterSource("at", old), Integer.class)).isZero();
        assertThat(admin.queryForObject("SELECT COUNT(*) FROM finding_history WHERE finding_key = 'OLD|x'",
                new MapSqlParameterSource(), Integer.class)).isZero();
    }

    @Test
    void theDashboardDrawsTheSeriesAndSaysSinceWhenEachFindingStands() throws Exception {
        String svg = mvc.perform(get("/drift/history.svg").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("image/svg+xml"))
                .andReturn().getResponse().getContentAsString();
        assertThat(svg).startsWith("<svg").contains("<polyline").contains("Groups by status")
                .contains("Findings by severity");
        String dashboard = mvc.perform(get("/").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("viewer").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(dashboard).contains("id=\"drift-chart\"").containsPattern("class=\"muted since\">\\s*<time");
    }

    private Instant opsBotMismatchSince() throws Exception {
        JsonNode standing = JSON.readTree(body(get("/api/drift/standing")));
        return standing.valueStream().filter(f -> SampleInstall.OPS_BOT_ID.equals(f.path("groupId").stringValue(null))
                        && f.get("kind").stringValue().equals("GROUP_PROVIDER_MISMATCH"))
                .map(f -> Instant.parse(f.get("firstSeen").stringValue())).findFirst().orElse(null);
    }

    private JsonNode points() throws Exception {
        return JSON.readTree(body(get("/api/drift/history").param("from", Instant.now().minus(Duration.ofDays(1))
                .toString()))).get("points");
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(api(request)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, bearer(OPERATOR_TOKEN));
    }
}
