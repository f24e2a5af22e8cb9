package io.nanoclaw.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.restart.FakeHost;

/**
 * An operator, in a real (headless Chromium) browser, restarts a group of a DB-config era install through NanoClaw's
 * host: a stand-in host listens on the install's own {@code data/ncl.sock} for each test (but the one marked
 * {@link NoHostRunning}), started once the service is up, since the group page asks the socket while it renders.
 */
@Timeout(90)
class OperatorRestartsADbEraGroupBrowserTest extends DbEraBrowserTest {

    static final String OPS_BOT_ID = "ag-1776161200000-legcy1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration STOP_WITHIN = Duration.ofSeconds(15);

    /** This test runs with no host listening on the socket. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface NoHostRunning {
    }

    FakeHost host;

    @BeforeEach
    void startTheHostAndLogIn(TestInfo test) throws IOException {
        Files.deleteIfExists(socket());
        if (test.getTestMethod().map(method -> !method.isAnnotationPresent(NoHostRunning.class)).orElse(true)) {
            host = FakeHost.listen(socket()).answering(FakeHost.ok("{\"restarted\":1,\"rebuilt\":false}"));
        }
        LoginPage.open(driver, baseUrl()).logInAs("admin", PASSWORD);
    }

    @AfterEach
    void stopTheHost() throws Throwable {
        if (host != null) {
            FakeHost stopping = host;
            host = null;
            assertTimeoutPreemptively(STOP_WITHIN, stopping::close, "the fake host stops");
        }
        Files.deleteIfExists(socket());
    }

    @Test
    void restarting_ops_bot_with_a_message_sends_one_groups_restart_to_the_host_and_shows_what_it_answered() {
        String message = "Your config changed: check that the café tool still works.";
        GroupChangesPage opsBot = openGroup(OPS_BOT_ID);
        assertThat(opsBot.offersRestart()).as("the host runs, so the form is there").isTrue();
        assertThat(opsBot.hostNotRunning()).isEmpty();

        GroupChangesPage restarted = opsBot.restart(message, "pick up the new config");

        assertThat(restarted.problem()).isEmpty();
        assertThat(restarted.notice()).isEqualTo("Stopped 1 container(s) of ops-bot. They come back at once and the new"
                + " agent reads your message first.");
        assertThat(restarted.noticeDetails()).anySatisfy(detail -> assertThat(detail).startsWith("Your message is queued"));
        List<JsonNode> restarts = host.received().stream().map(JSON::readTree)
                .filter(frame -> "groups-restart".equals(frame.path("command").stringValue())).toList();
        assertThat(restarts).as("groups-restart frames the host received").hasSize(1);
        JsonNode args = restarts.get(0).path("args");
        assertThat(args.path("id").stringValue()).isEqualTo(OPS_BOT_ID);
        assertThat(args.path("message").stringValue()).isEqualTo(message);
        assertThat(restarted.offersRestart()).as("the host still runs").isTrue();
    }

    @Test
    @NoHostRunning
    void with_no_host_listening_the_page_says_the_host_is_not_running_and_offers_no_restart() throws IOException {
        assertThat(socket()).doesNotExist();
        GroupChangesPage opsBot = openGroup(OPS_BOT_ID);

        assertThat(opsBot.hostNotRunning())
                .hasValue("NanoClaw's host is not running here: changes take effect at the next spawn.");
        assertThat(opsBot.offersRestart()).isFalse();

        leaveASocketFileNobodyListensOn();
        GroupChangesPage afterACrash = openGroup(OPS_BOT_ID);

        assertThat(afterACrash.hostNotRunning()).as("a socket file left by a host that is gone")
                .hasValue("NanoClaw's host is not running here: changes take effect at the next spawn.");
        assertThat(afterACrash.offersRestart()).isFalse();
    }

    private GroupChangesPage openGroup(String id) {
        driver.get(baseUrl() + "/groups/" + id);
        return GroupChangesPage.of(driver);
    }

    private static Path socket() {
        return installCopy.resolve("data/ncl.sock");
    }

    /** What a host that died leaves behind: the socket file, with nobody listening on it. */
    private static void leaveASocketFileNobodyListensOn() throws IOException {
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertThat(socket()).exists();
    }
}
