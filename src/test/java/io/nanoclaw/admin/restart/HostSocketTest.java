package io.nanoclaw.admin.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;
import io.nanoclaw.admin.install.GroupsDirectory;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;

/** The client of NanoClaw's {@code data/ncl.sock} against a stand-in host on a temp copy of the DB-era sample. */
@Timeout(20)
class HostSocketTest {

    static final String OPS_BOT = "ag-1776161200000-legcy1";
    static final Duration SHORT = Duration.ofMillis(400);

    @TempDir
    Path temp;

    Path install;
    Path socket;
    FakeHost host;

    @BeforeEach
    void copyTheSample() {
        install = SampleInstall.copyDbEraTo(temp.resolve("install"));
        socket = install.resolve("data/ncl.sock");
    }

    @AfterEach
    void stopTheHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void anAttachedInstallsSocketIsDataNclSockUnderItsRoot() {
        HostSocket client = new HostSocket(layout(InstallMode.ATTACHED), Duration.ofSeconds(5));
        assertThat(client.path()).contains(socket);
    }

    @Test
    void sendsOneLineWithTheCommandAndTheArgsAsAsciiJson() throws Exception {
        host = FakeHost.listen(socket);
        Map<String, String> args = new LinkedHashMap<>();
        args.put("id", OPS_BOT);
        args.put("message", "Café \"ready\"?\nGo/stop");

        HostAnswer answer = client().send("groups-restart", args);

        String line = host.nextRequest();
        String id = JsonMapper.builder().build().readTree(line).get("id").stringValue();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(line).isEqualTo("{\"id\":\"" + id + "\",\"command\":\"groups-restart\",\"args\":{\"id\":\"" + OPS_BOT
                + "\",\"message\":\"Caf\\u00E9 \\\"ready\\\"?\\nGo/stop\"}}");
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(line)).isTrue();
        assertThat(host.received()).hasSize(1);
        assertThat(answer.id()).isEqualTo(id);
    }

    @Test
    void withoutAMessageTheArgsHoldTheIdOnly() throws Exception {
        host = FakeHost.listen(socket);
        client().send("groups-restart", Map.of("id", OPS_BOT));

        JsonNode frame = JsonMapper.builder().build().readTree(host.nextRequest());
        assertThat(frame.get("args").propertyNames()).containsExactly("id");
        assertThat(frame.get("command").stringValue()).isEqualTo("groups-restart");
    }

    @Test
    void readsAnOkAnswer() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.ok("{\"restarted\":3,\"rebuilt\":false}"));

        HostAnswer answer = client().send("groups-restart", Map.of("id", OPS_BOT));

        assertThat(answer.ok()).isTrue();
        assertThat(answer.data().get("restarted").intValue()).isEqualTo(3);
        assertThat(answer.data().get("rebuilt").booleanValue()).isFalse();
        assertThat(answer.errorCode()).isNull();
        assertThat(answer.line()).contains("\"restarted\":3");
    }

    @Test
    void readsARefusal() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.refuse("handler-error", "--id is required"));

        HostAnswer answer = client().send("groups-restart", Map.of("id", OPS_BOT));

        assertThat(answer.ok()).isFalse();
        assertThat(answer.errorCode()).isEqualTo("handler-error");
        assertThat(answer.errorMessage()).isEqualTo("--id is required");
    }

    @Test
    void takesATransportErrorWhoseIdIsUnknownAsTheAnswer() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.raw("{\"id\":\"unknown\",\"ok\":false,\"error\":{\"code\":"
                + "\"transport-error\",\"message\":\"bad frame: bad request shape\"}}\n"));

        HostAnswer answer = client().send("groups-restart", Map.of("id", OPS_BOT));

        assertThat(answer.errorCode()).isEqualTo("transport-error");
    }

    @Test
    void noSocketFileMeansTheHostIsNotRunning() {
        HostSocket client = client();

        assertThat(client.running()).isFalse();
        assertThatThrownBy(() -> client.send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNotRunningException.class)
                .hasMessageContaining("not running").hasMessageContaining("ncl.sock");
    }

    @Test
    void aStaleSocketFileWithNobodyListeningMeansTheHostIsNotRunning() throws Exception {
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        HostSocket client = client();

        assertThat(client.running()).isFalse();
        assertThatThrownBy(() -> client.send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNotRunningException.class)
                .hasMessageContaining("nobody listens");
    }

    @Test
    void theEmbeddedDemoHasNoHost() {
        HostSocket client = new HostSocket(layout(InstallMode.EMBEDDED), Duration.ofSeconds(5));

        assertThat(client.path()).isEmpty();
        assertThat(client.running()).isFalse();
        assertThatThrownBy(() -> client.send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNotRunningException.class)
                .hasMessageContaining("embedded demo");
    }

    @Test
    void runningConnectsAndClosesWithoutSendingAnything() throws Exception {
        host = FakeHost.listen(socket);

        assertThat(client().running()).isTrue();

        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (host.connections() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(host.connections()).isEqualTo(1);
        Thread.sleep(100);
        assertThat(host.received()).isEmpty();
    }

    @Test
    void aHangingHostGivesAClearTimeoutWithinTheDeadline() throws Exception {
        host = FakeHost.listen(socket).hanging();
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOfSatisfying(HostNoAnswerException.class, e -> assertThat(e.requestSent()).isTrue())
                .hasMessageContaining("did not answer within 400 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(host.received()).hasSize(1);
    }

    @Test
    void aHostThatClosesWithoutAnsweringIsNoAnswer() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.closeWithoutAnswer());

        assertThatThrownBy(() -> client().send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOfSatisfying(HostNoAnswerException.class, e -> assertThat(e.requestSent()).isTrue())
                .hasMessageContaining("closed the connection without answering");
    }

    @Test
    void anOversizedAnswerIsRefused() throws Exception {
        String huge = "{\"id\":\"x\",\"ok\":true,\"data\":\"" + "x".repeat(HostSocket.MAX_ANSWER_BYTES) + "\"}\n";
        host = FakeHost.listen(socket).answering(FakeHost.raw(huge));

        assertThatThrownBy(() -> client().send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNoAnswerException.class)
                .hasMessageContaining("more than 65536 bytes");
    }

    @Test
    void anAnswerJustUnderTheLimitIsRead() throws Exception {
        String prefix = "{\"id\":\"unknown\",\"ok\":true,\"data\":\"";
        String suffix = "\"}";
        String big = prefix + "x".repeat(HostSocket.MAX_ANSWER_BYTES - prefix.length() - suffix.length()) + suffix;
        host = FakeHost.listen(socket).answering(FakeHost.raw(big + "\n"));

        assertThat(client().send("groups-restart", Map.of("id", OPS_BOT)).line()).hasSize(HostSocket.MAX_ANSWER_BYTES);
    }

    @Test
    void somethingThatIsNotAnNclAnswerIsNoAnswer() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.raw("hello there\n"));

        assertThatThrownBy(() -> client().send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNoAnswerException.class)
                .hasMessageContaining("not an ncl response");
    }

    @Test
    void anAnswerToAnotherRequestIsNoAnswer() throws Exception {
        host = FakeHost.listen(socket).answering(FakeHost.raw("{\"id\":\"someone-else\",\"ok\":true,\"data\":{}}\n"));

        assertThatThrownBy(() -> client().send("groups-restart", Map.of("id", OPS_BOT)))
                .isInstanceOf(HostNoAnswerException.class)
                .hasMessageContaining("another request");
    }

    private HostSocket client() {
        return new HostSocket(socket, SHORT, HostSocket.MAX_ANSWER_BYTES);
    }

    private InstallLayout layout(InstallMode mode) {
        return new InstallLayout(mode, install, install.resolve("data/v2.db").toString(),
                new GroupsDirectory(install.resolve("groups")));
    }
}
