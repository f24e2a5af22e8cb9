package io.nanoclaw.admin.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.nanoclaw.admin.SampleInstall;

/**
 * {@code GET /api/events} over real HTTP: a change through the API, and one made on disk by someone else, each arrive
 * as a {@code group} event naming the group, its folder and its new status.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveEventsApiTest {

    static final String TOKEN = "events-operator-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path temp;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void attach(DynamicPropertyRegistry registry) {
        registry.add("nanoclaw.install-root", () -> SampleInstall.copyTo(temp.resolve("install")).toString());
        registry.add("nanoclaw.data-dir", () -> temp.resolve("data").toString());
        registry.add("nanoclaw.admin.token", () -> TOKEN);
        registry.add("server.address", () -> "127.0.0.1");
    }

    @Test
    void changesThroughTheApiAndOnDiskArriveAsGroupEvents() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(url("/api/events"))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> read(stream.body(), events), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(next(events, "hello")).isNotNull();

            HttpResponse<String> fixed = http.send(HttpRequest.newBuilder(url("/api/groups/" + SampleInstall.OPS_BOT_ID
                            + "/fixes")).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"fix\":\"ALIGN_FROM_DB\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fixed.statusCode()).isEqualTo(200);
            JsonNode aligned = groupEvent(events, SampleInstall.OPS_BOT_ID);
            assertThat(aligned.get("folder").stringValue()).isEqualTo("ops-bot");
            assertThat(aligned.get("status").stringValue()).isEqualTo("ALIGNED");
            assertThat(aligned.get("previousStatus").stringValue()).isEqualTo("DRIFTED");

            // Someone else puts another provider into the file: DB codex, file claude.
            Path opsBot = temp.resolve("install/groups/ops-bot/container.json");
            Files.writeString(opsBot, Files.readString(opsBot).replace("\"provider\": \"codex\"", "\"provider\": \"claude\""));
            JsonNode drifted = groupEvent(events, SampleInstall.OPS_BOT_ID);
            assertThat(drifted.get("status").stringValue()).isEqualTo("DRIFTED");
            assertThat(drifted.get("summary").stringValue()).contains("GROUP_PROVIDER_MISMATCH");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private JsonNode groupEvent(BlockingQueue<String[]> events, String groupId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String[] event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event[0].equals("group")) {
                JsonNode data = JSON.readTree(event[1]);
                if (groupId.equals(data.path("id").stringValue(null))) {
                    return data;
                }
                seen.add(event[1]);
            }
        }
        throw new AssertionError("no group event for " + groupId + " within 5 s; saw " + seen);
    }

    private static String[] next(BlockingQueue<String[]> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String[] event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event[0].equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** Parses the stream into [name, data] pairs. */
    private static void read(java.io.InputStream body, BlockingQueue<String[]> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new String[] {name, data.toString()});
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException e) {
            // the test closed the stream
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
