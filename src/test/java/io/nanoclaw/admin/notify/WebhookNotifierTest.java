package io.nanoclaw.admin.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.EditableSampleInstallTest;
import io.nanoclaw.admin.SampleInstall;

/**
 * Webhook notifications against a receiver the test starts on 127.0.0.1: a group that breaks and is fixed is told,
 * failed tries are retried with backoff, each delivery (made or given up) is audited, and the Slack form works.
 */
class WebhookNotifierTest extends EditableSampleInstallTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookSettings settings;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("adminJdbcOperations")
    NamedParameterJdbcTemplate admin;

    HttpServer receiver;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile int failFirst;
    final java.util.Map<String, Integer> triesOf = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The first tries of each kind of event fail, so every delivery is retried alike.
            String event = JSON.readTree(body).path("event").stringValue("slack");
            if (triesOf.merge(event, 1, Integer::sum) <= failFirst) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                bodies.add(new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        settings.reset();
        receiver.stop(0);
    }

    @Test
    void aGroupThatBreaksAndIsFixedIsToldWithRetriesAndEachDeliveryIsAudited() throws Exception {
        failFirst = 2;
        settings.set(url(), "json");
        Path research = INSTALL.resolve("groups/research/container.json");
        String original = Files.readString(research);

        Files.writeString(research, "{\"provider\": \"codex\",\n");

        JsonNode broken = await().atMost(Duration.ofSeconds(8)).until(() -> body("GROUP_BROKEN"), b -> b != null);
        assertThat(broken.get("group").get("id").stringValue()).isEqualTo("ag-1776160900000-codex1");
        assertThat(broken.get("group").get("folder").stringValue()).isEqualTo("research");
        assertThat(broken.get("group").get("status").stringValue()).isEqualTo("BROKEN");
        assertThat(broken.get("finding").get("severity").stringValue()).isEqualTo("ERROR");
        JsonNode malformed = await().atMost(Duration.ofSeconds(5)).until(() -> bodies.stream().map(JSON::readTree)
                .filter(b -> b.path("event").stringValue("").equals("NEW_ERROR")
                        && b.path("finding").path("kind").stringValue("").equals("CONFIG_FILE_MALFORMED"))
                .findFirst().orElse(null), b -> b != null);
        assertThat(malformed.get("summary").stringValue()).isNotBlank();
        assertThat(triesOf.get("GROUP_BROKEN")).as("two failed tries before the delivery").isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> audited("NOTIFY_DELIVERED", "GROUP_BROKEN"),
                summary -> summary != null && summary.contains("after 3 attempt(s)"));

        Files.writeString(research, original);
        JsonNode fixed = await().atMost(Duration.ofSeconds(8)).until(() -> body("GROUP_FIXED"), b -> b != null);
        assertThat(fixed.get("group").get("status").stringValue()).isEqualTo("ALIGNED");
        assertThat(fixed.get("group").get("previousStatus").stringValue()).isEqualTo("BROKEN");
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAndAuditedAsFailed() throws Exception {
        failFirst = Integer.MAX_VALUE;
        settings.set(url(), "slack");
        Path research = INSTALL.resolve("groups/research/container.json");
        Files.writeString(research, "[]\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> audited("NOTIFY_FAILED", "GROUP_BROKEN"),
                summary -> summary != null && summary.contains("given up after 5 attempt(s); last: HTTP 500"));
        assertThat(bodies).isEmpty();
    }

    @Test
    void theSlackFormIsOneLineOfTextAndThePageSendsATest() throws Exception {
        settings.set(url(), "slack");
        mvc.perform(post("/notifications/test").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String sent = await().atMost(Duration.ofSeconds(5)).until(() -> bodies.isEmpty() ? null : bodies.get(0),
                b -> b != null);
        assertThat(JSON.readTree(sent).propertyNames()).containsExactly("text");
        assertThat(JSON.readTree(sent).get("text").stringValue()).startsWith("NanoClaw Admin: TEST");
    }

    @Test
    void thePageIsForOperatorsAndExplainsABadUrlWithoutSavingIt() throws Exception {
        mvc.perform(get("/notifications").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
        String page = mvc.perform(post("/notifications").param("webhookUrl", "ftp://example.org/x").param("format", "json")
                        .with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"problem\"").contains("must be http:// or https://");
        assertThat(settings.current().on()).isFalse();

        mvc.perform(post("/notifications").param("webhookUrl", url() + "?token=s3cret-value").param("format", "json")
                .with(user("op").roles("OPERATOR")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/notifications").with(user("op").roles("OPERATOR"))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"webhook-url\"").doesNotContain("s3cret-value");
        assertThat(audited("SET_WEBHOOK", "Webhook")).doesNotContain("s3cret-value");
    }

    private JsonNode body(String event) {
        return bodies.stream().map(JSON::readTree).filter(b -> event.equals(b.path("event").stringValue(null)))
                .findFirst().orElse(null);
    }

    private String audited(String action, String containing) {
        return admin.queryForList("SELECT summary FROM audit_events WHERE action = :action ORDER BY id DESC",
                new MapSqlParameterSource("action", action), String.class).stream()
                .filter(summary -> summary.contains(containing)).findFirst().orElse(null);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }
}
