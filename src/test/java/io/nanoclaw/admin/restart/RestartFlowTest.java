package io.nanoclaw.admin.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.groups.GroupService;
import io.nanoclaw.admin.security.ApiTokenService;
import io.nanoclaw.admin.security.Role;

/**
 * "Restart now" end to end on an attached copy of the DB-era sample, with a stand-in host listening on the copy's own
 * {@code data/ncl.sock} (started by the tests that need one, stopped after each).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Timeout(60)
class RestartFlowTest {

    static final String OPERATOR_TOKEN = "restart-operator-token";
    static final String OPS_BOT = "ag-1776161200000-legcy1";
    static final Path INSTALL;
    static final Path SOCKET;

    static {
        try {
            Path temp = Files.createTempDirectory("nanoclaw-admin-restart");
            INSTALL = SampleInstall.copyDbEraTo(temp.resolve("install"));
            SOCKET = INSTALL.resolve("data/ncl.sock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void attachToTheCopy(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", INSTALL::toString);
        registry.add("nanoclaw.data-dir", () -> INSTALL.resolveSibling("data").toString());
        registry.add("nanoclaw.admin.token", () -> OPERATOR_TOKEN);
        registry.add("nanoclaw.scan-interval", () -> "1h");
        registry.add("nanoclaw.host-socket-timeout", () -> "1s");
    }

    /** Renders the fragment exactly as the group page includes it. */
    @TestConfiguration
    static class FragmentPageConfig {
        @Bean
        FragmentPage restartFragmentPage(GroupService groups) {
            return new FragmentPage(groups);
        }
    }

    @Controller
    static class FragmentPage {
        private final GroupService groups;

        FragmentPage(GroupService groups) {
            this.groups = groups;
        }

        @GetMapping("/test/restart-fragment/{id}")
        String page(@PathVariable String id, Model model) {
            model.addAttribute("group", groups.get(id));
            return "restart-test/group-page";
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenService tokens;

    FakeHost host;

    @AfterEach
    void stopTheHost() throws Exception {
        if (host != null) {
            host.close();
            host = null;
        }
        Files.deleteIfExists(SOCKET);
    }

    @Test
    void restartsThroughTheHostsSocketAndRecordsItsAnswer() throws Exception {
        host = FakeHost.listen(SOCKET).answering(FakeHost.ok("{\"restarted\":2,\"rebuilt\":false}"));
        Map<String, String> groupsBefore = SampleInstall.snapshot(INSTALL.resolve("groups"));
        String reason = unique("new model");

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":\"Check that the new tool works.\",\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupId").value(OPS_BOT))
                .andExpect(jsonPath("$.folder").value("ops-bot"))
                .andExpect(jsonPath("$.restarted").value(2))
                .andExpect(jsonPath("$.rebuilt").value(false))
                .andExpect(jsonPath("$.messageSent").value(true))
                .andExpect(jsonPath("$.sentence").value("Stopped 2 container(s) of ops-bot. They come back at once"
                        + " and the new agent reads your message first."));

        JsonNode frame = json.readTree(host.nextRequest());
        assertThat(frame.get("command").stringValue()).isEqualTo("groups-restart");
        assertThat(frame.get("args").propertyNames()).containsExactly("id", "message");
        assertThat(frame.get("args").get("id").stringValue()).isEqualTo(OPS_BOT);
        assertThat(frame.get("args").get("message").stringValue()).isEqualTo("Check that the new tool works.");

        JsonNode event = eventWithReason(reason);
        assertThat(event.get("action").stringValue()).isEqualTo("RESTART_GROUP");
        assertThat(event.get("groupId").stringValue()).isEqualTo(OPS_BOT);
        assertThat(event.get("folder").stringValue()).isEqualTo("ops-bot");
        assertThat(event.get("actor").stringValue()).isEqualTo("token:admin-env");
        assertThat(event.get("summary").stringValue()).contains("Stopped 2 container(s)")
                .contains("\"restarted\":2").contains("Check that the new tool works.");
        assertThat(event.get("dbChanges").isNull()).isTrue();
        assertThat(event.get("fileDiff").isNull()).isTrue();
        assertThat(SampleInstall.snapshot(INSTALL.resolve("groups"))).isEqualTo(groupsBefore);
    }

    @Test
    void withoutABodyNoMessageIsSent() throws Exception {
        host = FakeHost.listen(SOCKET).answering(FakeHost.ok("{\"restarted\":1,\"rebuilt\":false}"));

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messageSent").value(false))
                .andExpect(jsonPath("$.sentence").value("Stopped 1 container(s) of ops-bot. With no message they come"
                        + " back at the next inbound message."));

        assertThat(json.readTree(host.nextRequest()).get("args").propertyNames()).containsExactly("id");
    }

    @Test
    void withNoHostItIs409HostNotRunningAndNothingIsRecorded() throws Exception {
        String reason = unique("no host");

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:host-not-running"))
                .andExpect(jsonPath("$.title").value("NanoClaw's host is not running"))
                .andExpect(jsonPath("$.detail").value(containsString("next spawn")));

        assertThat(eventsWithReason(reason)).isEmpty();
    }

    @Test
    void aStaleSocketLeftByACrashIsHostNotRunningToo() throws Exception {
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(SOCKET));
        }

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:host-not-running"));
    }

    @Test
    void aRefusalIs409HostRefusedWithTheHostsCodeAndMessage() throws Exception {
        host = FakeHost.listen(SOCKET).answering(FakeHost.refuse("handler-error", "No packages to install"));
        String reason = unique("refused");

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:host-refused"))
                .andExpect(jsonPath("$.code").value("handler-error"))
                .andExpect(jsonPath("$.message").value("No packages to install"))
                .andExpect(jsonPath("$.detail").value(containsString("No packages to install")));

        assertThat(host.received()).hasSize(1);
        assertThat(eventsWithReason(reason)).isEmpty();
    }

    @Test
    void aHostThatDoesNotAnswerIs502AndTheAttemptIsRecorded() throws Exception {
        host = FakeHost.listen(SOCKET).hanging();
        String reason = unique("hang");

        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:host-no-answer"))
                .andExpect(jsonPath("$.requestSent").value(true))
                .andExpect(jsonPath("$.detail").value(containsString("did not answer within 1 s")));

        assertThat(eventWithReason(reason).get("action").stringValue()).isEqualTo("RESTART_GROUP:NO_ANSWER");
    }

    @Test
    void aViewerTokenMayNotRestart() throws Exception {
        host = FakeHost.listen(SOCKET);
        String viewer = tokens.issue(unique("restart-viewer"), Role.VIEWER);

        mvc.perform(post("/api/groups/" + OPS_BOT + "/restart").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:forbidden"));

        assertThat(host.received()).isEmpty();
    }

    @Test
    void anUnknownGroupIs404AndNothingIsSent() throws Exception {
        host = FakeHost.listen(SOCKET);

        mvc.perform(api(post("/api/groups/ag-nope/restart")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:not-found"));

        assertThat(host.received()).isEmpty();
    }

    @Test
    void aBadMessageIs400AndNothingIsSent() throws Exception {
        host = FakeHost.listen(SOCKET);

        for (String body : List.of("{\"message\":\"" + "x".repeat(2001) + "\"}", "{\"message\":42}",
                "{\"message\":\"a\\u0000b\"}", "{\"reason\":[\"why\"]}", "[\"message\"]")) {
            mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:nanoclaw-admin:problem:invalid-request"));
        }
        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":42}"))
                .andExpect(jsonPath("$.field").value("message"));

        assertThat(host.received()).isEmpty();
    }

    @Test
    void theAuditFilterFindsRestarts() throws Exception {
        host = FakeHost.listen(SOCKET).answering(FakeHost.ok("{\"restarted\":0,\"rebuilt\":false}"));
        String reason = unique("filter");
        mvc.perform(api(post("/api/groups/" + OPS_BOT + "/restart")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + reason + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restarted").value(0));

        JsonNode page = json.readTree(mvc.perform(api(get("/api/audit")).param("action", "RESTART_GROUP")
                        .param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> actions = new ArrayList<>();
        page.get("content").forEach(e -> actions.add(e.get("action").stringValue()));
        assertThat(actions).isNotEmpty().allMatch(action -> action.startsWith("RESTART_GROUP"));
        assertThat(page.get("content").get(0).get("reason").stringValue()).isEqualTo(reason);
    }

    @Test
    void theFormRestartsAndAnswersOnTheGroupPage() throws Exception {
        host = FakeHost.listen(SOCKET).answering(FakeHost.ok("{\"restarted\":1,\"rebuilt\":false}"));

        mvc.perform(post("/groups/" + OPS_BOT + "/restart").param("message", "").param("reason", unique("form"))
                        .with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/groups/" + OPS_BOT))
                .andExpect(flash().attribute("notice", "Stopped 1 container(s) of ops-bot. With no message they come"
                        + " back at the next inbound message."))
                .andExpect(flash().attribute("noticeDetails", hasItem(startsWith("NanoClaw stops only the containers"))));

        assertThat(json.readTree(host.nextRequest()).get("args").propertyNames()).containsExactly("id");
    }

    @Test
    void theFormSaysSoWhenTheHostIsNotRunning() throws Exception {
        mvc.perform(post("/groups/" + OPS_BOT + "/restart").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/groups/" + OPS_BOT))
                .andExpect(flash().attribute("problem", containsString("not running")));
    }

    @Test
    void theFormNeedsAnOperatorAndCsrf() throws Exception {
        host = FakeHost.listen(SOCKET);

        mvc.perform(post("/groups/" + OPS_BOT + "/restart").with(user("v").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/groups/" + OPS_BOT + "/restart").with(user("op").roles("OPERATOR")))
                .andExpect(status().isForbidden());

        assertThat(host.received()).isEmpty();
    }

    @Test
    void theFragmentOffersTheFormWhileTheHostRuns() throws Exception {
        host = FakeHost.listen(SOCKET);

        String html = mvc.perform(get("/test/restart-fragment/" + OPS_BOT).with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"restart-form\"").contains("action=\"/groups/" + OPS_BOT + "/restart\"")
                .contains("name=\"_csrf\"").contains("name=\"message\"").contains("name=\"reason\"")
                .doesNotContain("id=\"host-not-running\"");
        assertThat(host.received()).as("the check sends nothing").isEmpty();
    }

    @Test
    void theFragmentHasNoButtonWhenTheHostIsNotRunning() throws Exception {
        String html = mvc.perform(get("/test/restart-fragment/" + OPS_BOT).with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("NanoClaw's host is not running here: changes take effect at the next spawn.")
                .doesNotContain("restart-form").doesNotContain("<button");
    }

    @Test
    void aViewerSeesNoForm() throws Exception {
        host = FakeHost.listen(SOCKET);

        String html = mvc.perform(get("/test/restart-fragment/" + OPS_BOT).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"restart\"").doesNotContain("restart-form");
    }

    @Test
    void theApiDocumentsTheRestart() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/groups/{id}/restart'].post.summary")
                        .value("Restart the group's running containers now"))
                .andExpect(jsonPath("$.paths['/api/groups/{id}/restart'].post.responses['409']").exists());
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN);
    }

    private JsonNode eventWithReason(String reason) throws Exception {
        List<JsonNode> events = eventsWithReason(reason);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private List<JsonNode> eventsWithReason(String reason) throws Exception {
        JsonNode page = json.readTree(mvc.perform(api(get("/api/audit")).param("groupId", OPS_BOT)
                        .param("size", "200"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> events = new ArrayList<>();
        page.get("content").forEach(event -> {
            if (reason.equals(event.path("reason").stringValue(null))) {
                events.add(event);
            }
        });
        return events;
    }

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
